import { linkDates, resolveDecision, type ApprovalPolicy } from '../../../../shared/domain/approval/approval';

const A = 'approved' as const;
const R = 'rejected' as const;
const decisions = (...outcomes: ('approved' | 'rejected')[]) => outcomes.map((outcome) => ({ outcome }));

describe('resolveDecision', () => {
  test.each<[ApprovalPolicy, number, ('approved' | 'rejected')[], string]>([
    // any: the first decision decides
    ['any', 1, [], 'pending'],
    ['any', 1, [A], 'approved'],
    ['any', 3, [R], 'rejected'],
    ['any', 3, [A, R], 'approved'],
    ['any', 3, [R, A], 'rejected'],
    // all: every approver must approve; one rejection rejects
    ['all', 1, [A], 'approved'],
    ['all', 3, [A], 'pending'],
    ['all', 3, [A, A], 'pending'],
    ['all', 3, [A, A, A], 'approved'],
    ['all', 3, [R], 'rejected'],
    ['all', 3, [A, A, R], 'rejected'],
    // majority, odd: more than half approve → approved; approval impossible → rejected
    ['majority', 3, [A], 'pending'],
    ['majority', 3, [A, A], 'approved'],
    ['majority', 3, [R, R], 'rejected'],
    ['majority', 3, [A, R], 'pending'],
    ['majority', 3, [A, R, A], 'approved'],
    ['majority', 3, [A, R, R], 'rejected'],
    ['majority', 1, [A], 'approved'],
    ['majority', 1, [R], 'rejected'],
    // majority, even: a tie is no majority for approval → rejected
    ['majority', 2, [A], 'pending'],
    ['majority', 2, [A, A], 'approved'],
    ['majority', 2, [R], 'rejected'],
    ['majority', 2, [A, R], 'rejected'],
    ['majority', 4, [A, A], 'pending'],
    ['majority', 4, [A, A, A], 'approved'],
    ['majority', 4, [R, R], 'rejected'],
    ['majority', 4, [A, R, R], 'rejected'],
    ['majority', 4, [A, A, R], 'pending'],
    ['majority', 4, [A, A, R, R], 'rejected'],
    ['majority', 5, [R, R], 'pending'],
    ['majority', 5, [R, R, R], 'rejected'],
  ])('%s of %i approvers after %j → %s', (policy, count, outcomes, expected) => {
    expect(resolveDecision(policy, Array.from({ length: count }), decisions(...outcomes))).toBe(expected);
  });

  test('an approval without approvers is refused', () => {
    expect(() => resolveDecision('any', [], [])).toThrow();
  });
});

describe('linkDates', () => {
  test('default: valid 14 days, reminder 3 days before', () => {
    expect(linkDates(new Date('2026-09-23T01:00:00.000Z'))).toEqual({ expiresAt: '2026-10-07T01:00:00.000Z', reminderAt: '2026-10-04T01:00:00.000Z' });
  });
  test('configurable; a reminder never before the link was issued', () => {
    expect(linkDates(new Date('2026-09-23T01:00:00.000Z'), { linkValidDays: 7, reminderDaysBefore: 1 })).toEqual({
      expiresAt: '2026-09-30T01:00:00.000Z', reminderAt: '2026-09-29T01:00:00.000Z',
    });
    expect(linkDates(new Date('2026-09-23T01:00:00.000Z'), { linkValidDays: 2, reminderDaysBefore: 5 }).reminderAt).toBe('2026-09-23T01:00:00.000Z');
  });
});
