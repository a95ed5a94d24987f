import type { RuntimeClock } from './clock';
import { ClockMovedBackwardsError } from './clock-errors';
import { SleeperQueue } from './sleeper-queue';

/** A clock for tests: time moves only when the test says so. */
export class ManualClock implements RuntimeClock {
  private current: number;
  private readonly sleepers = new SleeperQueue();

  constructor(start: Date | string = '2025-01-01T00:00:00.000Z') {
    this.current = new Date(start).getTime();
    if (Number.isNaN(this.current)) throw new RangeError(`Invalid start instant: ${String(start)}`);
  }

  now(): Date {
    return new Date(this.current);
  }

  sleepUntil(instant: Date, signal?: AbortSignal): Promise<void> {
    if (instant.getTime() <= this.current && !signal?.aborted) return Promise.resolve();
    return this.sleepers.add(instant.getTime(), signal);
  }

  /** Moves time forward by `ms` and wakes, in order, every sleeper whose instant has passed. */
  advance(ms: number): Date {
    if (!(ms >= 0)) throw new ClockMovedBackwardsError(`A clock only moves forward; cannot advance by ${ms} ms`);
    return this.set(new Date(this.current + ms));
  }

  /** Moves time to `instant` (never backwards) and wakes the due sleepers. */
  set(instant: Date | string): Date {
    const target = new Date(instant).getTime();
    if (Number.isNaN(target)) throw new RangeError(`Invalid instant: ${String(instant)}`);
    if (target < this.current) {
      throw new ClockMovedBackwardsError(`A clock only moves forward: ${new Date(target).toISOString()} is before ${this.now().toISOString()}`);
    }
    this.current = target;
    this.sleepers.wakeDue(target);
    return this.now();
  }

  /** How many sleepers are still waiting. */
  pendingSleepers(): number {
    return this.sleepers.size;
  }

  /** The earliest instant someone sleeps until, if any (handy to "advance to the next event"). */
  nextWakeup(): Date | undefined {
    const at = this.sleepers.earliest();
    return at === undefined ? undefined : new Date(at);
  }
}
