import { ClockSleepAbortedError } from './clock-errors';

interface Sleeper {
  at: number;
  seq: number;
  resolve: () => void;
  detach: () => void;
}

/**
 * The sleepers of a clock, ordered by instant (then by arrival). The clock decides when time has
 * passed; the queue wakes the due sleepers in order and drops the aborted ones.
 */
export class SleeperQueue {
  private sleepers: Sleeper[] = [];
  private seq = 0;

  constructor(private readonly onChange: () => void = () => {}) {}

  get size(): number {
    return this.sleepers.length;
  }

  /** The earliest instant (epoch ms) anyone waits for, or undefined. */
  earliest(): number | undefined {
    return this.sleepers[0]?.at;
  }

  /** Adds a sleeper; resolves when `wakeDue` passes `at`, rejects when `signal` aborts. */
  add(at: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(new ClockSleepAbortedError(undefined, { cause: signal.reason }));
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        this.remove(sleeper);
        reject(new ClockSleepAbortedError(undefined, { cause: signal?.reason }));
        this.onChange();
      };
      const sleeper: Sleeper = {
        at,
        seq: this.seq++,
        resolve,
        detach: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.insert(sleeper);
      this.onChange();
    });
  }

  /** Resolves, in instant order, every sleeper whose instant is at or before `now`. */
  wakeDue(now: number): number {
    let woken = 0;
    while (this.sleepers.length > 0 && this.sleepers[0].at <= now) {
      const sleeper = this.sleepers.shift()!;
      sleeper.detach();
      sleeper.resolve();
      woken++;
    }
    return woken;
  }

  private insert(sleeper: Sleeper): void {
    let index = this.sleepers.length;
    while (index > 0 && this.sleepers[index - 1].at > sleeper.at) index--;
    this.sleepers.splice(index, 0, sleeper);
  }

  private remove(sleeper: Sleeper): void {
    const index = this.sleepers.indexOf(sleeper);
    if (index >= 0) this.sleepers.splice(index, 1);
  }
}
