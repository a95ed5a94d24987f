import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { setTimeout as delay } from 'node:timers/promises';
import type { Store } from '../../../shared/store/store';
import type { TransactItem } from '../../../shared/store/transact';

/**
 * Loads a generated world in bulk: the exact items the repositories put (their `Put` transaction items, the
 * condition dropped: the table is fresh), 25 a BatchWriteItem, `parallel` batches in flight, unprocessed items
 * sent again.
 */
export type Item = Record<string, unknown>;

/** The item a repository's Put would write (its key and attributes). */
export function putItem(transactItem: TransactItem): Item {
  const item = transactItem.Put?.Item;
  if (!item) throw new Error('Bulk load takes Put items only');
  return item;
}

/**
 * The guard item a repository's claim (an Update of `guards.ts`: attributes set, the holder added to `holders`)
 * leaves on a fresh table, as a Put.
 */
export function claimedGuardItem(transactItem: TransactItem): Item {
  const update = transactItem.Update;
  const values = update?.ExpressionAttributeValues;
  if (!update?.Key || !values || !(values[':holder'] instanceof Set)) throw new Error('Not a guard claim');
  return { ...update.Key, type: values[':type'], rule: values[':rule'], scope: values[':scope'], gsi1pk: values[':list'], gsi1sk: values[':listSk'], holders: values[':holder'] };
}

export class BulkWriter {
  private queue: Item[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  written = 0;

  constructor(private readonly store: Store, private readonly parallel = 16, private readonly onProgress?: (written: number) => void) {}

  /** Queues repository Put items (or plain items); waits while too many batches are in flight. */
  async put(...items: (TransactItem | Item)[]): Promise<void> {
    for (const item of items) this.queue.push('Put' in item ? putItem(item as TransactItem) : item);
    while (this.queue.length >= 25) {
      const batch = this.queue.splice(0, 25);
      await this.send(batch);
    }
  }

  private async send(batch: Item[]): Promise<void> {
    while (this.inFlight.size >= this.parallel) await Promise.race(this.inFlight);
    const sending = this.writeBatch(batch).finally(() => this.inFlight.delete(sending));
    this.inFlight.add(sending);
  }

  private async writeBatch(batch: Item[]): Promise<void> {
    let requests = batch.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 0) await delay(Math.min(1000, 20 * 2 ** attempt));
      const result = await this.store.doc.send(new BatchWriteCommand({ RequestItems: { [this.store.tableName]: requests } }));
      requests = (result.UnprocessedItems?.[this.store.tableName] ?? []) as typeof requests;
    }
    const before = this.written;
    this.written += batch.length;
    if (this.onProgress && Math.floor(before / 50_000) !== Math.floor(this.written / 50_000)) this.onProgress(this.written);
  }

  /** Sends what is queued and waits for every batch. */
  async flush(): Promise<number> {
    while (this.queue.length > 0) await this.send(this.queue.splice(0, 25));
    await Promise.all(this.inFlight);
    return this.written;
  }
}
