import { enterPaperCounts, recordMemberObjection } from '../../../shared/services/evaluation';
import { objectionTaskId, recordObjectionOutcomes } from '../../../shared/services/notice';
import { listObjections } from '../../../shared/store/objections-repo';
import { EvaluationState } from '../../../workflows/evaluation/evaluation-states';
import type { TestRuntime } from '../../support/local-runtime';
import { branchStaff, EvaluationDriver, FULL, startEvaluationRuntime } from './evaluation-fixtures';

// The other paths over the synthesized ASL: paper entry, a return from the higher committee, an objection to the
// published grades, a 不合格 through 限期改正 to its review.
let runtime: TestRuntime;
beforeEach(async () => {
  runtime = await startEvaluationRuntime();
});
afterEach(async () => {
  await runtime.shutdown();
});

/** Paper counts: 9 sheets; 张伟 优秀 by all, 刘洋 不合格 by 6, everyone else 合格 (孙燕 left blank on one sheet). */
function paperForm(evaluation: EvaluationDriver, returned: number): Record<string, string> {
  const form: Record<string, string> = { raterKind: 'member', issued: '9', returned: String(returned) };
  for (const name of [...FULL, '孙燕']) {
    const id = evaluation.id(name);
    if (name === '张伟') form[`n.${id}.excellent`] = '9';
    else if (name === '刘洋') Object.assign(form, { [`n.${id}.unqualified`]: '6', [`n.${id}.qualified`]: '3' });
    else form[`n.${id}.qualified`] = name === '孙燕' ? '8' : '9';
  }
  return form;
}

test('paper entry reconciled against the sheets returned; the higher committee returns the grades for reconsideration', async () => {
  const evaluation = await EvaluationDriver.start(runtime);
  await evaluation.submit('plan', { studyDate: '2026-12-07', planNotes: '方案' });
  await evaluation.submit('self-evaluation', { confirmMissing: 'on' });
  await expect(evaluation.submit('rating', {})).rejects.toMatchObject({ fieldErrors: { _form: '还没有收到党员的评议（网上评议或纸质评议表），不能结束民主评议。' } });
  await expect(enterPaperCounts(runtime.deps, branchStaff, evaluation.evaluationId, paperForm(evaluation, 10)))
    .rejects.toMatchObject({ fieldErrors: { returned: '党员评议收回评议表 10 份，多于发出的 9 份：本次评议表无效，请核对后重新评议。' } });
  await expect(enterPaperCounts(runtime.deps, branchStaff, evaluation.evaluationId, paperForm(evaluation, 8)))
    .rejects.toMatchObject({ fieldErrors: { [`counts.${evaluation.id('张伟')}`]: '张伟的优秀 9、合格 0、基本合格 0、不合格 0，合计 9 票，多于收回的评议表 8 份。' } });
  expect((await evaluation.file()).paper).toEqual([]);
  await enterPaperCounts(runtime.deps, branchStaff, evaluation.evaluationId, paperForm(evaluation, 9));
  const tally = (await evaluation.file()).tally;
  expect(tally.find((t) => t.name === '刘洋')).toMatchObject({ majority: ['unqualified'], member: { counts: { unqualified: 6, qualified: 3 }, returned: 9 } });
  expect(tally.find((t) => t.name === '孙燕')!.member.shares.qualified).toBeCloseTo(8 / 9);
  await evaluation.submit('rating', {});

  await expect(evaluation.submit('proposal', evaluation.proposalForm({ 张伟: 'excellent', 刘洋: 'unqualified' })))
    .rejects.toMatchObject({ fieldErrors: { [`reason.${evaluation.id('刘洋')}`]: '刘洋评定为不合格，须写明理由。' } });
  await evaluation.submit('proposal', evaluation.proposalForm({ 张伟: 'excellent', 刘洋: 'unqualified' }, { 刘洋: '全年无故不参加组织生活' }));
  await runtime.advanceTo('2026-12-08T01:00:00.000Z');
  expect(await evaluation.meeting()).toEqual({ adopted: true });
  expect(await evaluation.state()).toBe(EvaluationState.approval);

  await evaluation.decide('rejected');
  expect(await evaluation.state()).toBe(EvaluationState.proposal);
  const file = await evaluation.file();
  expect(file.evaluation.approvals).toEqual([expect.objectContaining({ outcome: 'rejected', comment: '请重新评定' })]);
  expect(file.steps.filter((s) => s.stepKey === 'proposal').map((s) => s.attempt)).toEqual([1]);
  // Reconsidered: 刘洋 基本合格 now departs from the majority, with a reason.
  await evaluation.submit('proposal', evaluation.proposalForm({ 张伟: 'excellent', 刘洋: 'basic' }, { 刘洋: '经谈话认识到问题，态度诚恳' }));
  await evaluation.meeting();
  await evaluation.decide('approved');
  expect(await evaluation.state()).toBe(EvaluationState.publication);
  expect((await evaluation.file()).evaluation.grades?.find((g) => g.name === '刘洋')?.grade).toBe('basic');
});

test('an objection to the published grades sends them back to the proposal; 不合格 goes through 限期改正 to its review', async () => {
  const evaluation = await EvaluationDriver.start(runtime);
  await evaluation.throughRating();
  await evaluation.submit('proposal', evaluation.proposalForm({ 张伟: 'excellent', 王芳: 'excellent', 李娜: 'excellent', 孙燕: 'basic', 刘洋: 'unqualified' }, { 刘洋: '长期不参加组织生活' }));
  await runtime.advanceTo('2026-12-08T01:00:00.000Z');
  await evaluation.meeting();
  await evaluation.decide('approved');
  expect(await evaluation.state()).toBe(EvaluationState.publication);

  // A member objects during the publication (recorded by staff); at the end staff find it founded.
  await recordMemberObjection(runtime.deps, branchStaff, evaluation.evaluationId, { content: '刘洋同志今年下半年已按时参加组织生活', name: '陈静' });
  const noticeId = (await evaluation.file()).evaluation.noticeId!;
  await runtime.advanceTo('2026-12-15T01:00:00.000Z');
  const [objection] = await listObjections(runtime.store, noticeId);
  await recordObjectionOutcomes(runtime.deps, branchStaff, objectionTaskId(noticeId), { [`decision.${objection.id}`]: 'founded', [`note.${objection.id}`]: '经核实情况属实，重新评定' });
  await runtime.stepFunctions.settled();
  expect(await evaluation.state()).toBe(EvaluationState.proposal);

  // Reconsidered, the 不合格 kept with a fuller reason; adopted, approved, published again without objection.
  await evaluation.submit('proposal', evaluation.proposalForm({ 张伟: 'excellent', 王芳: 'excellent', 李娜: 'excellent', 孙燕: 'basic', 刘洋: 'unqualified' }, { 刘洋: '上半年长期不参加组织生活，经教育仍未改正' }));
  await evaluation.meeting();
  await evaluation.decide('approved');
  const second = (await evaluation.file()).evaluation;
  expect(second.noticeId).not.toBe(noticeId);
  expect(second.publishedOn).toBe('2026-12-15');
  await runtime.advanceTo('2026-12-22T01:00:00.000Z');
  expect(await evaluation.state()).toBe(EvaluationState.followUp);
  const liu = (await evaluation.file()).evaluation.grades!.find((g) => g.name === '刘洋')!;
  expect(liu.followUp).toEqual({ kind: 'correction', dueDate: '2027-06-15' });

  const form = { [`talk.${evaluation.id('孙燕')}`]: '2026-12-22', [`review.${evaluation.id('刘洋')}`]: 'corrected' };
  await expect(evaluation.submit('follow-up', form)).rejects.toMatchObject({ fieldErrors: { [`review.${evaluation.id('刘洋')}`]: '刘洋的限期改正到 2027-06-15 期满，期满后方可评定整改结果。' } });
  await runtime.advanceTo('2027-06-15T01:00:00.000Z');
  await evaluation.submit('follow-up', form);
  expect(await evaluation.state()).toBe('SUCCEEDED');
  expect((await evaluation.file()).evaluation.grades!.find((g) => g.name === '刘洋')).toMatchObject({ grade: 'unqualified', correction: 'corrected' });
});
