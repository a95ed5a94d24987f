import type { Context } from 'aws-lambda';
import { observedHandler } from './telemetry/observed-handler';

/**
 * A Lambda handler built on its first invocation, so importing a handler module reads no environment, and observed
 * (telemetry/observed-handler.ts: a log line with the request id, faults and the invocation's metrics); a failing
 * build (a missing variable) is a fault like any other.
 */
export function lazyHandler<E, R>(build: () => (event: E) => Promise<R>): (event: E, context: Context) => Promise<R> {
  let built: ((event: E) => Promise<R>) | undefined;
  let observed: ((event: E, context: Context) => Promise<R>) | undefined;
  return (event: E, context: Context) => {
    observed ??= observedHandler((e: E) => (built ??= build())(e));
    return observed(event, context);
  };
}
