import { setImmediate as nextMacrotask } from 'node:timers/promises';

/**
 * What one execution is doing: task handlers in flight, and how many of them are blocked on the
 * clock, a callback or a child execution. It is "quiet" when everything in flight is blocked.
 */
export class ExecutionActivity {
  private inFlight = 0;
  private blocked = 0;

  constructor(private readonly onChange: () => void) {}

  get quiet(): boolean {
    return this.inFlight > 0 && this.blocked >= this.inFlight;
  }

  /** Runs a unit of work (a task handler, a Wait) of this execution. */
  async work<T>(fn: () => Promise<T>): Promise<T> {
    this.inFlight++;
    try {
      return await fn();
    } finally {
      this.inFlight--;
      this.onChange();
    }
  }

  /** Awaits something only an outside event ends (clock, callback, child execution). */
  async blockOn<T>(promise: Promise<T>): Promise<T> {
    this.blocked++;
    this.onChange();
    try {
      return await promise;
    } finally {
      this.blocked--;
      this.onChange();
    }
  }
}

/** Tracks all executions driven in this process, for `settled()`. */
export class ActivityMonitor {
  private readonly executions = new Set<ExecutionActivity>();
  private operations = 0;
  private listeners: (() => void)[] = [];

  track(): ExecutionActivity {
    const activity = new ExecutionActivity(() => this.changed());
    this.executions.add(activity);
    this.changed();
    return activity;
  }

  untrack(activity: ExecutionActivity): void {
    this.executions.delete(activity);
    this.changed();
  }

  /** Wraps a control-plane call (startExecution, sendTaskSuccess…) so settled() waits for it. */
  async operation<T>(fn: () => Promise<T>): Promise<T> {
    this.operations++;
    try {
      return await fn();
    } finally {
      this.operations--;
      this.changed();
    }
  }

  /** Resolves once nothing is runnable: every execution waits on the clock, a callback or a child. */
  async settled(): Promise<void> {
    for (;;) {
      await nextMacrotask();
      if (this.isQuiet()) {
        await nextMacrotask();
        if (this.isQuiet()) return;
        continue;
      }
      await new Promise<void>((resolve) => this.listeners.push(resolve));
    }
  }

  private isQuiet(): boolean {
    if (this.operations > 0) return false;
    for (const activity of this.executions) if (!activity.quiet) return false;
    return true;
  }

  private changed(): void {
    const listeners = this.listeners;
    this.listeners = [];
    for (const listener of listeners) listener();
  }
}
