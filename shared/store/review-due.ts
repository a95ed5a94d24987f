import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DUE_ENTRY_SK, dueEntryItem } from './due-index';
import type { Store } from './store';
import type { TransactItem } from './transact';

/**
 * A period's review-deadline entry in the due index (kind `review`, docs/domain/scheduler.md): `APERIOD#<committeeId>#<periodKey>`
 * / `DUE`, listed under `DUE#review` by its wake instant, from the period's opening until its circular is out (the
 * circular's transaction deletes it). A period has no version: the entry's `version` is 0.
 *
 * The review deadline is counted on the working-day calendar, which an administrator may change. The opening writes
 * the entry at the earliest the reminder can be under any calendar (`reviewWakeLowerBound`); the scheduler's writes
 * carry the calendar they were computed under (`calendar`, a fingerprint), named also by the keying mark `DUEINDEX` /
 * `BACKFILL#review` (`calendar`, `complete`): when the calendar changes, the next tick keys every open period's entry
 * again (review-keying.ts), and the tick's moves are refused while the mark does not name their calendar as complete.
 */
export const periodPk = (committeeId: string, periodKey: string) => `APERIOD#${committeeId}#${periodKey}`;
const entryKey = (committeeId: string, periodKey: string) => ({ pk: periodPk(committeeId, periodKey), sk: DUE_ENTRY_SK });
const KEYING_KEY = { pk: 'DUEINDEX', sk: 'BACKFILL#review' };

/** The entry's id, `<committeeId>#<periodKey>` (a period key has no `#`). */
export const reviewEntryId = (committeeId: string, periodKey: string) => `${committeeId}#${periodKey}`;
export function parseReviewEntryId(id: string): { committeeId: string; periodKey: string } {
  const at = id.lastIndexOf('#');
  return { committeeId: id.slice(0, at), periodKey: id.slice(at + 1) };
}

function reviewEntry(committeeId: string, periodKey: string, wakeAt: string, calendar?: string): Record<string, unknown> {
  return { ...dueEntryItem({ kind: 'review', pk: periodPk(committeeId, periodKey), id: reviewEntryId(committeeId, periodKey), wakeAt, version: 0 }), ...(calendar !== undefined && { calendar }) };
}

/** The entry written with the period's OPENED marker (open-periods.ts): at the lower bound, whatever the calendar. */
export function openedPeriodEntry(store: Store, committeeId: string, periodKey: string, wakeAt: string): TransactItem {
  return { Put: { TableName: store.tableName, Item: reviewEntry(committeeId, periodKey, wakeAt) } };
}

/** Deleted with the circular (circular.ts), or by the tick once there is nothing left for the period. */
export function dropReviewEntry(store: Store, committeeId: string, periodKey: string): TransactItem {
  return { Delete: { TableName: store.tableName, Key: entryKey(committeeId, periodKey) } };
}

/**
 * The tick's move of an entry (in the write that records its work): only while the entry is still there (the circular
 * did not delete it) and the entries are keyed, completely, for the calendar the tick used.
 */
export function moveReviewEntry(store: Store, committeeId: string, periodKey: string, wakeAt: string | undefined, calendar: string): TransactItem[] {
  const entry: TransactItem = wakeAt === undefined
    ? dropReviewEntry(store, committeeId, periodKey)
    : { Put: { TableName: store.tableName, Item: reviewEntry(committeeId, periodKey, wakeAt, calendar), ConditionExpression: 'attribute_exists(pk)' } };
  const keyed: TransactItem = {
    ConditionCheck: {
      TableName: store.tableName, Key: KEYING_KEY,
      ConditionExpression: 'calendar = :calendar AND complete = :complete', ExpressionAttributeValues: { ':calendar': calendar, ':complete': true },
    },
  };
  return [entry, keyed];
}

/** The keying's entry of an open period under `calendar` (none left: deleted). */
export function keyReviewEntry(store: Store, committeeId: string, periodKey: string, wakeAt: string | undefined, calendar: string): TransactItem {
  return wakeAt === undefined ? dropReviewEntry(store, committeeId, periodKey) : { Put: { TableName: store.tableName, Item: reviewEntry(committeeId, periodKey, wakeAt, calendar) } };
}

export interface ReviewKeying {
  /** The fingerprint of the working-day calendar the entries are keyed for. */
  calendar: string;
  /** False while a keying runs (or after it stopped half-way). */
  complete: boolean;
}

export async function getReviewKeying(store: Store): Promise<ReviewKeying | undefined> {
  const { Item } = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: KEYING_KEY, ConsistentRead: true }));
  return Item ? { calendar: String(Item.calendar), complete: Item.complete === true } : undefined;
}

/** Before keying for a calendar: the tick's moves under any other calendar are refused from now on. */
export async function startReviewKeying(store: Store, calendar: string, at: string): Promise<void> {
  await store.doc.send(new PutCommand({ TableName: store.tableName, Item: { ...KEYING_KEY, type: 'due-backfill', kind: 'review', calendar, complete: false, at } }));
}

/** After: complete, unless a keying for another calendar started meanwhile. */
export async function finishReviewKeying(store: Store, calendar: string, at: string, entries: number): Promise<void> {
  try {
    await store.doc.send(new PutCommand({
      TableName: store.tableName, Item: { ...KEYING_KEY, type: 'due-backfill', kind: 'review', calendar, complete: true, at, entries },
      ConditionExpression: 'calendar = :calendar', ExpressionAttributeValues: { ':calendar': calendar },
    }));
  } catch (error) {
    if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
  }
}
