import fc from 'fast-check';
import { afterFailure, delayAfterFailures, stricter, THROTTLE_RULES, throttleDecision, type ThrottleState } from '../../../../shared/domain/accounts/sign-in-throttle';

const T0 = Date.parse('2026-03-02T01:00:00.000Z');
const S = 1000;
const MIN = 60 * S;
const state = (failures: number, lastFailureAtMs = T0): ThrottleState => ({ failures, lastFailureAtMs });

describe('sign-in throttle', () => {
  test.each([
    [0, 0], [4, 0], [5, 30 * S], [6, 60 * S], [7, 2 * MIN], [9, 8 * MIN], [10, 10 * MIN], [19, 10 * MIN], [20, 15 * MIN], [25, 15 * MIN],
  ])('after %i failures the next attempt waits %i ms', (failures, wait) => {
    expect(delayAfterFailures(failures)).toBe(wait);
  });

  test.each([
    ['4 failures: no wait', state(4), T0, { allowed: true }],
    ['5 failures, 1 ms before the delay ends', state(5), T0 + 30 * S - 1, { allowed: false, reason: 'delay', retryAtMs: T0 + 30 * S }],
    ['5 failures, as the delay ends', state(5), T0 + 30 * S, { allowed: true }],
    ['19 failures, 1 ms before 10 minutes', state(19), T0 + 10 * MIN - 1, { allowed: false, reason: 'delay', retryAtMs: T0 + 10 * MIN }],
    ['20 failures: locked, 1 ms before 15 minutes', state(20), T0 + 15 * MIN - 1, { allowed: false, reason: 'locked', retryAtMs: T0 + 15 * MIN }],
    ['20 failures: 15 minutes later', state(20), T0 + 15 * MIN, { allowed: true }],
    ['nothing stored', undefined, T0, { allowed: true }],
  ] as const)('%s', (_name, stored, now, expected) => {
    expect(throttleDecision(stored, now)).toEqual(expected);
  });

  test.each([
    ['one hour less 1 ms after the last failure: counted on', T0 + THROTTLE_RULES.forgetAfterMs - 1, 8],
    ['one hour after the last failure: forgotten', T0 + THROTTLE_RULES.forgetAfterMs, 1],
  ])('%s', (_name, now, failures) => {
    expect(afterFailure(state(7), now)).toEqual({ failures, lastFailureAtMs: now });
  });

  test('stricter takes the later retry of two refusals, and any refusal over an allowance', () => {
    const a = { allowed: false as const, reason: 'delay' as const, retryAtMs: T0 + 1 };
    const b = { allowed: false as const, reason: 'locked' as const, retryAtMs: T0 + 2 };
    expect(stricter(a, b)).toBe(b);
    expect(stricter({ allowed: true }, a)).toBe(a);
    expect(stricter(a, { allowed: true })).toBe(a);
  });

  test('invariant: failures in quick succession are never allowed sooner than the rules say; the wait never shrinks as failures grow', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (n) => {
        let s: ThrottleState | undefined;
        for (let i = 0; i < n; i++) s = afterFailure(s, T0);
        expect(s!.failures).toBe(n);
        const decision = throttleDecision(s, T0);
        expect(decision.allowed).toBe(n < THROTTLE_RULES.delayAfter);
        expect(delayAfterFailures(n + 1)).toBeGreaterThanOrEqual(delayAfterFailures(n));
      }),
    );
  });
});
