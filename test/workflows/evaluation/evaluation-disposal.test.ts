import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { mailEvaluationFollowUpReminders, personGrades } from '../../../shared/services/evaluation';
import { EvaluationState } from '../../../workflows/evaluation/evaluation-states';
import type { TestRuntime } from '../../support/local-runtime';
import { EvaluationDriver, startEvaluationRuntime } from './evaluation-fixtures';

// Step 8 over the synthesized ASL: 限期改正 reminded by the scheduler, reviewed at its deadline as 除名 / 劝其退党,
// decided by the general meeting (quorum rule) and approved by the higher committee by e-mail link; a probationary
// member graded 不合格 pointed to the development case.
let runtime: TestRuntime;
beforeEach(async () => {
  runtime = await startEvaluationRuntime();
});
afterEach(async () => {
  await runtime.shutdown();
});

test('限期改正 reminded, reviewed as 除名, the meeting refused without a quorum, returned by the committee, reviewed again as 劝其退党 and approved', async () => {
  const evaluation = await EvaluationDriver.start(runtime);
  // 孙燕 (probationary) has an open development case.
  await runtime.store.doc.send(new PutCommand({ TableName: runtime.store.tableName, Item: { pk: `PERSON#${evaluation.id('孙燕')}`, sk: 'DEVCASE', type: 'person-case', caseId: 'case-sun', open: true } }));
  await evaluation.throughRating();
  await evaluation.submit('proposal', evaluation.proposalForm({ 张伟: 'excellent', 王芳: 'excellent', 李娜: 'excellent', 孙燕: 'unqualified', 刘洋: 'unqualified' }, { 孙燕: '预备期内多次无故缺席组织生活', 刘洋: '长期不参加组织生活' }));
  await runtime.advanceTo('2026-12-08T01:00:00.000Z');
  await evaluation.meeting();
  await evaluation.decide('approved');
  await runtime.advanceTo('2026-12-15T01:00:00.000Z');
  expect(await evaluation.state()).toBe(EvaluationState.followUp); // published 2026-12-08, 5 working days

  // The probationary member: no 限期改正 here, pointed to the development case; the staff told once.
  const grades = (await evaluation.file()).evaluation.grades!;
  expect(grades.find((g) => g.name === '孙燕')).toMatchObject({ grade: 'unqualified', developmentCaseId: 'case-sun' });
  expect(grades.find((g) => g.name === '孙燕')!.followUp).toBeUndefined();
  const pointer = runtime.mailer.sent.filter((m) => m.subject.startsWith('【待办】预备党员民主评议为不合格'));
  expect(pointer).toHaveLength(1);
  expect(pointer[0].text).toContain('孙燕：http://localhost:3000/staff/cases/case-sun');
  expect(grades.find((g) => g.name === '刘洋')!.followUp).toEqual({ kind: 'correction', dueDate: '2027-06-08' });

  // The scheduler reminds 7 days before the deadline and on it, each once.
  const reminders = async (at: string) => {
    await runtime.advanceTo(at);
    return (await mailEvaluationFollowUpReminders(runtime.deps)).map((r) => `${r.name}:${r.level}`);
  };
  expect(await reminders('2027-05-31T01:00:00.000Z')).toEqual([]);
  expect(await reminders('2027-06-01T01:00:00.000Z')).toEqual(['刘洋:due-soon']);
  expect(await reminders('2027-06-02T01:00:00.000Z')).toEqual([]);
  expect(await reminders('2027-06-08T01:00:00.000Z')).toEqual(['刘洋:due']);
  expect(await reminders('2027-06-09T01:00:00.000Z')).toEqual([]);
  expect(runtime.mailer.sent.at(-1)).toMatchObject({ subject: '【民主评议提醒】办公室党支部：刘洋限期改正已到期', to: ['zuzhi@example.org'] });
  expect(runtime.mailer.sent.at(-1)?.text).toContain('刘洋的限期改正已于 2027-06-08 期满，请组织复查');

  // Reviewed: 除名 → the general meeting decides (9 should attend; 4 present is no quorum: refused, the step stays open).
  const liu = evaluation.id('刘洋');
  await evaluation.submit('follow-up', { [`review.${liu}`]: 'remove' });
  expect(await evaluation.state()).toBe(EvaluationState.disposalMeeting);
  const disposalMeeting = (present: number, yes: number) => evaluation.submit('disposal-meeting', { meetingDate: '2027-06-09', present: String(present), yes: String(yes) });
  await expect(disposalMeeting(4, 4)).rejects.toMatchObject({ fieldErrors: { present: '会议未达到法定人数，不能表决，请重新召开（应到会 9 人，至少须到会 5 人）。' } });
  expect(await evaluation.state()).toBe(EvaluationState.disposalMeeting);
  expect(await disposalMeeting(8, 8)).toEqual({ adopted: true });
  expect(await evaluation.state()).toBe(EvaluationState.disposalApproval);
  const approvalMail = runtime.mailer.sent.at(-1)!;
  expect(approvalMail.subject).toContain('民主评议不合格党员组织处置');
  expect(approvalMail.text).toContain('刘洋：除名');

  // Returned by the committee: reviewed again.
  await evaluation.decide('rejected', '2027-06-09');
  expect(await evaluation.state()).toBe(EvaluationState.followUp);
  expect((await evaluation.file()).evaluation.grades!.find((g) => g.name === '刘洋')).toMatchObject({ correction: 'remove', disposal: 'returned' });
  await evaluation.submit('follow-up', { [`review.${liu}`]: 'advise-withdrawal' });
  // A failed vote goes back to the review too.
  expect(await disposalMeeting(8, 3)).toEqual({ adopted: false });
  expect(await evaluation.state()).toBe(EvaluationState.followUp);
  await evaluation.submit('follow-up', { [`review.${liu}`]: 'advise-withdrawal' });
  expect(await disposalMeeting(9, 9)).toEqual({ adopted: true });
  await evaluation.decide('approved', '2027-06-09');
  expect(await evaluation.state()).toBe('SUCCEEDED');
  const done = (await evaluation.file()).evaluation;
  expect(done).toMatchObject({ status: 'completed', phase: 'completed' });
  expect(done.grades!.find((g) => g.name === '刘洋')).toMatchObject({ correction: 'advise-withdrawal', disposal: 'approved' });
  expect(await personGrades(runtime.deps, liu)).toEqual([expect.objectContaining({ grade: 'unqualified', correction: 'advise-withdrawal' })]);
  expect(done.approvals.map((a) => `${a.approvalId.replace(`${done.id}-`, '')}:${a.outcome}`)).toEqual(['grades-1:approved', 'disposal-1:rejected', 'disposal-2:approved']);
  const audit = (await evaluation.file()).audit.map((e) => e.action);
  expect(audit).toEqual(expect.arrayContaining(['evaluation.disposal-rejected', 'evaluation.disposal-approved', 'evaluation.follow-up-reminder-sent']));
});
