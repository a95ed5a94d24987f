import { NoticeClosedError, NoticeNotWithdrawableError, TaskAlreadyHandledError } from '../../../shared/errors';
import {
  closeNoticeAtEnd, fileObjection, getStaffNotice, listPendingTasks, noticeExecutionName, objectionTaskId,
  recomputeProvisionalNotices, recordObjectionOutcomes, startNoticeProcess, withdrawNotice,
} from '../../../shared/services/notice';
import { saveHolidayYear } from '../../../shared/store/calendar-repo';
import { getNotice } from '../../../shared/store/notices-repo';
import { NoticeState } from '../../../workflows/notice/notice-states';
import { startTestRuntime, type TestRuntime } from '../../support/local-runtime';
import { branchSecretary, matterNoticeDraft, noticeDraft } from '../../support/notice-fixtures';

// Over the ASL synthesized from the CDK app, the real task handlers, DynamoDB Local and a hand-driven clock.
const arnOf = (noticeId: string) => `arn:aws:states:local:000000000000:execution:notice:${noticeExecutionName(noticeId)}`;

let runtime: TestRuntime;
beforeEach(async () => {
  runtime = await startTestRuntime('2026-09-23T01:00:00.000Z'); // Wed 23 Sep 2026, 09:00 China time
});
afterEach(async () => {
  await runtime.shutdown();
});

async function publish(overrides = {}) {
  const draft = noticeDraft(overrides);
  await startNoticeProcess(runtime.deps, draft);
  await runtime.stepFunctions.settled();
  return draft.id;
}

async function objectAndReachEnd(noticeId: string, objections = 1) {
  for (let i = 0; i < objections; i++) {
    await fileObjection(runtime.deps, noticeId, { content: `异议 ${i + 1}：该同志工作作风需核实`, name: '王五', contact: '13800000000' });
  }
  await runtime.advanceTo('2026-09-30T15:59:59.000Z');
  return objectionTaskId(noticeId);
}

const outcomeForm = async (noticeId: string, decision: string, reviewDate = '') => {
  const { objections } = await getStaffNotice(runtime.deps, branchSecretary, noticeId);
  return Object.fromEntries(
    objections.flatMap((o) => [[`decision.${o.id}`, decision], [`note.${o.id}`, '已找本人及同事谈话核实'], [`reviewDate.${o.id}`, reviewDate]]),
  );
};

test('a notice is published with its end on the working-day calendar and waits until then', async () => {
  const noticeId = await publish();
  const notice = await getNotice(runtime.store, noticeId);
  expect(notice).toMatchObject({ status: 'open', endsAt: '2026-09-30T23:59:59+08:00', provisional: false, objectionCount: 0 });
  const execution = await runtime.stepFunctions.describeExecution(arnOf(noticeId));
  expect(execution).toMatchObject({ status: 'RUNNING', currentState: NoticeState.waitForEnd });

  await runtime.advanceTo('2026-09-30T15:59:58.000Z'); // one second before the end
  expect((await runtime.stepFunctions.describeExecution(arnOf(noticeId))).status).toBe('RUNNING');
  expect((await getNotice(runtime.store, noticeId))?.status).toBe('open');
});

test('no objection → the notice closes at its end and the process proceeds', async () => {
  const noticeId = await publish();
  await runtime.advanceTo('2026-09-30T15:59:59.000Z');
  const execution = await runtime.stepFunctions.describeExecution(arnOf(noticeId));
  expect(execution.status).toBe('SUCCEEDED');
  expect(execution.output).toEqual({ noticeId, result: 'proceed' });
  expect(await getNotice(runtime.store, noticeId)).toMatchObject({ status: 'closed', result: 'proceed', closedAt: '2026-09-30T15:59:59.000Z' });
  expect(await listPendingTasks(runtime.deps, branchSecretary)).toEqual([]);
});

test('objection found unfounded → proceed, with every outcome in the file', async () => {
  const noticeId = await publish();
  const taskId = await objectAndReachEnd(noticeId, 2);
  const tasks = await listPendingTasks(runtime.deps, branchSecretary);
  expect(tasks.map((t) => t.id)).toEqual([taskId]);
  expect(JSON.stringify(tasks)).not.toContain('taskToken');

  const result = await recordObjectionOutcomes(runtime.deps, branchSecretary, taskId, await outcomeForm(noticeId, 'unfounded'));
  await runtime.stepFunctions.settled();
  expect(result).toEqual({ result: 'proceed' });
  expect((await runtime.stepFunctions.describeExecution(arnOf(noticeId))).output).toEqual({ noticeId, result: 'proceed' });
  const file = await getStaffNotice(runtime.deps, branchSecretary, noticeId);
  expect(file.objections.map((o) => o.outcome?.decision)).toEqual(['unfounded', 'unfounded']);
  expect(file.audit.map((e) => e.action)).toEqual([
    'notice.published', 'notice.objection-filed', 'notice.objection-filed', 'notice.closed', 'task.opened', 'notice.objections-handled',
  ]);
  expect(await listPendingTasks(runtime.deps, branchSecretary)).toEqual([]);
});

test('an objection that needs checking → postponed with its review date', async () => {
  const noticeId = await publish();
  const taskId = await objectAndReachEnd(noticeId);
  await recordObjectionOutcomes(runtime.deps, branchSecretary, taskId, await outcomeForm(noticeId, 'postpone', '2026-11-02'));
  await runtime.stepFunctions.settled();
  const execution = await runtime.stepFunctions.describeExecution(arnOf(noticeId));
  expect(execution.output).toEqual({ noticeId, result: 'postponed', reviewDate: '2026-11-02' });
  expect(await getNotice(runtime.store, noticeId)).toMatchObject({ result: 'postponed', reviewDate: '2026-11-02' });
});

test('a founded objection → stopped', async () => {
  const noticeId = await publish();
  const taskId = await objectAndReachEnd(noticeId);
  await recordObjectionOutcomes(runtime.deps, branchSecretary, taskId, await outcomeForm(noticeId, 'founded'));
  await runtime.stepFunctions.settled();
  expect((await runtime.stepFunctions.describeExecution(arnOf(noticeId))).output).toEqual({ noticeId, result: 'stopped' });
  expect(await getNotice(runtime.store, noticeId)).toMatchObject({ status: 'closed', result: 'stopped' });
});

test('withdrawn while open → the process stops, the notice leaves the board and is never closed', async () => {
  const noticeId = await publish();
  await runtime.advanceTo('2026-09-25T02:00:00.000Z');
  await withdrawNotice(runtime.deps, branchSecretary, noticeId, { reason: '材料需补充，重新公示' });
  await runtime.stepFunctions.settled();
  expect((await runtime.stepFunctions.describeExecution(arnOf(noticeId))).status).toBe('ABORTED');
  await runtime.advanceTo('2026-10-01T00:00:00.000Z');
  const file = await getStaffNotice(runtime.deps, branchSecretary, noticeId);
  expect(file.notice).toMatchObject({ status: 'withdrawn', result: 'withdrawn', withdrawReason: '材料需补充，重新公示' });
  expect(file.audit.map((e) => e.action)).toEqual(['notice.published', 'notice.withdrawn']);
  // Should the stop not reach the process, closing finds the notice withdrawn.
  expect(await closeNoticeAtEnd(runtime.deps, noticeId)).toMatchObject({ status: 'withdrawn' });
});

test.each([
  ['assessment-circular', false],
  ['evaluation-grades', false],
  ['election-announcement', true],
] as const)('a %s notice: withdrawn by staff on the notice page → %s', async (kind, withdrawable) => {
  const draft = matterNoticeDraft({ kind });
  await startNoticeProcess(runtime.deps, draft);
  await runtime.stepFunctions.settled();
  const withdrawal = withdrawNotice(runtime.deps, branchSecretary, draft.id, { reason: '材料需补充，重新公示' });
  if (withdrawable) await withdrawal;
  else await expect(withdrawal).rejects.toBeInstanceOf(NoticeNotWithdrawableError);
  expect((await getNotice(runtime.store, draft.id))?.status).toBe(withdrawable ? 'withdrawn' : 'open');
});

test('an objection at the last second is accepted; one second after the end it is refused and nothing changes', async () => {
  const noticeId = await publish();
  runtime.clock.set('2026-09-30T15:59:58.000Z');
  await fileObjection(runtime.deps, noticeId, { content: '最后一刻的异议' });
  await runtime.advanceTo('2026-09-30T16:00:00.000Z');
  await expect(fileObjection(runtime.deps, noticeId, { content: '期满后的异议' })).rejects.toBeInstanceOf(NoticeClosedError);
  const file = await getStaffNotice(runtime.deps, branchSecretary, noticeId);
  expect(file.objections.map((o) => o.content)).toEqual(['最后一刻的异议']);
  expect(file.notice.objectionCount).toBe(1);
});

test('two staff submit the outcome of the same task at the same moment → exactly one is recorded', async () => {
  const noticeId = await publish();
  const taskId = await objectAndReachEnd(noticeId);
  const other = { ...branchSecretary, id: 'deputy-1', displayName: '赵副书记' };
  const results = await Promise.allSettled([
    recordObjectionOutcomes(runtime.deps, branchSecretary, taskId, await outcomeForm(noticeId, 'unfounded')),
    recordObjectionOutcomes(runtime.deps, other, taskId, await outcomeForm(noticeId, 'founded')),
  ]);
  await runtime.stepFunctions.settled();
  const fulfilled = results.filter((r) => r.status === 'fulfilled');
  const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  expect(fulfilled).toHaveLength(1);
  expect(rejected).toHaveLength(1);
  expect(rejected[0].reason).toBeInstanceOf(TaskAlreadyHandledError);
  expect((rejected[0].reason as TaskAlreadyHandledError).userMessage).toContain('已由');

  const file = await getStaffNotice(runtime.deps, branchSecretary, noticeId);
  expect(file.audit.filter((e) => e.action === 'notice.objections-handled')).toHaveLength(1);
  const execution = await runtime.stepFunctions.describeExecution(arnOf(noticeId));
  expect(execution.status).toBe('SUCCEEDED');
  expect((execution.output as { result: string }).result).toBe(file.notice.result === 'stopped' ? 'stopped' : 'proceed');
});

test('staff of the organization are told by e-mail when objections wait for them', async () => {
  const noticeId = await publish();
  await objectAndReachEnd(noticeId);
  const mail = runtime.mailer.sent.find((m) => m.subject.includes('公示异议处理'));
  expect(mail?.text).toContain(`/staff/tasks/${objectionTaskId(noticeId)}`);
});

test('a period reaching a year without calendar is provisional; adding the year moves the end and the process waits for it', async () => {
  runtime.clock.set('2026-12-28T01:00:00.000Z'); // Monday 28 Dec 2026
  const noticeId = await publish();
  expect(await getNotice(runtime.store, noticeId)).toMatchObject({ endsAt: '2027-01-01T23:59:59+08:00', provisional: true });

  await saveHolidayYear(runtime.store, { year: 2027, daysOff: ['2027-01-01'], workingWeekendDays: [] }, 'admin', runtime.clock.now());
  expect(await recomputeProvisionalNotices(runtime.deps, 'admin')).toBe(1);
  expect(await getNotice(runtime.store, noticeId)).toMatchObject({ endsAt: '2027-01-04T23:59:59+08:00', provisional: false });

  await runtime.advanceTo('2027-01-01T15:59:59.000Z'); // the old end: the process finds the end moved and waits again
  expect((await runtime.stepFunctions.describeExecution(arnOf(noticeId))).status).toBe('RUNNING');
  expect((await getNotice(runtime.store, noticeId))?.status).toBe('open');
  await runtime.advanceTo('2027-01-04T15:59:59.000Z');
  expect((await runtime.stepFunctions.describeExecution(arnOf(noticeId))).output).toEqual({ noticeId, result: 'proceed' });
  const file = await getStaffNotice(runtime.deps, branchSecretary, noticeId);
  expect(file.audit.map((e) => e.action)).toEqual(['notice.published', 'notice.end-recomputed', 'notice.closed']);
});
