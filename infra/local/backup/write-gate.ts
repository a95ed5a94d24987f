import type { Store } from '../../../shared/store/store';

const WRITE_COMMANDS = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand', 'TransactWriteItemsCommand']);

/**
 * Holds back the writes of one store while a backup reads the table, so that the backup is one point in time: the
 * gate closes, the writes already sent finish, the backup scans, the gate opens and the held writes go on. Every
 * writer of the local runtime (services, the Step Functions runner, the scheduler) shares the store's client, so
 * nothing writes around it.
 */
export class WriteGate {
  private inFlight = 0;
  private drained: (() => void) | undefined;
  private closed: Promise<void> | undefined;
  private reopen: (() => void) | undefined;

  constructor(store: Store) {
    store.doc.middlewareStack.add(
      (next, context) => async (args) => {
        if (!WRITE_COMMANDS.has(context.commandName ?? '')) return next(args);
        while (this.closed) await this.closed;
        this.inFlight += 1;
        try {
          return await next(args);
        } finally {
          this.inFlight -= 1;
          if (this.inFlight === 0) this.drained?.();
        }
      },
      { step: 'initialize', name: 'dangjianWriteGate' },
    );
  }

  /** Runs `read` with no write in progress and none starting; writes that arrive meanwhile wait for it. */
  async whileHeld<T>(read: () => Promise<T>): Promise<T> {
    while (this.closed) await this.closed;
    this.closed = new Promise((resolve) => (this.reopen = resolve));
    try {
      if (this.inFlight > 0) await new Promise<void>((resolve) => (this.drained = resolve));
      this.drained = undefined;
      return await read();
    } finally {
      const reopen = this.reopen;
      this.closed = undefined;
      this.reopen = undefined;
      reopen?.();
    }
  }
}
