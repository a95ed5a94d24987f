import { childExecutionName, executionArn, machineFromArn, stateMachineArn } from './arns';
import { AslTaskError, StepAbortedError } from './errors';
import type { ExecutionRecord } from './execution-record';
import type { ResourceKind } from './resources';
import type { StepEnv } from './step-env';
import { beforeDeadline, isTimedOut, statesTimeoutError, taskDeadline } from './task-timeout';

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * `arn:aws:states:::states:startExecution[.sync[:2]]`: starts a child execution (a resumed step finds
 * the child it started before, by its deterministic name) and, for `.sync`, waits for it durably.
 */
export async function runStartExecutionTask(
  env: StepEnv,
  kind: ResourceKind,
  name: string,
  state: any,
  parameters: any,
  attempt: number,
): Promise<unknown> {
  const { StateMachineArn, Input, Name } = (parameters ?? {}) as { StateMachineArn?: unknown; Input?: unknown; Name?: unknown };
  if (typeof StateMachineArn !== 'string') throw new AslTaskError('States.Runtime', 'StateMachineArn must be a string');
  const machine = machineFromArn(StateMachineArn);
  const childName = typeof Name === 'string' ? Name : childExecutionName(env.executionName, name, env.stepCount, attempt);
  const arn = executionArn(machine, childName);
  const finished = env.services.executionSignals.wait(arn);
  try {
    let child = await env.services.startChild({ machine, name: childName, input: parseInput(Input), parentExecutionArn: env.executionArn });
    if (kind === 'start-execution') return { ExecutionArn: arn, StartDate: Date.parse(child.startDate) };
    if (child.status === 'RUNNING') {
      const deadline = taskDeadline(state, new Date(child.startDate));
      try {
        const outcome = await env.activity.blockOn(beforeDeadline(finished.promise, deadline, env.services.clock, env.signal));
        if (isTimedOut(outcome)) throw await statesTimeoutError();
        child = outcome;
      } catch (error) {
        // AWS stops a .sync child when its parent is stopped (or its task times out).
        if ((error instanceof StepAbortedError && env.signal.reason === 'stop') || (error as Error).name === 'States.Timeout') {
          env.services.stopChild(arn, `The parent execution ${env.executionArn} stopped waiting for it`);
        }
        throw error;
      }
    }
    return syncResult(kind, child);
  } finally {
    finished.dispose();
  }
}

function parseInput(input: unknown): unknown {
  if (input === undefined) return {};
  if (typeof input !== 'string') return input;
  try {
    return JSON.parse(input);
  } catch {
    return input;
  }
}

/** The integration's response; a failed or aborted child fails the task with States.TaskFailed. */
function syncResult(kind: ResourceKind, child: ExecutionRecord): unknown {
  const asText = kind === 'start-execution-sync';
  const response: Record<string, unknown> = {
    ExecutionArn: child.executionArn,
    Input: asText ? JSON.stringify(child.input) : child.input,
    InputDetails: { Included: true },
    Name: child.name,
    StartDate: Date.parse(child.startDate),
    StateMachineArn: stateMachineArn(child.stateMachine),
    Status: child.status,
    StopDate: child.stopDate ? Date.parse(child.stopDate) : undefined,
  };
  if (child.status === 'SUCCEEDED') {
    response.Output = asText ? JSON.stringify(child.output) : child.output;
    response.OutputDetails = { Included: true };
    return JSON.parse(JSON.stringify(response));
  }
  if (child.error !== undefined) response.Error = child.error;
  if (child.cause !== undefined) response.Cause = child.cause;
  throw new AslTaskError('States.TaskFailed', JSON.stringify(response));
}
