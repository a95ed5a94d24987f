import { taskToken } from './arns';
import { runCallbackTask } from './callback-task';
import { runStartExecutionTask } from './child-execution-task';
import { AslRuntimeError, AslTaskError, StepAbortedError } from './errors';
import { invokeLocalLambda, runLambdaInvoke } from './lambda-task';
import { classifyResource } from './resources';
import type { StepEnv } from './step-env';
import { beforeDeadline, isTimedOut, statesTimeoutError, taskDeadline } from './task-timeout';
import { waitTarget } from './wait-target';

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * A failure of the runner itself (DynamoDB unreachable…), not of the task: never retried nor caught;
 * the step is abandoned and run again later, the execution stays RUNNING.
 */
export class StepInfrastructureError extends Error {
  readonly isRetryable = false;
  readonly isCatchable = false;
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StepInfrastructureError';
  }
}

/** The local handler of one Task state (or nested Wait) for the library's `taskResourceLocalHandlers`. */
export function createTaskHandler(env: StepEnv, name: string, state: any): (input: any) => Promise<any> {
  return (input) =>
    env.activity.work(async () => {
      const attempt = env.attempts.get(name) ?? 0;
      env.attempts.set(name, attempt + 1);
      const pacingKey = retryKey(env, name, state, input, attempt);
      await env.pacer.beforeAttempt(pacingKey, env.signal).catch(() => {});
      try {
        if (env.signal.aborted) throw new StepAbortedError();
        return await dispatch(env, name, state, input, attempt);
      } catch (error) {
        const failure = classify(error, env.signal);
        env.pacer.afterFailure(pacingKey, state.Retry, failure);
        throw failure;
      }
    });
}

/** Identifies "the same task with the same input" across attempts (a callback's token changes per attempt). */
function retryKey(env: StepEnv, name: string, state: any, input: unknown, attempt: number): string {
  let text = JSON.stringify(input) ?? '';
  if (classifyResource(state.Resource) === 'lambda-callback') {
    text = text.replaceAll(taskToken(env.executionArn, name, env.stepCount, attempt), '<token>');
  }
  return `${name}\n${text}`;
}

async function dispatch(env: StepEnv, name: string, state: any, input: any, attempt: number): Promise<unknown> {
  const { clock } = env.services;
  if (state.Type === 'Wait') {
    const { InputPath: _ignored, ...fields } = state;
    await env.activity.blockOn(clock.sleepUntil(waitTarget(fields, input, clock.now()), env.signal));
    return input;
  }
  const kind = classifyResource(state.Resource);
  const deadline = taskDeadline(state, clock.now());
  switch (kind) {
    case 'lambda-invoke':
    case 'lambda-arn': {
      const call = kind === 'lambda-invoke' ? runLambdaInvoke(env, input) : invokeLocalLambda(env, state.Resource, input);
      const outcome = await beforeDeadline(call, deadline, clock, env.signal);
      if (isTimedOut(outcome)) throw await statesTimeoutError();
      return outcome;
    }
    case 'lambda-callback':
      return runCallbackTask(env, name, state, input, attempt);
    case 'start-execution':
    case 'start-execution-sync':
    case 'start-execution-sync2':
      return runStartExecutionTask(env, kind, name, state, input, attempt);
    default:
      throw new AslRuntimeError(`Task resource not supported by the local runner: ${JSON.stringify(state.Resource)}`);
  }
}

/** ASL errors pass through; an abort stays an abort; anything else is the runner's own failure. */
function classify(error: unknown, signal: AbortSignal): Error {
  if (signal.aborted || error instanceof StepAbortedError) return error instanceof StepAbortedError ? error : new StepAbortedError();
  if (error instanceof AslTaskError || error instanceof AslRuntimeError) return error;
  if ((error as Error)?.name === 'States.Timeout') return error as Error;
  return new StepInfrastructureError(`The local runner failed: ${(error as Error)?.message ?? String(error)}`, { cause: error });
}
