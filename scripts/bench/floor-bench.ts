import '../../infra/local/polyfills';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import type { AslDefinition } from '../../infra/aws/asl';
import { executionArn } from '../../infra/local/step-functions';
import { benchDraft } from './drafts';
import { summarize, tally, type Summary } from './stats';

export interface FloorBenchOptions {
  notices: number;
  /** Timed rounds (after one untimed warm-up round); the median round is reported. */
  rounds: number;
  /** The notice ASL, as synthesized for the runtime. */
  definition: AslDefinition;
}

export interface FloorBenchResult {
  notices: number;
  rounds: number;
  /** Executions per second of each timed round, in order. */
  roundsPerSecond: number[];
  /** The median round. */
  executionsPerSecond: number;
  /** Per-execution time, run() → result, of the median round (real ms). */
  executionMs: Summary;
  results: Record<string, number>;
}

/** A plausible end for the in-memory PublishNotice: 5 working days after 2026-09-23 09:00 China time. */
const ENDS_AT = '2026-09-30T23:59:59+08:00';

/**
 * The floor: the same ASL on bare aws-local-stepfunctions, task handlers in memory (no store),
 * the Wait overridden to 0 ms, all executions of a round at once (the execution timeout left out, see below).
 */
export async function runFloorBench(options: FloorBenchOptions): Promise<FloorBenchResult> {
  // The library arms a real setTimeout for the execution's TimeoutSeconds (180 days here), which overflows
  // Node's 32-bit timer and fires after 1 ms; the runtime does not hand it to the library either.
  const { TimeoutSeconds: _timeout, ...definition } = options.definition;
  const machine = new StateMachine(definition as unknown as StateMachineDefinition, { validationOptions: { noValidate: true } });
  await runRound(machine, 'warmup', Math.min(options.notices, 50));
  const rounds: RoundResult[] = [];
  for (let round = 0; round < options.rounds; round++) rounds.push(await runRound(machine, `r${round}`, options.notices));
  const median = [...rounds].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(rounds.length / 2)];
  return {
    notices: options.notices,
    rounds: options.rounds,
    roundsPerSecond: rounds.map((r) => (options.notices / r.wallMs) * 1000),
    executionsPerSecond: (options.notices / median.wallMs) * 1000,
    executionMs: summarize(median.executionMs),
    results: tally(rounds.flatMap((r) => r.results)),
  };
}

interface RoundResult {
  wallMs: number;
  executionMs: number[];
  results: string[];
}

async function runRound(machine: StateMachine, label: string, count: number): Promise<RoundResult> {
  const run = `floor-${Date.now().toString(36)}-${label}`;
  const t0 = performance.now();
  const executions = Array.from({ length: count }, async (_, index) => {
    const draft = benchDraft(run, index);
    const name = `notice-${draft.id}`;
    const input = { notice: draft } as unknown as Parameters<StateMachine['run']>[0];
    const begun = performance.now();
    const output = (await machine.run(input, {
      overrides: {
        taskResourceLocalHandlers: {
          PublishNotice: async (event) => ({ noticeId: (event as { notice: { id: string } }).notice.id, endsAt: ENDS_AT }),
          CloseNotice: async (event) => ({ noticeId: (event as { noticeId: string }).noticeId, status: 'closed', objectionCount: 0 }),
        },
        waitTimeOverrides: { WaitForNoticeEnd: 0 },
      },
      context: { Execution: { Id: executionArn('notice', name), Name: name, Input: input, StartTime: new Date().toISOString() } },
    }).result) as { result?: string } | null;
    return { ms: performance.now() - begun, result: output?.result ?? 'none' };
  });
  const done = await Promise.all(executions);
  return { wallMs: performance.now() - t0, executionMs: done.map((d) => d.ms), results: done.map((d) => d.result) };
}
