import { randomUUID } from 'node:crypto';
import type { VirtualClock } from '../../infra/local/clock';
import { createLocalRuntime, type LocalRuntime } from '../../infra/local/runtime';
import { executionArn } from '../../infra/local/step-functions';
import { noticeExecutionName } from '../../shared/services/notice';
import { createStore, ensureTable, type Store } from '../../shared/store/store';
import { MemoryMailer } from './drafts';

/** A local runtime over a fresh table of the benchmark's DynamoDB Local, scheduler off. */
export interface BenchRuntime {
  runtime: LocalRuntime;
  store: Store;
  mailer: MemoryMailer;
  /** What the runtime logged: one line per state transition, and retries or faults if any. */
  log: string[];
  stop(): Promise<void>;
}

export async function openBenchRuntime(endpoint: string, clock: VirtualClock): Promise<BenchRuntime> {
  const store = createStore({ tableName: `bench-${randomUUID()}`, endpoint });
  await ensureTable(store);
  const mailer = new MemoryMailer();
  const log: string[] = [];
  const runtime = createLocalRuntime({
    store,
    clock,
    mailer,
    publicBaseUrl: 'http://127.0.0.1',
    schedulerIntervalMs: 0,
    log: (line) => log.push(line),
  });
  await runtime.start();
  return {
    runtime,
    store,
    mailer,
    log,
    async stop() {
      await runtime.shutdown();
      store.doc.destroy();
    },
  };
}

/** The ARN of a notice's execution in the local runtime. */
export const noticeExecutionArn = (noticeId: string) => executionArn('notice', noticeExecutionName(noticeId));

/** Log lines of the runner that are not ordinary transitions (`[sfn] <name>: → <state>` or `SUCCEEDED`). */
export function unusualLogLines(log: readonly string[]): string[] {
  return log.filter((line) => !/^\[sfn\] [^ ]+: (→ \S+|SUCCEEDED)$/.test(line));
}
