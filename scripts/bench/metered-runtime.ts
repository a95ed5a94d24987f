import { randomUUID } from 'node:crypto';
import { ManualClock } from '../../infra/local/clock';
import { createLocalRuntime, type LocalRuntime } from '../../infra/local/runtime';
import { createStore, ensureTable, type Store } from '../../shared/store/store';
import type { CaseUsage } from './aws-prices';
import { meterStore } from './capacity-meter';
import { MemoryMailer } from './drafts';

/**
 * A local runtime over a fresh table, seeded with `seed` before metering starts, on a hand-moved clock with the
 * scheduler off, that counts what a process costs: state transitions (the runner's log), task handler invocations,
 * mails, and the DynamoDB units of the application's requests (the local runner's own records, which Step
 * Functions keeps in AWS, go through a store handle of their own and are not counted).
 */
export interface MeteredRuntime<World> {
  runtime: LocalRuntime;
  store: Store;
  clock: ManualClock;
  mailer: MemoryMailer;
  world: World;
  /** Task handler invocations by handler id. */
  invocations: Record<string, number>;
  /** Usage so far divided by `completed` (the processes that reached their end), with the driver's HTTP requests. */
  usagePer(completed: number, httpRequests: number): CaseUsage;
  /** Distinct executions that ran, nested ones included. */
  executions(): number;
  /** The first 10 log lines that are not ordinary transitions (retries, faults, failures). */
  unusualLog(): string[];
  stop(): Promise<void>;
}

const TRANSITION = /^\[sfn\] [^ ]+: (→ \S+|SUCCEEDED|FAILED)/;

export interface MeteredRuntimeOptions<World> {
  endpoint: string;
  name: string;
  start: string;
  seed: (store: Store) => Promise<World>;
}

export async function openMeteredRuntime<World>(options: MeteredRuntimeOptions<World>): Promise<MeteredRuntime<World>> {
  const tableName = `bench-${options.name}-${randomUUID()}`;
  const store = createStore({ tableName, endpoint: options.endpoint });
  await ensureTable(store);
  const world = await options.seed(store);
  const runnerStore = createStore({ tableName, endpoint: options.endpoint });
  const clock = new ManualClock(options.start);
  const mailer = new MemoryMailer();
  const log: string[] = [];
  const invocations: Record<string, number> = {};
  const runtime = createLocalRuntime({
    store, runnerStore, clock, mailer, publicBaseUrl: 'http://127.0.0.1', schedulerIntervalMs: 0, log: (line) => log.push(line),
    onLambdaInvoke: (handlerId) => (invocations[handlerId] = (invocations[handlerId] ?? 0) + 1),
  });
  await runtime.start();
  const meter = meterStore(store);
  return {
    runtime, store, clock, mailer, world, invocations,
    usagePer(completed, httpRequests) {
      const per = (n: number) => n / Math.max(1, completed);
      return {
        stateTransitions: per(log.filter((line) => TRANSITION.test(line)).length),
        taskInvocations: per(Object.values(invocations).reduce((a, b) => a + b, 0)),
        httpRequests: per(httpRequests),
        readUnits: per(meter.readUnits),
        writeUnits: per(meter.writeUnits),
        mails: per(mailer.sent.length),
      };
    },
    executions: () => new Set(log.map((line) => /^\[sfn\] ([^ ]+): /.exec(line)?.[1]).filter(Boolean)).size,
    unusualLog: () => log.filter((line) => !/^\[sfn\] [^ ]+: (→ \S+|SUCCEEDED)$/.test(line)).slice(0, 10),
    async stop() {
      await runtime.shutdown();
      store.doc.destroy();
      runnerStore.doc.destroy();
    },
  };
}

/** What a process bench measured (parts 7 and 8): usage per completed process. */
export interface MeteredBenchRun {
  completed: number;
  wallMs: number;
  usage: CaseUsage;
  executions: number;
  taskInvocationsByHandler: Record<string, number>;
  unusualLog: string[];
}

/**
 * Opens a metered runtime, lets `drive` take every process through (timed), counts the processes that reached their
 * end with `countCompleted`, and measures usage per completed process with the driver's HTTP requests.
 */
export async function runMeteredBench<World, Driver extends { httpRequests: number }>(
  options: MeteredRuntimeOptions<World>,
  drive: (metered: MeteredRuntime<World>) => Promise<Driver>,
  countCompleted: (store: Store, driver: Driver) => Promise<number>,
): Promise<MeteredBenchRun> {
  const metered = await openMeteredRuntime(options);
  const t0 = Date.now();
  try {
    const driver = await drive(metered);
    const wallMs = Date.now() - t0;
    const completed = await countCompleted(metered.store, driver);
    return {
      completed,
      wallMs,
      usage: metered.usagePer(completed, driver.httpRequests),
      executions: metered.executions(),
      taskInvocationsByHandler: metered.invocations,
      unusualLog: metered.unusualLog(),
    };
  } finally {
    await metered.stop();
  }
}
