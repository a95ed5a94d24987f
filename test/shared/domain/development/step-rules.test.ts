import type { DevelopmentCase } from '../../../../shared/domain/development/case';
import { DEFAULT_RULE_SET } from '../../../../shared/domain/development/rule-set';
import type { MemberOnDate } from '../../../../shared/domain/development/members';
import { evaluateStep, type StepFacts } from '../../../../shared/domain/development/step-rules';

// A step's rules on the case and the facts the service read for it (boundary on each side). Without attendance
// facts (a branch with no members in the registry) the vote counts are checked by the vote rule alone.

const devCase = (dates: DevelopmentCase['dates']): DevelopmentCase => ({
  id: 'c1', personId: 'p1', personName: '张三', orgId: 'b1', ruleSetVersion: '2014', status: 'active', stage: 5, attempt: 1, stageState: 'running',
  dates, outcomeReasons: [], warnings: [], createdAt: 'x', updatedAt: 'x', version: 1,
});
const base = { applicationDate: '2025-01-06', talkDate: '2025-01-20', activistDate: '2025-03-10', admissionMeetingDate: '2026-06-30' };
const vote = { shouldAttend: 16, present: 9, yes: 9, exclusions: '无', oneAtATime: true, discussion: '同意' };
const codes = (key: string, values: Record<string, unknown>, today = '2027-12-31', facts: StepFacts = {}) =>
  evaluateStep(key as never, values, devCase(base), facts, DEFAULT_RULE_SET, today).problems.map((p) => p.code);

test.each([
  ['a step dated today', 'talk', { talkDate: '2025-01-20', talker: '李', content: '谈话' }, '2025-01-20', []],
  ['a step dated tomorrow', 'talk', { talkDate: '2025-01-21', talker: '李', content: '谈话' }, '2025-01-20', ['DATE_IN_FUTURE']],
  ['the activist decision on the talk day', 'activistDecision', { decisionDate: '2025-01-20' }, '2027-12-31', []],
  ['the activist decision the day before the talk', 'activistDecision', { decisionDate: '2025-01-19' }, '2027-12-31', ['BEFORE_TALK']],
  ['training ending on its first day', 'training', { startDate: '2026-05-10', endDate: '2026-05-10', days: 3 }, '2027-12-31', []],
  ['training ending before it starts', 'training', { startDate: '2026-05-10', endDate: '2026-05-09', days: 3 }, '2027-12-31', ['TRAINING_DATES']],
  ['the conversion meeting on the last day of probation', 'conversionMeeting', { meetingDate: '2027-06-30', outcome: 'on-time', ...vote }, '2027-12-31', []],
  ['the conversion meeting the day before', 'conversionMeeting', { meetingDate: '2027-06-29', outcome: 'on-time', ...vote }, '2027-12-31', ['BEFORE_PROBATION_END']],
  ['an extension with its reason', 'conversionMeeting', { meetingDate: '2027-06-30', outcome: 'extend', extensionMonths: 6, reason: '继续考察', ...vote }, '2027-12-31', []],
  ['an extension without a reason', 'conversionMeeting', { meetingDate: '2027-06-30', outcome: 'extend', extensionMonths: 6, ...vote }, '2027-12-31', ['REASON_REQUIRED']],
  ['a vote with more yes than present', 'generalMeeting', { meetingDate: '2026-06-30', ...vote, yes: 10 }, '2027-12-31', ['VOTE_COUNTS']],
  ['a meeting with 8 of 16 present: no quorum, no vote', 'generalMeeting', { meetingDate: '2026-06-30', ...vote, present: 8, yes: 8 }, '2027-12-31', ['NO_QUORUM']],
  ['a meeting with 8 of 16 present, even "confirmed" as failed', 'generalMeeting', { meetingDate: '2026-06-30', ...vote, present: 8, yes: 8, confirmVoteFailed: true }, '2027-12-31', ['NO_QUORUM']],
  ['a conversion meeting with 8 of 16 present', 'conversionMeeting', { meetingDate: '2027-06-30', outcome: 'on-time', ...vote, present: 8, yes: 8 }, '2027-12-31', ['NO_QUORUM']],
  ['a failed vote (9 present, 8 yes) not confirmed', 'generalMeeting', { meetingDate: '2026-06-30', ...vote, yes: 8 }, '2027-12-31', ['VOTE_FAILED_UNCONFIRMED']],
  ['a failed vote (9 present, 8 yes) confirmed', 'generalMeeting', { meetingDate: '2026-06-30', ...vote, yes: 8, confirmVoteFailed: true }, '2027-12-31', []],
  ['a failed conversion vote not confirmed', 'conversionMeeting', { meetingDate: '2027-06-30', outcome: 'on-time', ...vote, yes: 8 }, '2027-12-31', ['VOTE_FAILED_UNCONFIRMED']],
] as const)('%s', (_name, key, values, today, expected) => {
  expect(codes(key, values, today)).toEqual(expected);
});

const member: MemberOnDate = { id: 'm1', name: '王五', status: 'full', rightsState: 'normal' };
test.each([
  ['16 should attend by the roster, 16 entered', { attendance: { shouldAttendCount: 16, excludedCount: 1 } }, []],
  ['17 should attend by the roster, 16 entered', { attendance: { shouldAttendCount: 17, excludedCount: 0 } }, ['SHOULD_ATTEND_MISMATCH']],
  ['15 should attend by the roster, 16 entered', { attendance: { shouldAttendCount: 15, excludedCount: 2 } }, ['SHOULD_ATTEND_MISMATCH']],
] as const)('general meeting: %s', (_name, facts, expected) => {
  expect(codes('generalMeeting', { meetingDate: '2026-06-30', ...vote }, '2027-12-31', facts)).toEqual(expected);
});

test('contacts the registry does not know are refused by id; known ones are named', () => {
  const facts: StepFacts = { chosen: { members: [member, { ...member, id: 'm2', name: '赵六' }], unknownIds: ['x9'] } };
  const result = evaluateStep('contacts', { assignedDate: '2025-03-20', contactIds: ['m1', 'm2', 'x9'] }, devCase(base), facts, DEFAULT_RULE_SET, '2027-12-31');
  expect(result.problems.map((p) => p.code)).toContain('PERSON_UNKNOWN');
  expect(result.problems.find((p) => p.code === 'PERSON_UNKNOWN')?.message).toContain('x9');
  expect(result.derived).toEqual({ contactNames: ['王五', '赵六'] });
});

test.each([
  [8, false],
  [9, true],
] as const)('a conversion vote of %i yes of 16 should-attend: passed %s, the outcome follows', (yes, passed) => {
  const result = evaluateStep('conversionMeeting', { meetingDate: '2027-06-30', outcome: 'on-time', ...vote, yes, confirmVoteFailed: !passed }, devCase(base), {}, DEFAULT_RULE_SET, '2027-12-31');
  expect(result.output).toEqual({ outcome: passed ? 'on-time' : 'vote-failed' });
  expect(result.dates).toEqual(passed ? { conversionMeetingDate: '2027-06-30' } : {});
});
