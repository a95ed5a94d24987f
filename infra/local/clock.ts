import type { Clock } from '../../shared/services/ports';

/**
 * The local runtime's clock: the services' `Clock` port plus sleeping until an instant, so that
 * waits, retries and schedules follow virtual time (demo speed-ups, jumps, tests driven by hand).
 */
export interface RuntimeClock extends Clock {
  now(): Date;
  /** Resolves once the clock reaches `instant` (at once if it has); rejects with ClockSleepAbortedError on abort. */
  sleepUntil(instant: Date, signal?: AbortSignal): Promise<void>;
}

export { VirtualClock, type VirtualClockOptions, type VirtualClockState } from './virtual-clock';
export { ManualClock } from './manual-clock';
export { ClockMovedBackwardsError, ClockRateInvalidError, ClockSleepAbortedError, ClockStateFileInvalidError } from './clock-errors';
