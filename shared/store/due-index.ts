import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './store';
import { StoreConditionFailedError, transactWrite, type TransactItem } from './transact';

/**
 * The due index (docs/domain/scheduler.md, keys in shared/store/README.md): one small entry per item the scheduler
 * has something left to do for, in the item's own partition (sk `DUE`), listed in `gsi1` under `DUE#<kind>` by its
 * wake date (`<wakeAt>#<id>`). The entry is written in the transaction of every change that moves the wake date and
 * deleted when nothing is left, so the tick reads the entries due and the items they name, never every item.
 */
export type DueKind = 'case' | 'transfer' | 'term' | 'report' | 'review' | 'evaluation' | 'period';

export interface DueEntry {
  kind: DueKind;
  /** The item's partition key (`CASE#<id>`, `TRANSFER#<id>`, `ORG#<id>`, `AREPORT#…`, `APERIOD#…`, `EVALUATION#<id>`, `ASCHEME#…`). */
  pk: string;
  id: string;
  /** The wake date (China date YYYY-MM-DD, or an ISO instant: one form per kind). */
  wakeAt: string;
  /** The item's version the wake date was computed from. */
  version: number;
  /** Kind `term`: the organization's term end the wake date belongs to (term-due.ts: its writes are conditioned on it). */
  termEnd?: string;
}

export const DUE_ENTRY_SK = 'DUE';
const duePartition = (kind: DueKind) => `DUE#${kind}`;

/** The stored entry (kinds with writes of their own: term-due.ts). */
export function dueEntryItem(entry: DueEntry): Record<string, unknown> {
  return {
    pk: entry.pk, sk: DUE_ENTRY_SK, type: 'due', kind: entry.kind, id: entry.id, wakeAt: entry.wakeAt, version: entry.version, ...(entry.termEnd !== undefined && { termEnd: entry.termEnd }),
    gsi1pk: duePartition(entry.kind), gsi1sk: `${entry.wakeAt}#${entry.id}`,
  };
}


export type DueTarget = Omit<DueEntry, 'wakeAt'> & { wakeAt: string | undefined };

/**
 * The entry of an item changed in the same transaction (the item's own write holds its version check): put with
 * its wake date, or deleted when there is none.
 */
export function setDueEntry(store: Store, target: DueTarget): TransactItem {
  if (target.wakeAt === undefined) return { Delete: { TableName: store.tableName, Key: { pk: target.pk, sk: DUE_ENTRY_SK } } };
  return { Put: { TableName: store.tableName, Item: dueEntryItem({ ...target, wakeAt: target.wakeAt }) } };
}

/**
 * The scheduler's move of an entry after its work on the item (in the write that records the work done): only
 * while the entry is still the one of the item's version it worked on. A change of the item meanwhile wrote its
 * own entry; the scheduler's write then fails and its work is left to the next tick.
 */
export function moveDueEntry(store: Store, target: DueTarget): TransactItem {
  const condition = { ExpressionAttributeValues: { ':version': target.version } };
  if (target.wakeAt === undefined) {
    return { Delete: { TableName: store.tableName, Key: { pk: target.pk, sk: DUE_ENTRY_SK }, ConditionExpression: 'attribute_not_exists(pk) OR version = :version', ...condition } };
  }
  return { Put: { TableName: store.tableName, Item: dueEntryItem({ ...target, wakeAt: target.wakeAt }), ConditionExpression: 'version = :version', ...condition } };
}

/** A move of an entry written on its own (moveDueEntry); a refusal means the item changed meanwhile and its own write keyed the entry. */
export async function moveDueEntryUnlessChanged(store: Store, move: TransactItem): Promise<void> {
  try {
    await transactWrite(store, [move]);
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error;
  }
}

/** The backfill's entry: only if the item has none yet (a change since wrote a newer one). False when it had. */
export async function putDueEntryIfAbsent(store: Store, entry: DueEntry): Promise<boolean> {
  try {
    await store.doc.send(new PutCommand({ TableName: store.tableName, Item: dueEntryItem(entry), ConditionExpression: 'attribute_not_exists(pk)' }));
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/**
 * A backfill's entry that replaces an older one: only if the item has none, or one of its version or before (a
 * change since wrote a newer one). False when it had a newer one.
 */
export async function putDueEntryUnlessNewer(store: Store, entry: DueEntry): Promise<boolean> {
  try {
    await store.doc.send(new PutCommand({ TableName: store.tableName, Item: dueEntryItem(entry), ConditionExpression: 'attribute_not_exists(pk) OR version <= :version', ExpressionAttributeValues: { ':version': entry.version } }));
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

function toEntry(item: Record<string, unknown>): DueEntry {
  return { kind: item.kind as DueKind, pk: item.pk as string, id: item.id as string, wakeAt: item.wakeAt as string, version: item.version as number, ...(typeof item.termEnd === 'string' && { termEnd: item.termEnd }) };
}

/** An item's entry (consistent read), if any. */
export async function getDueEntry(store: Store, pk: string): Promise<DueEntry | undefined> {
  const result = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk, sk: DUE_ENTRY_SK }, ConsistentRead: true }));
  return result.Item ? toEntry(result.Item) : undefined;
}

/**
 * The entries of a kind due on or before `upTo` (the same form as the kind's wake dates), a page at a time, oldest
 * first; each page is handled before the next is read (handling moves entries past `upTo` or leaves them).
 */
export async function forEachDueEntry(store: Store, kind: DueKind, upTo: string, handle: (entry: DueEntry) => Promise<void>, pageSize = 100): Promise<void> {
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await store.doc.send(new QueryCommand({
      TableName: store.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :kind AND gsi1sk < :after',
      ExpressionAttributeValues: { ':kind': duePartition(kind), ':after': `${upTo}~` }, // '~' sorts after '#' and every id character
      Limit: pageSize,
      ExclusiveStartKey,
    }));
    for (const item of page.Items ?? []) await handle(toEntry(item));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
}

/**
 * What a one-time backfill brings under the due index: a kind's entries, the approval links' wake instants, the
 * transfers waiting for a receipt, the open tasks' province-wide list, the transfers under way, the province-wide
 * lists of approvals, of notices (listings.ts) and of elections (elections-repo.ts). The kinds whose wake dates depend on a setting are keyed instead,
 * behind a mark of their own (`term`: term-due.ts; `review`: review-due.ts).
 */
export type BackfillKind = Exclude<DueKind, 'term' | 'review'> | 'approval-link' | 'transfer-receipt' | 'open-task' | 'transfer-underway' | 'approval-list' | 'notice-list' | 'election-list';

const backfillKey = (kind: BackfillKind) => ({ pk: 'DUEINDEX', sk: `BACKFILL#${kind}` });

/** Whether the one-time backfill of a kind's entries has completed. */
export async function dueBackfillDone(store: Store, kind: BackfillKind): Promise<boolean> {
  const result = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: backfillKey(kind), ConsistentRead: true }));
  return result.Item !== undefined;
}

export async function markDueBackfillDone(store: Store, kind: BackfillKind, at: string, entries: number): Promise<void> {
  await store.doc.send(new PutCommand({ TableName: store.tableName, Item: { ...backfillKey(kind), type: 'due-backfill', kind, at, entries } }));
}
