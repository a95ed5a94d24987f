import type { RuntimeClock } from './clock';

export interface LocalSchedulerOptions {
  clock: RuntimeClock;
  /** How often the target runs, in virtual milliseconds (EventBridge Scheduler runs it every 15 minutes in AWS). */
  intervalMs: number;
  target: () => Promise<unknown>;
  log?: (line: string) => void;
}

/** EventBridge Scheduler's stand-in: runs the target on the runtime clock, so a fast or jumping clock fires it too. */
export class LocalScheduler {
  private readonly abort = new AbortController();
  private loop?: Promise<void>;

  constructor(private readonly options: LocalSchedulerOptions) {}

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
  }

  /** Runs the target now (the development page's button, tests). */
  async runNow(): Promise<unknown> {
    return this.options.target();
  }

  private async run(): Promise<void> {
    const { clock, intervalMs, target, log } = this.options;
    while (!this.abort.signal.aborted) {
      const next = new Date((Math.floor(clock.now().getTime() / intervalMs) + 1) * intervalMs);
      try {
        await clock.sleepUntil(next, this.abort.signal);
      } catch {
        return;
      }
      try {
        await target();
      } catch (error) {
        log?.(`scheduler: the scheduled run failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}
