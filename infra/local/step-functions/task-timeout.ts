import '../polyfills';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import type { RuntimeClock } from '../clock';
import { raceAbort } from './abort';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** The deadline of a task started at `startedAt`: TimeoutSeconds, or HeartbeatSeconds (no heartbeats here). */
export function taskDeadline(state: { TimeoutSeconds?: unknown; HeartbeatSeconds?: unknown }, startedAt: Date): Date | undefined {
  const limits = [state.TimeoutSeconds, state.HeartbeatSeconds].filter((n): n is number => typeof n === 'number' && n > 0);
  if (limits.length === 0) return undefined;
  return new Date(startedAt.getTime() + Math.min(...limits) * 1000);
}

const TIMED_OUT: unique symbol = Symbol('timed out');

/**
 * Awaits `promise` until `deadline` on the clock; returns TIMED_OUT if the clock gets there first.
 * Aborting `signal` rejects with StepAbortedError. The clock sleeper is always released.
 */
export async function beforeDeadline<T>(
  promise: Promise<T>,
  deadline: Date | undefined,
  clock: RuntimeClock,
  signal: AbortSignal,
): Promise<T | typeof TIMED_OUT> {
  if (!deadline) return raceAbort(promise, signal);
  const sleeper = new AbortController();
  const timeout = clock.sleepUntil(deadline, sleeper.signal).then(
    (): typeof TIMED_OUT => TIMED_OUT,
    () => new Promise<never>(() => {}),
  );
  try {
    return await raceAbort<T | typeof TIMED_OUT>(Promise.race([promise, timeout]), signal);
  } finally {
    sleeper.abort();
  }
}

export function isTimedOut(value: unknown): value is typeof TIMED_OUT {
  return value === TIMED_OUT;
}

let timeoutErrorClass: Promise<new () => Error> | undefined;

/**
 * A `States.Timeout` error the library recognises as such (its class is not exported; `States.TaskFailed`
 * must not match a timeout). Obtained once by letting a 1 ms library task time out.
 */
export async function statesTimeoutError(): Promise<Error> {
  timeoutErrorClass ??= probeTimeoutErrorClass();
  return new (await timeoutErrorClass)();
}

async function probeTimeoutErrorClass(): Promise<new () => Error> {
  const definition = { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'local:probe', TimeoutSeconds: 0.001, End: true } } };
  const run = new StateMachine(definition as unknown as StateMachineDefinition, { validationOptions: { noValidate: true } }).run(null, {
    overrides: { taskResourceLocalHandlers: { T: () => new Promise(() => {}) } },
  });
  try {
    await run.result;
  } catch (error) {
    const cause = (error as { cause?: any }).cause;
    if (cause?.name === 'States.Timeout') return cause.constructor;
  }
  return class extends Error {
    constructor() {
      super('States.Timeout');
      this.name = 'States.Timeout';
    }
  };
}
