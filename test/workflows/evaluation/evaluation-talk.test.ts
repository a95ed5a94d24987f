import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { AuthForbiddenError, InputInvalidError } from '../../../shared/errors';
import type { Actor } from '../../../shared/services/actor';
import { mailEvaluationFollowUpReminders, personGrades, recordImprovementTalk } from '../../../shared/services/evaluation';
import { evaluationArchivePrintPage } from '../../../shared/ui/pages/evaluation-archive-print';
import { evaluationFilePage } from '../../../shared/ui/pages/evaluation-file';
import { putTestOrg, testOrg } from '../../support/registry-fixtures';
import { EvaluationState } from '../../../workflows/evaluation/evaluation-states';
import type { TestRuntime } from '../../support/local-runtime';
import { branchStaff, EvaluationDriver, startEvaluationRuntime } from './evaluation-fixtures';

// Issue 18 item 2: the improvement talk of a 基本合格 member recorded on its own, before the follow-up step, over the
// synthesized ASL with DynamoDB Local: idempotent on a double submission, authorized, in the file and the archive,
// on the person's record; its reminders stop, and the follow-up step no longer asks for it.
let runtime: TestRuntime;
beforeEach(async () => {
  runtime = await startEvaluationRuntime();
});
afterEach(async () => {
  await runtime.shutdown();
});

const otherBranchStaff: Actor = { id: 'zuzhi-2', displayName: '孔组织委员', role: 'branch-staff', orgId: 'branch-2', scopeOrgIds: ['branch-2'] };

async function scan(): Promise<string[]> {
  const { Items = [] } = await runtime.store.doc.send(new ScanCommand({ TableName: runtime.store.tableName }));
  return Items.map((item) => JSON.stringify(item, Object.keys(item).sort())).sort();
}

/** 孙燕 graded 基本合格; the grades published on Tuesday 2026-12-08 and recorded on 2026-12-15 (follow-up open). */
async function inFollowUp(): Promise<EvaluationDriver> {
  const evaluation = await EvaluationDriver.start(runtime);
  await evaluation.throughRating();
  await evaluation.submit('proposal', evaluation.proposalForm({ 张伟: 'excellent', 王芳: 'excellent', 李娜: 'excellent', 孙燕: 'basic' }));
  await runtime.advanceTo('2026-12-08T01:00:00.000Z');
  await evaluation.meeting();
  await evaluation.decide('approved');
  await runtime.advanceTo('2026-12-15T01:00:00.000Z');
  expect(await evaluation.state()).toBe(EvaluationState.followUp);
  return evaluation;
}

test('a talk recorded on its own: once on a double submission, in the file, the archive and the record; its reminders stop; the follow-up step no longer asks for it', async () => {
  const evaluation = await inFollowUp();
  await putTestOrg(runtime.store, testOrg({ id: 'branch-2', kind: 'branch', parentId: 'committee-1', name: '财务处党支部' }));
  const sun = evaluation.id('孙燕');
  const talk = { personId: sun, date: '2026-12-15', talkers: '钱组织委员 支部组织委员', note: '指出学习不够的问题，约定每月交流一次。' };

  // Refused, nothing written: another branch's staff; a member not graded 基本合格; a date after today; a field missing.
  const before = await scan();
  await expect(recordImprovementTalk(runtime.deps, otherBranchStaff, evaluation.evaluationId, talk)).rejects.toBeInstanceOf(AuthForbiddenError);
  await expect(recordImprovementTalk(runtime.deps, branchStaff, evaluation.evaluationId, { ...talk, personId: evaluation.id('张伟') }))
    .rejects.toMatchObject({ fieldErrors: { personId: '只有评定为基本合格的党员需要登记谈心谈话，请从列表中选择。' } });
  await expect(recordImprovementTalk(runtime.deps, branchStaff, evaluation.evaluationId, { ...talk, date: '2026-12-16' }))
    .rejects.toMatchObject({ fieldErrors: { date: '谈话日期不能晚于今天。' } });
  await expect(recordImprovementTalk(runtime.deps, branchStaff, evaluation.evaluationId, { ...talk, talkers: '' })).rejects.toBeInstanceOf(InputInvalidError);
  expect(await scan()).toEqual(before);

  // Submitted twice at once: recorded once, one audit event.
  const results = await Promise.all([1, 2].map(() => recordImprovementTalk(runtime.deps, branchStaff, evaluation.evaluationId, talk)));
  expect(results.map((r) => r.recorded).sort()).toEqual([false, true]);
  const file = await evaluation.file();
  expect(file.audit.filter((e) => e.action === 'evaluation.talk-recorded')).toHaveLength(1);
  const followUp = file.evaluation.grades!.find((g) => g.personId === sun)!.followUp;
  expect(followUp).toEqual({ kind: 'improvement-talk', dueDate: '2027-01-08', doneOn: '2026-12-15', talk: { date: '2026-12-15', talkers: talk.talkers, note: talk.note } });
  await expect(recordImprovementTalk(runtime.deps, branchStaff, evaluation.evaluationId, { ...talk, note: '另一次' })).rejects.toBeInstanceOf(InputInvalidError);
  expect(await personGrades(runtime.deps, sun)).toEqual([expect.objectContaining({ grade: 'basic', followUp })]);

  // The file shows it and no longer offers the form; the archive has it.
  const page = evaluationFilePage({ file, staff: { displayName: '钱组织委员', role: 'branch-staff', csrfToken: 't' } }).value;
  expect(page).toContain('已于 2026-12-15 谈话（谈话人：钱组织委员 支部组织委员；指出学习不够的问题');
  expect(page).not.toContain('登记谈心谈话</button>');
  expect(evaluationArchivePrintPage(file, '2026-12-15').value).toContain('已于 2026年12月15日 谈话（谈话人：钱组织委员 支部组织委员；谈话情况：指出学习不够的问题');

  // Past its date: no reminder for the talk (what the scheduler's tick mails).
  await runtime.advanceTo('2027-01-09T01:00:00.000Z');
  expect(await mailEvaluationFollowUpReminders(runtime.deps)).toEqual([]);

  // The follow-up step takes the recorded talk: nothing more to fill in.
  await evaluation.submit('follow-up', {});
  expect(await evaluation.state()).toBe('SUCCEEDED');
  expect(await personGrades(runtime.deps, sun)).toEqual([expect.objectContaining({ followUp: expect.objectContaining({ doneOn: '2026-12-15', talk: expect.objectContaining({ talkers: talk.talkers }) }) })]);
});

test('without a recorded talk the reminder is mailed; a talk cannot be recorded before the grades are published', async () => {
  const evaluation = await EvaluationDriver.start(runtime);
  await evaluation.throughRating();
  await expect(recordImprovementTalk(runtime.deps, branchStaff, evaluation.evaluationId, { personId: evaluation.id('孙燕'), date: '2026-12-07', talkers: '钱组织委员', note: '谈话' }))
    .rejects.toMatchObject({ httpStatus: 409, userMessage: '谈心谈话在定档结果公开后、组织处置办结前登记；此次民主评议现在不能登记。' });
  await evaluation.submit('proposal', evaluation.proposalForm({ 张伟: 'excellent', 王芳: 'excellent', 李娜: 'excellent', 孙燕: 'basic' }));
  await runtime.advanceTo('2026-12-08T01:00:00.000Z');
  await evaluation.meeting();
  await evaluation.decide('approved');
  await runtime.advanceTo('2027-01-09T01:00:00.000Z');
  expect((await mailEvaluationFollowUpReminders(runtime.deps)).map((r) => `${r.name}:${r.level}`)).toEqual(['孙燕:due']);
  expect(runtime.mailer.sent.at(-1)?.subject).toBe('【民主评议提醒】办公室党支部：孙燕谈心谈话、督促改进已到期');
});
