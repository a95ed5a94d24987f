import { AslRuntimeError } from './errors';
import { readPath } from './json-path';

/** The fields of a Wait state that decide how long it waits. */
export interface WaitFields {
  InputPath?: string | null;
  Seconds?: number;
  SecondsPath?: string;
  Timestamp?: string;
  TimestampPath?: string;
}

/**
 * The absolute instant a Wait state waits until, entered at `enteredAt` with `input` (before
 * InputPath, which is applied here). A bad path or value is a States.Runtime error, as in AWS.
 */
export function waitTarget(state: WaitFields, input: unknown, enteredAt: Date, context?: unknown): Date {
  const effective = state.InputPath === null ? {} : state.InputPath ? readPath(state.InputPath, input, context) : input;
  if (state.Seconds !== undefined) return afterSeconds(enteredAt, state.Seconds, 'Seconds');
  if (state.SecondsPath !== undefined) {
    return afterSeconds(enteredAt, readPath(state.SecondsPath, effective, context), state.SecondsPath);
  }
  const timestamp = state.Timestamp ?? (state.TimestampPath !== undefined ? readPath(state.TimestampPath, effective, context) : undefined);
  if (timestamp === undefined) throw new AslRuntimeError('A Wait state needs Seconds, SecondsPath, Timestamp or TimestampPath');
  const instant = typeof timestamp === 'string' ? new Date(timestamp) : new Date(Number.NaN);
  if (typeof timestamp !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(timestamp) || Number.isNaN(instant.getTime())) {
    throw new AslRuntimeError(`The wait timestamp ${JSON.stringify(timestamp)} is not an ISO-8601 date-time`);
  }
  return instant;
}

function afterSeconds(enteredAt: Date, seconds: unknown, field: string): Date {
  if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
    throw new AslRuntimeError(`${field} must be a non-negative integer, got ${JSON.stringify(seconds)}`);
  }
  return new Date(enteredAt.getTime() + seconds * 1000);
}
