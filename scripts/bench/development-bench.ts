import { randomUUID } from 'node:crypto';
import { ManualClock } from '../../infra/local/clock';
import { createLocalRuntime } from '../../infra/local/runtime';
import { getCase } from '../../shared/store/cases-repo';
import { createStore, ensureTable } from '../../shared/store/store';
import type { CaseCost } from './aws-prices';
import { meterStore } from './capacity-meter';
import { DevelopmentDriver } from './development-driver';
import { setUpDevelopmentWorld } from './development-world';
import { MemoryMailer } from './drafts';

export interface DevelopmentBenchOptions {
  endpoint: string;
  cases: number;
  /** Requests the driver has in flight at once (staff at their forms). */
  clients: number;
}

export interface DevelopmentBenchResult {
  cases: number;
  completed: number;
  wallMs: number;
  perCase: { stateTransitions: number; taskInvocations: number; httpRequests: number; readUnits: number; writeUnits: number; mails: number };
  executions: number;
  taskInvocationsByHandler: Record<string, number>;
  unusualLog: string[];
}

const START = '2026-01-05T02:00:00.000Z';

/**
 * `cases` development cases driven at once through all five stages on the local runtime (the real stage, notice and
 * approval machines and handlers, DynamoDB Local), on a hand-moved clock: every case takes each step, then time jumps
 * to the next date (notice ends, the cultivation year, the probation year). Counts, per completed case, the state
 * transitions, the task handler invocations, the HTTP requests the staff and approvers would send (each one Lambda
 * invocation in AWS), and the DynamoDB units of the application's requests (the local runner's own records, which
 * Step Functions keeps in AWS, go through a store handle of their own and are not counted).
 */
export async function runDevelopmentBench(options: DevelopmentBenchOptions): Promise<DevelopmentBenchResult> {
  const tableName = `bench-development-${randomUUID()}`;
  const store = createStore({ tableName, endpoint: options.endpoint });
  await ensureTable(store);
  const world = await setUpDevelopmentWorld(store, options.cases);
  const runnerStore = createStore({ tableName, endpoint: options.endpoint });
  const clock = new ManualClock(START);
  const mailer = new MemoryMailer();
  const log: string[] = [];
  const invocations: Record<string, number> = {};
  const runtime = createLocalRuntime({
    store, runnerStore, clock, mailer, publicBaseUrl: 'http://127.0.0.1', schedulerIntervalMs: 0, log: (line) => log.push(line),
    onLambdaInvoke: (handlerId) => (invocations[handlerId] = (invocations[handlerId] ?? 0) + 1),
  });
  await runtime.start();
  const meter = meterStore(store);
  const t0 = Date.now();
  try {
    const drive = new DevelopmentDriver(runtime, clock, mailer, world, options.clients);
    await drive.allCases();
    const wallMs = Date.now() - t0;
    const completed = (await Promise.all(drive.caseIds.map((id) => getCase(store, id)))).filter((c) => c?.status === 'full-member').length;
    const transitions = log.filter((line) => /^\[sfn\] [^ ]+: (→ \S+|SUCCEEDED|FAILED)/.test(line)).length;
    const tasks = Object.values(invocations).reduce((a, b) => a + b, 0);
    const per = (n: number) => n / Math.max(1, completed);
    return {
      cases: options.cases,
      completed,
      wallMs,
      perCase: {
        stateTransitions: per(transitions),
        taskInvocations: per(tasks),
        httpRequests: per(drive.httpRequests),
        readUnits: per(meter.readUnits),
        writeUnits: per(meter.writeUnits),
        mails: per(mailer.sent.length),
      },
      executions: new Set(log.map((line) => /^\[sfn\] ([^ ]+): /.exec(line)?.[1]).filter(Boolean)).size,
      taskInvocationsByHandler: invocations,
      unusualLog: log.filter((line) => !/^\[sfn\] [^ ]+: (→ \S+|SUCCEEDED)$/.test(line)).slice(0, 10),
    };
  } finally {
    await runtime.shutdown();
    store.doc.destroy();
    runnerStore.doc.destroy();
  }
}

const fixed = (n: number, digits = 1) => n.toFixed(digits);

/** The printed section of the benchmark. */
export function formatDevelopmentBench(result: DevelopmentBenchResult, cost: CaseCost): string {
  const { perCase } = result;
  const dollars = (n: number) => `$${n.toFixed(6)}`;
  return [
    `7. member development: ${result.cases} cases at once through all five stages (${result.completed} reached full membership, ${result.executions} executions, ${fixed(result.wallMs / 1000)} s)`,
    `   per completed case: ${fixed(perCase.stateTransitions)} state transitions, ${fixed(perCase.taskInvocations)} task Lambda invocations + ${fixed(perCase.httpRequests)} HTTP requests (Lambda each),`,
    `   ${fixed(perCase.readUnits)} read units, ${fixed(perCase.writeUnits)} write units, ${fixed(perCase.mails)} mails`,
    `   list price per case: ${dollars(cost.total)} (Step Functions ${dollars(cost.stepFunctions)}, Lambda ${dollars(cost.lambda)}, HTTP API ${dollars(cost.httpApi)}, DynamoDB ${dollars(cost.dynamoDb)}, SES ${dollars(cost.ses)})`,
  ].join('\n');
}
