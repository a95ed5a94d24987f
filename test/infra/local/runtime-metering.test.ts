import { ManualClock } from '../../../infra/local/clock';
import { createLocalRuntime } from '../../../infra/local/runtime';
import { meterStore } from '../../../scripts/bench/capacity-meter';
import { startNoticeProcess } from '../../../shared/services/notice';
import { createStore } from '../../../shared/store/store';
import { noticeDraft, RecordingMailer } from '../../support/notice-fixtures';
import { createTestStore } from '../../support/store';

// What the benchmark relies on: task handler invocations are reported, and the runner's own records go through
// a store handle of their own, so the application's DynamoDB use can be measured apart from the local runner's.
test('the runtime reports each task invocation and keeps the runner off the application store handle', async () => {
  const store = await createTestStore();
  const runnerStore = createStore({ tableName: store.tableName, endpoint: process.env.TEST_DYNAMODB_ENDPOINT });
  const app = meterStore(store);
  const runner = meterStore(runnerStore);
  const invoked: string[] = [];
  const clock = new ManualClock('2026-09-23T01:00:00.000Z');
  const runtime = createLocalRuntime({
    store, runnerStore, clock, mailer: new RecordingMailer(), publicBaseUrl: 'http://localhost', schedulerIntervalMs: 0,
    onLambdaInvoke: (handlerId) => invoked.push(handlerId),
  });
  await runtime.start();
  try {
    await startNoticeProcess(runtime.deps, noticeDraft());
    await runtime.stepFunctions.settled();
    clock.set(new Date('2026-10-01T00:00:00.000Z'));
    await runtime.stepFunctions.settled();
    expect(invoked).toEqual(['notice-publish', 'notice-close']);
    expect(app.writeUnits).toBeGreaterThan(0);
    expect(runner.writeUnits).toBeGreaterThan(0);
  } finally {
    await runtime.shutdown();
  }
});
