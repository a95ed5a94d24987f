import { setTimeout as delay } from 'node:timers/promises';
import type { AbortReason } from './abort';
import type { ActivityMonitor, ExecutionActivity } from './activity';
import { StepFunctionsConflictError } from './errors';
import type { ExecutionRecord } from './execution-record';
import type { ExecutionRepository, StepCommit } from './execution-repository';
import { RetryPacer } from './retry-pacer';
import type { RunnerServices } from './step-env';
import { runStep, type StepOutcome } from './step-runner';
import type { AslDefinition } from './types';
import { waitTarget } from './wait-target';

export interface DriverDeps {
  executions: ExecutionRepository;
  machines: Record<string, AslDefinition>;
  services: RunnerServices;
  monitor: ActivityMonitor;
  /** Called with the final record when the driver sees the execution leave RUNNING. */
  onFinished(record: ExecutionRecord): void;
}

/** Consecutive failures of the runner itself before it stops driving (the execution stays RUNNING). */
const MAX_INFRASTRUCTURE_FAILURES = 5;

/**
 * Drives one execution, one top-level state at a time, from its checkpoint: run the state, then
 * commit the next checkpoint (conditional on the step), until the execution leaves RUNNING.
 */
export class ExecutionDriver {
  private readonly controller = new AbortController();
  private readonly activity: ExecutionActivity;
  readonly done: Promise<void>;

  constructor(
    private readonly deps: DriverDeps,
    readonly executionArn: string,
  ) {
    this.activity = deps.monitor.track();
    this.done = this.loop()
      .catch((error: unknown) => deps.services.log(`[sfn] ${executionArn}: driver failed: ${(error as Error)?.stack ?? String(error)}`))
      .finally(() => deps.monitor.untrack(this.activity));
  }

  /** Abandons the current step: `stop` when the execution is aborted, `shutdown` to leave it RUNNING. */
  abort(reason: AbortReason): void {
    this.controller.abort(reason);
  }

  private async loop(): Promise<void> {
    const { executions, machines, services } = this.deps;
    const signal = this.controller.signal;
    let record = await executions.get(this.executionArn);
    let failures = 0;
    while (record?.status === 'RUNNING' && !signal.aborted) {
      const machine = machines[record.stateMachine];
      if (!machine) return services.log(`[sfn] ${this.executionArn}: unknown state machine ${record.stateMachine}; not driven`);
      try {
        const { outcome, current } = await this.runCurrentState(machine, record);
        record = current;
        if (outcome.kind === 'aborted') {
          if (!outcome.problem || signal.aborted) return;
          throw outcome.problem;
        }
        if (signal.aborted) return;
        record = await executions.commit(record, toCommit(record.currentState, outcome), services.clock.now());
        services.log(`[sfn] ${record.name}: ${describeOutcome(outcome)}`);
        failures = 0;
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof StepFunctionsConflictError) {
          const latest = await executions.get(this.executionArn);
          if (latest?.status === 'RUNNING') return services.log(`[sfn] ${this.executionArn}: driven elsewhere; letting go`);
          record = latest;
          continue;
        }
        if (++failures >= MAX_INFRASTRUCTURE_FAILURES) throw error;
        services.log(`[sfn] ${this.executionArn}: step ${record.currentState} interrupted (${(error as Error).message}); retrying`);
        await delay(200 * failures, undefined, { signal }).catch(() => {});
        record = await executions.get(this.executionArn);
      }
    }
    if (record && record.status !== 'RUNNING') this.deps.onFinished(record);
  }

  /** A Wait first sleeps on the clock until its stored absolute instant; then the state runs. */
  private async runCurrentState(machine: AslDefinition, record: ExecutionRecord): Promise<{ outcome: StepOutcome; current: ExecutionRecord }> {
    const { clock } = this.deps.services;
    const state = machine.States[record.currentState];
    if (state?.Type === 'Wait') {
      if (!record.waitUntil) {
        let target: Date;
        try {
          target = waitTarget(state, record.stepInput, new Date(record.stepEnteredAt));
        } catch (error) {
          return { outcome: { kind: 'fail', error: 'States.Runtime', cause: (error as Error).message }, current: record };
        }
        record = await this.deps.executions.setWaitUntil(record, target);
      }
      const until = new Date(record.waitUntil!);
      try {
        await this.activity.work(() => this.activity.blockOn(clock.sleepUntil(until, this.controller.signal)));
      } catch (error) {
        if (this.controller.signal.aborted) return { outcome: { kind: 'aborted' }, current: record };
        throw error;
      }
    }
    const env = {
      executionArn: record.executionArn,
      executionName: record.name,
      stepCount: record.stepCount,
      signal: this.controller.signal,
      activity: this.activity,
      pacer: new RetryPacer(clock, this.activity),
      attempts: new Map<string, number>(),
      services: this.deps.services,
    };
    return { outcome: await runStep(machine, record, env), current: record };
  }
}

function toCommit(stateName: string, outcome: Exclude<StepOutcome, { kind: 'aborted' }>): StepCommit {
  return { stateName, ...outcome };
}

function describeOutcome(outcome: StepOutcome): string {
  if (outcome.kind === 'next') return `→ ${outcome.next}`;
  if (outcome.kind === 'fail') return `FAILED ${outcome.error ?? ''} ${outcome.cause ?? ''}`.trim();
  return outcome.kind === 'succeed' ? 'SUCCEEDED' : 'aborted';
}
