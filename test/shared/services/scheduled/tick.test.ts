import { DEMO_ORG_IDS, seedDemo } from '../../../../infra/local/seed';
import { fileObjection, objectionTaskId, startNoticeProcess } from '../../../../shared/services/notice';
import { runScheduledWork } from '../../../../shared/services/scheduled/tick';
import { claimTask, getTask } from '../../../../shared/store/tasks-repo';
import { transactWrite } from '../../../../shared/store/transact';
import { startTestRuntime, type TestRuntime } from '../../../support/local-runtime';
import { noticeDraft } from '../../../support/notice-fixtures';

let runtime: TestRuntime;
beforeEach(async () => {
  runtime = await startTestRuntime('2026-12-28T01:00:00.000Z');
  await seedDemo(runtime.deps);
});
afterEach(async () => {
  await runtime.shutdown();
});

test('the administrator is told once that a notice period reaches a year without calendar', async () => {
  await startNoticeProcess(runtime.deps, noticeDraft({ orgId: DEMO_ORG_IDS.office }));
  await runtime.stepFunctions.settled();
  expect((await runScheduledWork(runtime.deps)).calendarWarnings).toEqual([2027]);
  expect((await runScheduledWork(runtime.deps)).calendarWarnings).toEqual([]);
  const warnings = runtime.mailer.sent.filter((mail) => mail.subject.includes('2027 年节假日安排'));
  expect(warnings).toHaveLength(1);
  expect(warnings[0].to).toEqual(['admin@demo.example.org']);
});

test('a completed step whose callback never reached the workflow is delivered by the scheduler', async () => {
  const draft = noticeDraft({ orgId: DEMO_ORG_IDS.office, period: { unit: 'calendarDays', count: 1 } });
  await startNoticeProcess(runtime.deps, draft);
  await runtime.stepFunctions.settled();
  await fileObjection(runtime.deps, draft.id, { content: '请核实' });
  await runtime.advanceTo('2026-12-29T00:00:00.000Z');
  const taskId = objectionTaskId(draft.id);
  // The claim was written but the process crashed before SendTaskSuccess.
  await transactWrite(runtime.store, [claimTask(runtime.store, taskId, { completedBy: '李书记', completedAt: runtime.clock.now().toISOString(), output: { result: 'proceed' } })]);
  runtime.clock.advance(30_000);
  expect((await runScheduledWork(runtime.deps)).callbacksRetried).toBe(0); // not yet a minute old
  runtime.clock.advance(60_000);
  expect((await runScheduledWork(runtime.deps)).callbacksRetried).toBe(1);
  await runtime.stepFunctions.settled();
  const execution = await runtime.stepFunctions.describeExecution(`arn:aws:states:local:000000000000:execution:notice:notice-${draft.id}`);
  expect(execution.output).toEqual({ noticeId: draft.id, result: 'proceed' });
  expect((await runScheduledWork(runtime.deps)).callbacksRetried).toBe(0);
  expect((await getTask(runtime.store, taskId))?.status).toBe('done');
});
