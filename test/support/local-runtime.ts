import { ManualClock } from '../../infra/local/clock';
import { createLocalRuntime, type LocalRuntime } from '../../infra/local/runtime';
import type { Store } from '../../shared/store/store';
import { RecordingMailer } from './notice-fixtures';
import { createTestStore } from './store';

export interface TestRuntime extends LocalRuntime {
  store: Store;
  clock: ManualClock;
  mailer: RecordingMailer;
  /** Moves virtual time to `instant` and lets every execution run until it blocks again. */
  advanceTo(instant: Date | string | number): Promise<void>;
}

/** The local runtime on a fresh DynamoDB Local table and a hand-driven clock (scheduler off). */
export async function startTestRuntime(start = '2026-09-23T01:00:00.000Z', store?: Store): Promise<TestRuntime> {
  const clock = new ManualClock(start);
  const mailer = new RecordingMailer();
  const tableStore = store ?? (await createTestStore());
  const runtime = createLocalRuntime({ store: tableStore, clock, mailer, publicBaseUrl: 'http://localhost:3000', schedulerIntervalMs: 0 });
  await runtime.start();
  return {
    ...runtime,
    store: tableStore,
    clock,
    mailer,
    async advanceTo(instant) {
      clock.set(new Date(instant));
      await runtime.stepFunctions.settled();
    },
  };
}
