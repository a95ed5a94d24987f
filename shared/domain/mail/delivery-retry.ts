/**
 * What happens after a failed delivery attempt: a temporary failure (the mail server busy or unreachable, a 4xx
 * answer) is tried again after a growing delay, until the delays are used up; a permanent one (a 5xx answer, the
 * sign-in to the mail server refused) is given up at once, for an administrator to see.
 */

export type DeliveryFailure = 'temporary' | 'permanent';

/** Delays before the 2nd, 3rd, … attempt: 1 minute, 5 minutes, 30 minutes, 2 hours, 6 hours. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000];

export type NextDelivery = { status: 'pending'; delayMs: number } | { status: 'failed' };

/** After attempt number `attempts` (1 = the first) failed with `failure`. */
export function nextDelivery(attempts: number, failure: DeliveryFailure, delaysMs: readonly number[] = DEFAULT_RETRY_DELAYS_MS): NextDelivery {
  if (failure === 'permanent' || attempts > delaysMs.length) return { status: 'failed' };
  return { status: 'pending', delayMs: delaysMs[Math.max(0, attempts - 1)] };
}

/** SMTP reply codes: 4xx temporary, 5xx permanent; no code (a connection or time-out problem) temporary. */
export function smtpFailureKind(responseCode: number | undefined, errorCode: string | undefined): DeliveryFailure {
  if (errorCode === 'EAUTH' || errorCode === 'EENVELOPE') return 'permanent';
  if (responseCode !== undefined && responseCode >= 500) return 'permanent';
  return 'temporary';
}
