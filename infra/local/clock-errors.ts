/** Errors of the runtime clocks (infra/local/clock.ts). */

export class ClockMovedBackwardsError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ClockMovedBackwardsError';
  }
}

export class ClockRateInvalidError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ClockRateInvalidError';
  }
}

export class ClockStateFileInvalidError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ClockStateFileInvalidError';
  }
}

/** A sleep ended early because its AbortSignal fired; `cause` is the signal's reason. */
export class ClockSleepAbortedError extends Error {
  constructor(message = 'The sleep was aborted', options?: ErrorOptions) {
    super(message, options);
    this.name = 'ClockSleepAbortedError';
  }
}
