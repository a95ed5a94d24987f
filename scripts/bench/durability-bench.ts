import '../../infra/local/polyfills';
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import type { AslDefinition } from '../../infra/aws/asl';
import { VirtualClock } from '../../infra/local/clock';
import { executionArn, LocalStepFunctions } from '../../infra/local/step-functions';
import { createStore, ensureTable, type Store } from '../../shared/store/store';
import { benchDraft } from './drafts';

/**
 * The durability floor (issue 17, item 4): how fast could any durable runner be, and how close is ours?
 * Both sides run the notice ASL with the same in-memory PublishNotice/CloseNotice (the runner is measured, not the
 * application) and a notice that has already ended, so the Wait is not waited for.
 * - floor: the bare interpreter, then one DynamoDB Local PutItem per state the execution entered, one after another
 *   (the least a runner that checkpoints every state can do), all executions at once;
 * - runner: `LocalStepFunctions` over a fresh table of the same DynamoDB Local, all executions started at once.
 */
export interface DurabilityBenchOptions {
  endpoint: string;
  executions: number;
  /** Timed rounds of each side (after one untimed warm-up); the median round is reported. */
  rounds: number;
  definition: AslDefinition;
}

export interface DurabilityBenchResult {
  executions: number;
  rounds: number;
  /** States entered per execution (the floor's writes per execution). */
  statesPerExecution: number;
  floorMs: number;
  runnerMs: number;
  /** runner ÷ floor: the goal is ≤ 2. */
  ratio: number;
}

/** Already past when the executions start, so WaitForNoticeEnd goes on at once. */
const ENDS_AT = '2026-09-30T23:59:59+08:00';
const CLOCK_START = new Date('2026-10-08T01:00:00.000Z');

const handlers = {
  publish: async (event: unknown) => ({ noticeId: (event as { notice: { id: string } }).notice.id, endsAt: ENDS_AT }),
  close: async (event: unknown) => ({ noticeId: (event as { noticeId: string }).noticeId, status: 'closed', objectionCount: 0 }),
};

export async function runDurabilityBench(options: DurabilityBenchOptions): Promise<DurabilityBenchResult> {
  const store = createStore({ tableName: `bench-${randomUUID()}`, endpoint: options.endpoint });
  await ensureTable(store);
  try {
    const { TimeoutSeconds: _timeout, ...definition } = options.definition;
    const machine = new StateMachine(definition as unknown as StateMachineDefinition, { validationOptions: { noValidate: true } });
    await floorRound(machine, store, 'warmup', Math.min(50, options.executions));
    await runnerRound(options.definition, store, 'warmup', Math.min(50, options.executions));
    const floors: FloorRound[] = [];
    const runners: number[] = [];
    for (let round = 0; round < options.rounds; round++) {
      floors.push(await floorRound(machine, store, `f${round}`, options.executions));
      runners.push(await runnerRound(options.definition, store, `r${round}`, options.executions));
    }
    const floorMs = median(floors.map((f) => f.wallMs));
    const runnerMs = median(runners);
    return { executions: options.executions, rounds: options.rounds, statesPerExecution: floors[0].statesPerExecution, floorMs, runnerMs, ratio: runnerMs / floorMs };
  } finally {
    store.doc.destroy();
  }
}

interface FloorRound {
  wallMs: number;
  statesPerExecution: number;
}

async function floorRound(machine: StateMachine, store: Store, label: string, count: number): Promise<FloorRound> {
  const run = `floor-${Date.now().toString(36)}-${label}`;
  const t0 = performance.now();
  const states = await Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const draft = benchDraft(run, index);
      const name = `notice-${draft.id}`;
      const input = { notice: draft } as unknown as Parameters<StateMachine['run']>[0];
      const execution = machine.run(input, {
        overrides: { taskResourceLocalHandlers: { PublishNotice: handlers.publish, CloseNotice: handlers.close }, waitTimeOverrides: { WaitForNoticeEnd: 0 } },
        context: { Execution: { Id: executionArn('notice', name), Name: name, Input: input, StartTime: new Date().toISOString() } },
      });
      let entered = 0;
      const counting = (async () => {
        for await (const event of execution.eventLogs) if (event.type === 'StateEntered') entered++;
      })();
      await execution.result;
      await counting;
      for (let state = 0; state < entered; state++) {
        await store.doc.send(new PutCommand({ TableName: store.tableName, Item: { pk: `FLOOR#${name}`, sk: `STATE#${state}`, at: new Date().toISOString() } }));
      }
      return entered;
    }),
  );
  return { wallMs: performance.now() - t0, statesPerExecution: states[0] };
}

async function runnerRound(definition: AslDefinition, store: Store, label: string, count: number): Promise<number> {
  const sfn = new LocalStepFunctions({
    store,
    clock: new VirtualClock({ start: CLOCK_START, rate: 0 }),
    machines: { notice: definition },
    lambdas: { 'notice-publish': handlers.publish, 'notice-close': handlers.close },
  });
  await sfn.start();
  try {
    const run = `runner-${Date.now().toString(36)}-${label}`;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: count }, async (_, index) => {
        const draft = benchDraft(run, index);
        const { executionArn: arn } = await sfn.startExecution({ stateMachine: 'notice', name: `notice-${draft.id}`, input: { notice: draft } });
        const done = await sfn.waitForExecution(arn);
        if (done.status !== 'SUCCEEDED') throw new Error(`${arn} ended ${done.status}: ${done.error ?? ''} ${done.cause ?? ''}`);
      }),
    );
    return performance.now() - t0;
  } finally {
    await sfn.shutdown();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
