import '../polyfills';
import { ExecutionAbortedError, ExecutionError, StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { stateMachineArn, taskToken } from './arns';
import { StepAbortedError } from './errors';
import type { ExecutionRecord } from './execution-record';
import { prepareStep, type PreparedStep } from './one-state-definition';
import type { StepEnv } from './step-env';
import { createTaskHandler, StepInfrastructureError } from './task-handler';
import type { AslDefinition } from './types';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** Where one top-level state led. */
export type StepOutcome =
  | { kind: 'next'; next: string; input: unknown }
  | { kind: 'succeed'; output: unknown }
  | { kind: 'fail'; error?: string; cause?: string }
  /** Abandoned: stopped, shut down, or the runner itself failed (`problem`): nothing to record. */
  | { kind: 'aborted'; problem?: Error };

/**
 * Runs the execution's current top-level state once through aws-local-stepfunctions (which applies
 * the paths, parameters, selectors, Choice rules, Retry and Catch) and reports where it led.
 */
export async function runStep(machine: AslDefinition, record: ExecutionRecord, env: StepEnv): Promise<StepOutcome> {
  let prepared: PreparedStep;
  try {
    prepared = prepareStep(machine, record.currentState);
  } catch (error) {
    return { kind: 'fail', error: 'States.Runtime', cause: (error as Error).message };
  }
  let captured: { next: string; input: unknown } | undefined;
  const handlers: Record<string, (input: any) => Promise<any>> = {};
  for (const [name, state] of prepared.tasks) handlers[name] = createTaskHandler(env, name, state);
  for (const [stub, target] of prepared.stubs) {
    handlers[stub] = async (input) => {
      captured = { next: target, input };
      return null;
    };
  }
  const run = new StateMachine(prepared.definition as unknown as StateMachineDefinition, { validationOptions: { noValidate: true } }).run(
    record.stepInput as any,
    {
      overrides: {
        taskResourceLocalHandlers: handlers,
        waitTimeOverrides: { [record.currentState]: 0 },
        retryIntervalOverrides: Object.fromEntries([...prepared.tasks.keys()].map((name) => [name, 0])),
      },
      context: contextObject(record, env, prepared),
      noThrowOnAbort: true,
    },
  );
  const onAbort = (): void => run.abort();
  env.signal.addEventListener('abort', onAbort, { once: true });
  try {
    const output = await run.result;
    if (env.signal.aborted) return { kind: 'aborted' };
    return captured ? { kind: 'next', ...captured } : { kind: 'succeed', output };
  } catch (error) {
    return failure(error, env.signal, machine.States[record.currentState]);
  } finally {
    env.signal.removeEventListener('abort', onAbort);
  }
}

function failure(error: unknown, signal: AbortSignal, state: any): StepOutcome {
  const cause = error instanceof ExecutionError ? (error.cause as Error) : (error as Error);
  if (signal.aborted || error instanceof ExecutionAbortedError || cause instanceof StepAbortedError) return { kind: 'aborted' };
  if (cause instanceof StepInfrastructureError) return { kind: 'aborted', problem: cause };
  const outcome = { kind: 'fail' as const, error: cause?.name ?? 'States.Runtime', cause: cause?.message ?? String(error) };
  if (state?.Type === 'Fail') {
    // The library names an unnamed Fail "FailStateError"; AWS leaves error and cause empty.
    const named = (state.Error ?? state.ErrorPath) !== undefined;
    const explained = (state.Cause ?? state.CausePath) !== undefined;
    return { kind: 'fail', error: named ? outcome.error : undefined, cause: explained ? outcome.cause : undefined };
  }
  return outcome;
}

/** The Context Object ($$) of the step; `$$.Task.Token` of each callback task reads its current token. */
function contextObject(record: ExecutionRecord, env: StepEnv, prepared: PreparedStep): Record<string, unknown> {
  const tokens: Record<string, string> = {};
  const tokenOf = (name: string) => () => taskToken(env.executionArn, name, env.stepCount, env.attempts.get(name) ?? 0);
  for (const [name, key] of prepared.tokenKeys) Object.defineProperty(tokens, key, { get: tokenOf(name), enumerable: true });
  const task: Record<string, unknown> = { Tokens: tokens };
  if (prepared.tokenKeys.has(record.currentState)) Object.defineProperty(task, 'Token', { get: tokenOf(record.currentState), enumerable: true });
  return {
    Execution: {
      Id: record.executionArn,
      Name: record.name,
      StartTime: record.startDate,
      Input: record.input,
      LocalInput: record.input,
      LocalStartTime: record.startDate,
      RoleArn: 'arn:aws:iam::000000000000:role/local-step-functions',
    },
    StateMachine: { Id: stateMachineArn(record.stateMachine), Name: record.stateMachine },
    State: { Name: record.currentState, EnteredTime: record.stepEnteredAt, RetryCount: 0 },
    Task: task,
  };
}
