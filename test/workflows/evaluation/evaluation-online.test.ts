import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { InputInvalidError } from '../../../shared/errors';
import { EvaluationExistsError, openRatingBallot, personGrades, RaterCodeRefusedError, recordSelfEvaluation, submitRating } from '../../../shared/services/evaluation';
import { createEvaluation } from '../../../shared/services/evaluation';
import { getRaterCode, spendCodeAndCount, TALLY_SHARDS } from '../../../shared/store/evaluations-repo';
import { getNotice } from '../../../shared/store/notices-repo';
import { transactWrite } from '../../../shared/store/transact';
import { EvaluationState } from '../../../workflows/evaluation/evaluation-states';
import type { TestRuntime } from '../../support/local-runtime';
import { branchStaff, EvaluationDriver, startEvaluationRuntime } from './evaluation-fixtures';

// The evaluation end to end over the synthesized ASL, the real task handlers, the nested approval and notice
// executions, DynamoDB Local and a hand-driven clock.
let runtime: TestRuntime;
beforeEach(async () => {
  runtime = await startEvaluationRuntime();
});
afterEach(async () => {
  await runtime.shutdown();
});

test('a whole evaluation with online codes: eight steps, the 优秀 cap, no quorum refused, approval by link, the internal notice, grades on the records, the improvement talk', async () => {
  const evaluation = await EvaluationDriver.start(runtime);
  expect(await evaluation.state()).toBe(EvaluationState.plan);
  const { evaluation: started } = await evaluation.file();
  expect(started.evaluated.map((m) => m.name).sort()).toHaveLength(10);
  expect(started.excluded).toEqual([expect.objectContaining({ name: '赵磊', reasonLabel: '出国出境半年以上' })]);
  // One per branch and year.
  await expect(createEvaluation(runtime.deps, branchStaff, { orgId: 'branch-1', year: '2026', date: '2026-12-07' })).rejects.toBeInstanceOf(EvaluationExistsError);

  await evaluation.submit('plan', { studyDate: '2026-12-07', planNotes: '结合组织生活会开展民主评议' });
  expect(await evaluation.state()).toBe(EvaluationState.selfEvaluation);
  await recordSelfEvaluation(runtime.deps, branchStaff, evaluation.evaluationId, { personId: evaluation.id('张伟'), text: '认真履行党员义务' });
  expect((await evaluation.file()).missingSelf).toHaveLength(9);
  await expect(evaluation.submit('self-evaluation', {})).rejects.toBeInstanceOf(InputInvalidError);
  await evaluation.submit('self-evaluation', { confirmMissing: 'on' });
  expect(await evaluation.state()).toBe(EvaluationState.rating);

  const codes = await evaluation.codes(12);
  // Opening the page (a scanner's GET too) spends nothing.
  await openRatingBallot(runtime.deps, codes[0]);
  await openRatingBallot(runtime.deps, codes[0].toLowerCase().replace(/^(.{4})/, '$1-'));
  // A sheet must grade everyone: refused, nothing spent.
  await expect(submitRating(runtime.deps, codes[0], {})).rejects.toBeInstanceOf(InputInvalidError);
  for (const code of codes.slice(0, 9)) await evaluation.rate(code, { 张伟: 'excellent', 王芳: 'excellent', 李娜: 'excellent', 孙燕: 'basic' });
  await expect(evaluation.rate(codes[0])).rejects.toMatchObject({ problem: 'spent', userMessage: '此评议码已经使用过，每个评议码只能评议一次。' });
  await expect(openRatingBallot(runtime.deps, 'ABCD-EFGH')).rejects.toMatchObject({ problem: 'unknown' });
  const file = await evaluation.file();
  expect(file.online.returned.member).toBe(9);
  expect(file.codesIssued.member).toBe(12);
  const zhang = file.tally.find((t) => t.name === '张伟')!;
  expect(zhang).toMatchObject({ majority: ['excellent'], member: { counts: { excellent: 9, qualified: 0 }, returned: 9 } });
  expect(file.tally.find((t) => t.name === '孙燕')!.majority).toEqual(['basic']);

  await evaluation.submit('rating', {});
  expect(await evaluation.state()).toBe(EvaluationState.proposal);
  // The rating is closed: the three codes left rate nothing.
  await expect(evaluation.rate(codes[9])).rejects.toMatchObject({ problem: 'closed' });

  // 10 evaluated → 3 优秀 at most; 刘洋 优秀 departs from the majority (合格) too.
  await expect(evaluation.submit('proposal', evaluation.proposalForm({ 张伟: 'excellent', 王芳: 'excellent', 李娜: 'excellent', 刘洋: 'excellent', 孙燕: 'basic' }, { 刘洋: '全年表现突出' })))
    .rejects.toMatchObject({ fieldErrors: { _form: '评定为优秀的有 4 名，超过参评党员 10 名的 30%（最多 3 名）。' } });
  await evaluation.submit('proposal', evaluation.proposalForm({ 张伟: 'excellent', 王芳: 'excellent', 李娜: 'excellent', 孙燕: 'basic' }));
  expect(await evaluation.state()).toBe(EvaluationState.meeting);

  await runtime.advanceTo('2026-12-08T01:00:00.000Z');
  // 9 should attend: 4 present is no quorum — refused, nothing recorded, the step stays open.
  await expect(evaluation.meeting(4, 4)).rejects.toMatchObject({ fieldErrors: { present: '会议未达到法定人数，不能表决，请重新召开（应到会 9 人，至少须到会 5 人）。' } });
  expect(await evaluation.state()).toBe(EvaluationState.meeting);
  expect(await evaluation.meeting(8, 8)).toEqual({ adopted: true });
  expect(await evaluation.state()).toBe(EvaluationState.approval);
  expect(runtime.mailer.sent.at(-1)?.text).toContain('张伟：优秀');

  await evaluation.decide('approved');
  expect(await evaluation.state()).toBe(EvaluationState.publication);
  const published = (await evaluation.file()).evaluation;
  const notice = await getNotice(runtime.store, published.noticeId!);
  expect(notice).toMatchObject({ kind: 'evaluation-grades', audience: 'internal', status: 'open', orgId: 'branch-1' });
  expect(notice?.endsAt).toContain('2026-12-14'); // 5 working days from Tuesday 2026-12-08

  await runtime.advanceTo('2026-12-15T01:00:00.000Z');
  expect(await evaluation.state()).toBe(EvaluationState.followUp);
  expect(await personGrades(runtime.deps, evaluation.id('张伟'))).toEqual([expect.objectContaining({ year: 2026, grade: 'excellent' })]);
  const sun = (await evaluation.file()).evaluation.grades!.find((g) => g.name === '孙燕');
  expect(sun?.followUp).toEqual({ kind: 'improvement-talk', dueDate: '2027-01-08' });

  await expect(evaluation.submit('follow-up', {})).rejects.toMatchObject({ fieldErrors: { [`talk.${evaluation.id('孙燕')}`]: '请填写与孙燕谈心谈话的日期。' } });
  await evaluation.submit('follow-up', { [`talk.${evaluation.id('孙燕')}`]: '2026-12-15' });
  expect(await evaluation.state()).toBe('SUCCEEDED');
  expect((await evaluation.file()).evaluation).toMatchObject({ status: 'completed', phase: 'completed' });
  expect(await personGrades(runtime.deps, evaluation.id('孙燕'))).toEqual([expect.objectContaining({ grade: 'basic', followUp: { kind: 'improvement-talk', dueDate: '2027-01-08', doneOn: '2026-12-15' } })]);
});

test('a code used ten times at once rates once; after rating no item relates a code, a rater or a time to a rating', async () => {
  const evaluation = await EvaluationDriver.start(runtime);
  await evaluation.submit('plan', { studyDate: '2026-12-07', planNotes: '方案' });
  await evaluation.submit('self-evaluation', { confirmMissing: 'on' });
  const [code, other] = await evaluation.codes(2);
  const results = await Promise.allSettled(Array.from({ length: 10 }, () => evaluation.rate(code, { 张伟: 'excellent' })));
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(RaterCodeRefusedError);
  await evaluation.rate(other, { 张伟: 'basic' });
  const file = await evaluation.file();
  expect(file.online.returned.member).toBe(2);
  expect(file.tally.find((t) => t.name === '张伟')!.member.counts).toEqual({ excellent: 1, qualified: 0, basic: 1, unqualified: 0 });

  // Scan the whole table: the code items hold only their spent flag; the counters hold no code, no time, no rater.
  const { Items = [] } = await runtime.store.doc.send(new ScanCommand({ TableName: runtime.store.tableName }));
  const codeItems = Items.filter((item) => item.type === 'rater-code');
  expect(codeItems).toHaveLength(2);
  for (const item of codeItems) expect(Object.keys(item).sort()).toEqual(['code', 'evaluationId', 'gsi2pk', 'gsi2sk', 'pk', 'raterKind', 'sk', 'spent', 'type', 'validUntil']);
  // The ratings are counted on shards drawn at random (at most one per rating); their keys say nothing of the code.
  const ratingItems = Items.filter((item) => item.type === 'evaluation-tally');
  expect(ratingItems.length).toBeGreaterThanOrEqual(1);
  expect(ratingItems.length).toBeLessThanOrEqual(2);
  for (const item of ratingItems) expect(item.sk).toMatch(/^TALLY#online#member#\d\d$/);
  for (const item of Items) {
    const text = JSON.stringify(item);
    if (item.type !== 'rater-code') for (const c of [code, other]) expect(text).not.toContain(c);
    if (item.type === 'rater-code') expect(text).not.toMatch(/excellent|basic|qualified|\d{2}:\d{2}/);
  }
  for (const item of ratingItems) {
    expect(JSON.stringify(item)).not.toMatch(/\d{4}-\d{2}-\d{2}|203\.0\.113|zuzhi/);
    expect(Object.keys(item).every((key) => ['pk', 'sk', 'type', 'returned'].includes(key) || /^p-[A-Za-z0-9_-]+\|(excellent|qualified|basic|unqualified)$/.test(key))).toBe(true);
  }
  // No audit event of a rating either: the audit trail has the codes' issue only.
  expect(file.audit.map((e) => e.action)).not.toContain('evaluation.rated');
});

test('thirty raters of one branch at once all count (on the tally shards, summed); a rating racing the close counts before it or is refused, the code kept', async () => {
  const evaluation = await EvaluationDriver.start(runtime);
  await evaluation.submit('plan', { studyDate: '2026-12-07', planNotes: '方案' });
  await evaluation.submit('self-evaluation', { confirmMissing: 'on' });
  const codes = await evaluation.codes(31);
  await Promise.all(codes.slice(0, 30).map((code, i) => evaluation.rate(code, { 张伟: i % 3 === 0 ? 'excellent' : 'qualified' })));
  const file = await evaluation.file();
  expect(file.online.returned.member).toBe(30);
  expect(file.codesIssued.member).toBe(31); // ratings returned ≤ codes issued
  expect(file.tally.find((t) => t.name === '张伟')!.member.counts).toEqual({ excellent: 10, qualified: 20, basic: 0, unqualified: 0 });
  expect(file.tally.find((t) => t.name === '王芳')!.member.counts.qualified).toBe(30);

  // The close marks every shard closed: the transaction of a rating that read "open" before the close is refused.
  await evaluation.submit('rating', {});
  const last = codes[30];
  const grades = Object.fromEntries(file.evaluation.evaluated.map((m) => [m.personId, 'qualified' as const]));
  for (let shard = 0; shard < TALLY_SHARDS; shard++) {
    const late = transactWrite(runtime.store, spendCodeAndCount(runtime.store, { code: last, evaluationId: evaluation.evaluationId, raterKind: 'member', today: '2026-12-07', grades, shard }));
    await expect(late).rejects.toMatchObject({ reasons: ['None', 'ConditionalCheckFailed'] });
  }
  expect(await getRaterCode(runtime.store, last)).toMatchObject({ spent: false });
  expect((await evaluation.file()).online.returned.member).toBe(30);
});
