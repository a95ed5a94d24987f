import { taskToken } from './arns';
import { AslTaskError, StepAbortedError } from './errors';
import { invokeLocalLambda } from './lambda-task';
import type { StepEnv } from './step-env';
import { beforeDeadline, isTimedOut, statesTimeoutError, taskDeadline } from './task-timeout';
import type { TokenResult } from './token-repository';

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * `arn:aws:states:::lambda:invoke.waitForTaskToken`: opens a durable token (the same one when the
 * step is resumed), invokes the Lambda once, then waits for SendTaskSuccess / SendTaskFailure,
 * TimeoutSeconds / HeartbeatSeconds on the clock, or the end of the step.
 */
export async function runCallbackTask(env: StepEnv, name: string, state: any, parameters: unknown, attempt: number): Promise<unknown> {
  const { clock, tokens, tokenSignals } = env.services;
  const token = taskToken(env.executionArn, name, env.stepCount, attempt);
  const completion = tokenSignals.wait(token);
  try {
    const record = await tokens.open({ token, executionArn: env.executionArn, state: name, stepCount: env.stepCount, createdAt: clock.now().toISOString() });
    if (record.result) return await unwrap(record.result);
    if (!record.invoked) {
      // Completions from now on (even from inside the Lambda) arrive through `completion`.
      const { FunctionName, Payload } = (parameters ?? {}) as { FunctionName?: unknown; Payload?: unknown };
      try {
        await invokeLocalLambda(env, FunctionName, Payload);
        await tokens.markInvoked(token);
      } catch (error) {
        if (!(error instanceof AslTaskError)) throw error;
        const failed: TokenResult = { status: 'FAILED', error: error.name, cause: error.message };
        if (await tokens.settle(token, failed, clock.now())) return await unwrap(failed);
      }
    }
    const deadline = taskDeadline(state, new Date(record.createdAt));
    const outcome = await env.activity.blockOn(beforeDeadline(completion.promise, deadline, clock, env.signal));
    if (!isTimedOut(outcome)) return await unwrap(outcome);
    const timedOut: TokenResult = { status: 'TIMED_OUT', error: 'States.Timeout', cause: 'The task timed out' };
    if (await tokens.settle(token, timedOut, clock.now())) return await unwrap(timedOut);
    const settled = await tokens.get(token);
    if (!settled?.result) throw new StepAbortedError(`Task token of ${name} vanished`);
    return await unwrap(settled.result);
  } finally {
    completion.dispose();
  }
}

async function unwrap(result: TokenResult): Promise<unknown> {
  if (result.status === 'SUCCEEDED') return result.output;
  if (result.status === 'TIMED_OUT') throw await statesTimeoutError();
  throw new AslTaskError(result.error, result.cause);
}
