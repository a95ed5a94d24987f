import type { StepRecord } from '../../../../shared/domain/development/case';
import { noticeSummaryLine, summaryLine } from '../../../../shared/services/development/approval-summary';

// The case summary an approver reads: each step dated by the event itself (not the day it was entered), with its substance.

const record = (stepKey: string, stepNo: number, values: Record<string, unknown>): StepRecord =>
  ({ caseId: 'c1', stepKey, stepNo, stage: 1, attempt: 1, at: '2026-03-02T02:00:00.000Z', actorId: 'li', actorName: '李组织委员', values, attachments: [], explanations: [] }) as unknown as StepRecord;

test.each([
  ['the talk, dated by the talk', record('talk', 2, { talkDate: '2026-01-20', talker: '王书记' }), '2. 派人谈话（2026-01-20，李组织委员）'],
  ['the political review, with its conclusion', record('politicalReview', 10, { reviewDate: '2026-02-10', result: 'qualified' }), '（2026-02-10，李组织委员）：政审结论：合格'],
  ['the general meeting, with the vote', record('generalMeeting', 15, { meetingDate: '2026-02-26', voteResult: '应到 10 人，实到 9 人，赞成 9 票，通过' }), '（2026-02-26，李组织委员）：应到 10 人，实到 9 人，赞成 9 票，通过'],
  ['a notice review, by its notice, with the conclusion', record('noticeReview-admission', 0, { reviewedDate: '2026-02-20', decision: 'proceed' }), '拟接收预备党员公示结果处理（2026-02-20，李组织委员）：复核结论：异议不成立，继续办理'],
  ['the pre-review, with the decision', record('preReview', 13, { meetingDate: '2026-02-15', outcome: 'approved' }), '（2026-02-15，李组织委员）：决定：同意'],
  ['a step without an event date, by the day it was entered', record('placement', 20, {}), '（2026-03-02，李组织委员）'],
])('%s', (_name, given, expected) => {
  const line = summaryLine(given);
  expect(line).toContain(expected);
  expect(line).not.toMatch(/[A-Za-z_]{3,}/);
});

test('a notice line: the notice, its period in China dates, its result', () => {
  const notice = { publishedAt: '2026-02-09T16:30:00.000Z', endsAt: '2026-02-16T23:59:59+08:00', status: 'closed', objectionCount: 1, result: 'proceed' } as const;
  expect(noticeSummaryLine('admission', notice)).toBe('拟接收预备党员公示（2026-02-10 至 2026-02-16）：公示期满，收到异议 1 件，异议已处理：经调查不属实，继续办理');
  expect(noticeSummaryLine('developmentTarget', { ...notice, objectionCount: 0 })).toBe('发展对象公示（2026-02-10 至 2026-02-16）：公示期满，无异议');
});
