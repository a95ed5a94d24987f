import type { RuntimeClock } from './clock';
import { ClockMovedBackwardsError, ClockRateInvalidError } from './clock-errors';
import { readClockState, writeClockState, type ClockAnchor } from './clock-state-file';
import { SleeperQueue } from './sleeper-queue';

export interface VirtualClockOptions {
  /** Virtual time at start when there is no saved state (default: the real time). */
  start?: Date;
  /** Virtual milliseconds per real millisecond when there is no saved state (default 1; 0 pauses). */
  rate?: number;
  /** Where to persist the anchor and rate; read at start so virtual time survives a restart. */
  stateFile?: string;
  /** The real time source, epoch ms (tests only). */
  realNow?: () => number;
}

export interface VirtualClockState {
  now: Date;
  rate: number;
  anchorVirtual: Date;
  anchorReal: Date;
}

/** Longest delay setTimeout accepts; longer waits are re-armed. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * A clock that can run faster, slower, pause or jump forward, never backwards. With `stateFile`,
 * virtual time continues after a restart: the time the process was down counts at the saved rate.
 */
export class VirtualClock implements RuntimeClock {
  private anchor: ClockAnchor;
  private lastReturned: number;
  private timer: NodeJS.Timeout | undefined;
  private readonly realNow: () => number;
  private readonly sleepers = new SleeperQueue(() => this.reschedule());

  constructor(private readonly options: VirtualClockOptions = {}) {
    this.realNow = options.realNow ?? Date.now;
    const saved = options.stateFile ? readClockState(options.stateFile) : undefined;
    const real = this.realNow();
    const rate = options.rate ?? 1;
    assertRate(rate);
    this.anchor = saved ?? { anchorVirtual: options.start?.getTime() ?? real, anchorReal: real, rate };
    // Even if the real clock stepped back while we were down, virtual time never does.
    this.lastReturned = this.anchor.anchorVirtual;
    if (!saved) this.persist();
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  sleepUntil(instant: Date, signal?: AbortSignal): Promise<void> {
    if (instant.getTime() <= this.nowMs() && !signal?.aborted) return Promise.resolve();
    return this.sleepers.add(instant.getTime(), signal);
  }

  /** Changes the speed from now on (0 pauses); sleepers are re-evaluated. */
  setRate(rate: number): void {
    assertRate(rate);
    this.reanchor(this.nowMs(), rate);
  }

  /** Jumps forward to `instant`; sleepers whose instant has passed wake at once. */
  jumpTo(instant: Date): void {
    const target = instant.getTime();
    const current = this.nowMs();
    if (Number.isNaN(target)) throw new RangeError('Invalid instant');
    if (target < current) {
      throw new ClockMovedBackwardsError(
        `The clock never goes back: ${instant.toISOString()} is before ${new Date(current).toISOString()}`,
      );
    }
    this.reanchor(target, this.anchor.rate);
  }

  /** Jumps forward by `ms` virtual milliseconds. */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new ClockMovedBackwardsError(`The clock never goes back: cannot advance by ${ms} ms`);
    this.jumpTo(new Date(this.nowMs() + ms));
  }

  state(): VirtualClockState {
    return {
      now: this.now(),
      rate: this.anchor.rate,
      anchorVirtual: new Date(this.anchor.anchorVirtual),
      anchorReal: new Date(this.anchor.anchorReal),
    };
  }

  /** Sleepers still waiting. */
  pendingSleepers(): number {
    return this.sleepers.size;
  }

  private nowMs(): number {
    const { anchorVirtual, anchorReal, rate } = this.anchor;
    const computed = anchorVirtual + Math.max(0, this.realNow() - anchorReal) * rate;
    this.lastReturned = Math.max(this.lastReturned, Math.floor(computed));
    return this.lastReturned;
  }

  private reanchor(virtual: number, rate: number): void {
    this.anchor = { anchorVirtual: virtual, anchorReal: this.realNow(), rate };
    this.lastReturned = Math.max(this.lastReturned, virtual);
    this.persist();
    this.reschedule();
  }

  private persist(): void {
    if (this.options.stateFile) writeClockState(this.options.stateFile, this.anchor);
  }

  /** Wakes the due sleepers and arms one real timer for the next one (none when paused or idle). */
  private reschedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.sleepers.wakeDue(this.nowMs());
    const next = this.sleepers.earliest();
    if (next === undefined || this.anchor.rate === 0) return;
    const realDelay = Math.ceil((next - this.nowMs()) / this.anchor.rate);
    this.timer = setTimeout(() => this.reschedule(), Math.min(Math.max(realDelay, 1), MAX_TIMER_MS));
  }
}

function assertRate(rate: number): void {
  if (!Number.isFinite(rate) || rate < 0) throw new ClockRateInvalidError(`The clock rate must be a finite number ≥ 0, got ${rate}`);
}
