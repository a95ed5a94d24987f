import { afterFailure, currentThrottle, stricter, THROTTLE_RULES, throttleDecision, type ThrottleDecision } from '../../domain/accounts/sign-in-throttle';
import { getThrottle, putThrottle, type ThrottleKind } from '../../store/throttle-repo';
import type { Store } from '../../store/store';

/** What a sign-in attempt is counted under: the typed username (existing or not) and the client address when known. */
export interface SignInAttempt {
  username: string;
  clientAddress?: string;
}

const keysOf = (attempt: SignInAttempt): [ThrottleKind, string][] => [
  ['user', attempt.username.toLowerCase()],
  ...(attempt.clientAddress ? [['address', attempt.clientAddress] as [ThrottleKind, string]] : []),
];

/** Whether the attempt may be checked now (the stricter of the username's and the address's state). */
export async function checkThrottle(store: Store, attempt: SignInAttempt, nowMs: number): Promise<ThrottleDecision> {
  const decisions = await Promise.all(keysOf(attempt).map(async ([kind, value]) => throttleDecision(await getThrottle(store, kind, value), nowMs)));
  return decisions.reduce(stricter, { allowed: true });
}

/** Counts a failed attempt against the username and the address (read, compute, write only over what was read). */
export async function recordFailure(store: Store, attempt: SignInAttempt, nowMs: number): Promise<void> {
  for (const [kind, value] of keysOf(attempt)) {
    for (let tries = 0; tries < 5; tries++) {
      const stored = await getThrottle(store, kind, value);
      const next = afterFailure(stored, nowMs);
      const expiresAtMs = nowMs + Math.max(THROTTLE_RULES.forgetAfterMs, THROTTLE_RULES.lockMs);
      if (await putThrottle(store, kind, value, next, stored, expiresAtMs)) break;
    }
  }
}

/** Whether a stored state still refuses or delays attempts at `nowMs` (for the administrators' list). */
export const isThrottled = (state: Parameters<typeof currentThrottle>[0], nowMs: number): boolean => !throttleDecision(state, nowMs).allowed;
