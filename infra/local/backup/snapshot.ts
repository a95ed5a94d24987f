import { BatchWriteItemCommand, ScanCommand, type WriteRequest } from '@aws-sdk/client-dynamodb';
import type { Store } from '../../../shared/store/store';
import type { RawItem } from './backup-file';
import type { WriteGate } from './write-gate';

/** Every item of the table, read with strongly consistent reads, page by page. */
export async function scanTable(store: Store, options: { pageSize?: number } = {}): Promise<RawItem[]> {
  const items: RawItem[] = [];
  let start: RawItem | undefined;
  do {
    const page = await store.doc.send(new ScanCommand({ TableName: store.tableName, ConsistentRead: true, ExclusiveStartKey: start, Limit: options.pageSize }));
    items.push(...((page.Items ?? []) as RawItem[]));
    start = page.LastEvaluatedKey as RawItem | undefined;
  } while (start);
  return items;
}

/** The table at one point in time: the scan runs while the gate holds every write back. */
export function snapshotTable(store: Store, gate: WriteGate, options: { pageSize?: number } = {}): Promise<RawItem[]> {
  return gate.whileHeld(() => scanTable(store, options));
}

/** Records that only the local runtime has (its executions, task tokens, outbox, sessions, local accounts). */
const LOCAL_ONLY = ['EXECUTION#', 'TASKTOKEN#', 'OUTBOX', 'SESSION#', 'ACCOUNT#', 'SIGNIN#', 'SETPASSWORD#'];
export const isLocalOnly = (item: RawItem) => LOCAL_ONLY.some((prefix) => (item.pk?.S ?? '').startsWith(prefix));

/** Writes `items` into the table, 25 at a time, retrying what DynamoDB leaves unprocessed. */
export async function loadItems(store: Store, items: readonly RawItem[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    let requests: WriteRequest[] = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests.length > 0; attempt += 1) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** attempt)));
      const result = await store.doc.send(new BatchWriteItemCommand({ RequestItems: { [store.tableName]: requests } }));
      requests = result.UnprocessedItems?.[store.tableName] ?? [];
    }
  }
}
