import { StepAbortedError } from './errors';

/** Why a step was abandoned: the execution was stopped, or the runner shuts down (status kept). */
export type AbortReason = 'stop' | 'shutdown';

/** Settles like `promise`, or rejects with StepAbortedError as soon as `signal` aborts. */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => {});
    return Promise.reject(new StepAbortedError(`The step was abandoned (${String(signal.reason)})`));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new StepAbortedError(`The step was abandoned (${String(signal.reason)})`));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
