import { setTimeout as delay } from 'node:timers/promises';
import type { AbortReason } from './abort';
import type { ActivityMonitor, ExecutionActivity } from './activity';
import { StepFunctionsConflictError } from './errors';
import type { ExecutionRecord } from './execution-record';
import type { ExecutionRepository, StepCommit } from './execution-repository';
import { RetryPacer } from './retry-pacer';
import type { RunnerServices, StepEnv } from './step-env';
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

/** States run on in memory after the current one (see runOnward), and the most committed at once (a loop of them still checkpoints). */
const WITHOUT_CHECKPOINT = new Set<unknown>(['Pass', 'Choice', 'Succeed', 'Fail']);
const MAX_CHAIN = 25;

interface Onward {
  steps: StepCommit[];
  waitUntil?: Date;
  aborted?: Extract<StepOutcome, { kind: 'aborted' }>;
}

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
    /** The record as just created, when the caller has it (saves a read). */
    created?: ExecutionRecord,
  ) {
    this.activity = deps.monitor.track();
    this.done = this.loop(created)
      .catch((error: unknown) => deps.services.log(`[sfn] ${executionArn}: driver failed: ${(error as Error)?.stack ?? String(error)}`))
      .finally(() => deps.monitor.untrack(this.activity));
  }

  /** Abandons the current step: `stop` when the execution is aborted, `shutdown` to leave it RUNNING. */
  abort(reason: AbortReason): void {
    this.controller.abort(reason);
  }

  private async loop(created: ExecutionRecord | undefined): Promise<void> {
    const { executions, machines, services } = this.deps;
    const signal = this.controller.signal;
    let record = created ?? (await executions.get(this.executionArn));
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
        const now = services.clock.now();
        const onward = await this.runOnward(machine, record, toCommit(record.currentState, outcome), now);
        if (onward.aborted) {
          if (!onward.aborted.problem || signal.aborted) return;
          throw onward.aborted.problem;
        }
        record = await executions.commit(record, onward.steps, now, onward.waitUntil);
        for (const step of onward.steps) services.log(`[sfn] ${record.name}: ${describeOutcome(step)}`);
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
    return { outcome: await runStep(machine, record, this.stepEnv(record)), current: record };
  }

  /**
   * Runs on, in memory, through the states that need no checkpoint of their own: Pass, Choice, Succeed, Fail,
   * and a Wait whose instant has come when it is entered. They only compute from their input, so running them
   * again after a crash gives the same result; their transitions are committed with the state before them.
   */
  private async runOnward(machine: AslDefinition, record: ExecutionRecord, first: StepCommit, now: Date): Promise<Onward> {
    const steps = [first];
    let step = first;
    let stepCount = record.stepCount;
    while (step.kind === 'next' && steps.length < MAX_CHAIN) {
      const state = machine.States[step.next];
      if (state?.Type === 'Wait') {
        let until: Date;
        try {
          until = waitTarget(state, step.input, now);
        } catch {
          return { steps }; // the Wait fails in its own step
        }
        if (until > now) return { steps, waitUntil: until };
      } else if (!WITHOUT_CHECKPOINT.has(state?.Type)) {
        return { steps };
      }
      const entered: ExecutionRecord = { ...record, currentState: step.next, stepInput: step.input, stepCount: ++stepCount, stepEnteredAt: now.toISOString(), waitUntil: undefined };
      const outcome = await runStep(machine, entered, this.stepEnv(entered));
      if (outcome.kind === 'aborted') return { steps, aborted: outcome };
      steps.push((step = toCommit(entered.currentState, outcome)));
    }
    return { steps };
  }

  private stepEnv(record: ExecutionRecord): StepEnv {
    return {
      executionArn: record.executionArn,
      executionName: record.name,
      stepCount: record.stepCount,
      signal: this.controller.signal,
      activity: this.activity,
      pacer: new RetryPacer(this.deps.services.clock, this.activity),
      attempts: new Map<string, number>(),
      services: this.deps.services,
    };
  }
}

function toCommit(stateName: string, outcome: Exclude<StepOutcome, { kind: 'aborted' }>): StepCommit {
  return { stateName, ...outcome };
}

function describeOutcome(outcome: StepCommit): string {
  if (outcome.kind === 'next') return `→ ${outcome.next}`;
  if (outcome.kind === 'fail') return `FAILED ${outcome.error ?? ''} ${outcome.cause ?? ''}`.trim();
  return 'SUCCEEDED';
}
