import type { RuntimeClock } from '../clock';
import type { ExecutionActivity } from './activity';

interface Retrier {
  ErrorEquals: string[];
  IntervalSeconds?: number;
  MaxAttempts?: number;
  BackoffRate?: number;
  MaxDelaySeconds?: number;
  JitterStrategy?: 'FULL' | 'NONE';
}

/**
 * Retry intervals on the runtime clock. The library decides whether to retry (its interval is set
 * to 0); the pacer mirrors its choice of retrier and sleeps the interval on the clock before the
 * next attempt of the same task with the same input.
 */
export class RetryPacer {
  private readonly attempts = new Map<string, number[]>();
  private readonly pending = new Map<string, number>();

  constructor(
    private readonly clock: RuntimeClock,
    private readonly activity: ExecutionActivity,
  ) {}

  async beforeAttempt(key: string, signal: AbortSignal): Promise<void> {
    const delayMs = this.pending.get(key);
    if (delayMs === undefined) return;
    this.pending.delete(key);
    if (delayMs > 0) await this.activity.blockOn(this.clock.sleepUntil(new Date(this.clock.now().getTime() + delayMs), signal));
  }

  afterFailure(key: string, retriers: Retrier[] | undefined, error: Error): void {
    if (!retriers || (error as { isRetryable?: boolean }).isRetryable === false) return;
    let counts = this.attempts.get(key);
    if (!counts) this.attempts.set(key, (counts = retriers.map(() => 0)));
    const timeout = error.name === 'States.Timeout';
    const index = retriers.findIndex((retrier) =>
      retrier.ErrorEquals.some((name) => name === error.name || name === 'States.ALL' || (name === 'States.TaskFailed' && !timeout)),
    );
    if (index < 0) return;
    const retrier = retriers[index];
    if (counts[index] >= (retrier.MaxAttempts ?? 3)) return;
    const seconds = (retrier.IntervalSeconds ?? 1) * Math.pow(retrier.BackoffRate ?? 2, counts[index]);
    counts[index]++;
    let delayMs = Math.max(0, Math.min(seconds, retrier.MaxDelaySeconds ?? Infinity)) * 1000;
    if (retrier.JitterStrategy === 'FULL') delayMs = Math.random() * delayMs;
    this.pending.set(key, delayMs);
  }
}
