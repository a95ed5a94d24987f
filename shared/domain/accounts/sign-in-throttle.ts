/**
 * Sign-in throttling (local accounts): failures are counted per typed username and per client address, whether or not
 * the username exists, so a refusal says nothing about which accounts exist.
 *   fewer than 5 failures          sign in freely
 *   5 to 19 failures               each further attempt waits a growing delay after the last failure (30 s, 1, 2, 4, 8 min, then 10 min)
 *   20 failures                    locked for 15 minutes after the last failure (an administrator may unlock at once)
 * Failures are forgotten one hour after the last one (a lock runs its 15 minutes first).
 */
export const THROTTLE_RULES = {
  delayAfter: 5,
  lockAfter: 20,
  firstDelayMs: 30_000,
  maxDelayMs: 10 * 60_000,
  lockMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
} as const;

export interface ThrottleState {
  failures: number;
  lastFailureAtMs: number;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; reason: 'delay' | 'locked'; retryAtMs: number };

/** The wait before the next attempt after `failures` failures (0 below the threshold). */
export function delayAfterFailures(failures: number): number {
  const { delayAfter, lockAfter, firstDelayMs, maxDelayMs, lockMs } = THROTTLE_RULES;
  if (failures >= lockAfter) return lockMs;
  if (failures < delayAfter) return 0;
  return Math.min(firstDelayMs * 2 ** (failures - delayAfter), maxDelayMs);
}

/** The state still in force at `nowMs` (undefined once forgotten). */
export function currentThrottle(state: ThrottleState | undefined, nowMs: number): ThrottleState | undefined {
  if (!state) return undefined;
  const keepFor = Math.max(THROTTLE_RULES.forgetAfterMs, delayAfterFailures(state.failures));
  return nowMs - state.lastFailureAtMs >= keepFor ? undefined : state;
}

/** Whether an attempt at `nowMs` may be checked at all. */
export function throttleDecision(state: ThrottleState | undefined, nowMs: number): ThrottleDecision {
  const current = currentThrottle(state, nowMs);
  if (!current) return { allowed: true };
  const retryAtMs = current.lastFailureAtMs + delayAfterFailures(current.failures);
  if (nowMs >= retryAtMs) return { allowed: true };
  return { allowed: false, reason: current.failures >= THROTTLE_RULES.lockAfter ? 'locked' : 'delay', retryAtMs };
}

/** The state after one more failure at `nowMs`. */
export function afterFailure(state: ThrottleState | undefined, nowMs: number): ThrottleState {
  const current = currentThrottle(state, nowMs);
  return { failures: (current?.failures ?? 0) + 1, lastFailureAtMs: nowMs };
}

/** The more restrictive of two decisions (username and client address). */
export function stricter(a: ThrottleDecision, b: ThrottleDecision): ThrottleDecision {
  if (a.allowed) return b;
  if (b.allowed) return a;
  return a.retryAtMs >= b.retryAtMs ? a : b;
}
