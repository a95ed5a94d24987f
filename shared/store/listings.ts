import { BatchGetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './store';
import { conditionFailed, type TransactItem } from './transact';
import { MAX_PAGE_SIZE } from './org-pages';

/**
 * The province-wide lists of approvals and notices, newest first (docs/domain/lists-and-counts.md): one small listing
 * entry per approval / notice, in the record's own partition (sk `LISTED`), listed in gsi2 under `LIST#<kind>` by the
 * record's date (`<createdAt | publishedAt>#<id>`), with the record's organization. The staff pages list every
 * approval and every notice whatever became of it, so an entry never leaves its list. Two ways to show a row:
 *   - an approval's entry carries what the approvals list shows (`shown`): every change of an approval is one full
 *     Put of it (`replaceApproval`), which puts the entry again in the same transaction;
 *   - a notice's entry carries nothing shown and never changes (a notice is changed by many partial updates and its
 *     objections are counted on gates): the page reads the notices themselves in one batch (`getListed`).
 */
export type ListingKind = 'approval' | 'notice';

export interface ListingEntry {
  kind: ListingKind;
  id: string;
  /** The record's partition key (`APPROVAL#<id>`, `NOTICE#<id>`). */
  pk: string;
  /** The organization the record belongs to: a scope keeps the entries of its organizations. */
  orgId: string;
  /** The record's date the list is ordered by (ISO instant). */
  at: string;
  /** What the list shows of the record, when the entry carries it (kept by every write of the record). */
  shown?: Record<string, unknown>;
}

export const LISTING_SK = 'LISTED';
/** About what an entry without `shown` weighs in the index (keys, kind, id, organization, date). */
export const LISTING_ENTRY_BYTES = 256;
const listKey = (kind: ListingKind) => `LIST#${kind}`;
const sortKey = (entry: Pick<ListingEntry, 'at' | 'id'>) => `${entry.at}#${entry.id}`;

function entryItem(entry: ListingEntry): Record<string, unknown> {
  return {
    pk: entry.pk, sk: LISTING_SK, type: 'listing', kind: entry.kind, id: entry.id, orgId: entry.orgId, at: entry.at,
    gsi2pk: listKey(entry.kind), gsi2sk: sortKey(entry), ...(entry.shown !== undefined && { shown: entry.shown }),
  };
}

/** The entry of a new record, in the transaction that creates it (a retry of that transaction meets it there). */
export function putListingEntry(store: Store, entry: ListingEntry): TransactItem {
  return { Put: { TableName: store.tableName, Item: entryItem(entry), ConditionExpression: 'attribute_not_exists(pk)' } };
}

/** The entry of a record changed, with what it shows now, in the transaction of the change (which holds its condition). */
export function replaceListingEntry(store: Store, entry: ListingEntry): TransactItem {
  return { Put: { TableName: store.tableName, Item: entryItem(entry) } };
}

/** The backfill's entry for a record stored before the lists: only if it has none. False when it had. */
export async function putListingEntryIfAbsent(store: Store, entry: ListingEntry): Promise<boolean> {
  try {
    await store.doc.send(new PutCommand({ TableName: store.tableName, Item: entryItem(entry), ConditionExpression: 'attribute_not_exists(pk)' }));
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}

const toEntry = (item: Record<string, unknown>): ListingEntry => ({
  kind: item.kind as ListingKind, id: item.id as string, pk: item.pk as string, orgId: item.orgId as string, at: item.at as string,
  ...(item.shown !== undefined && { shown: item.shown as Record<string, unknown> }),
});

export interface ListingPage {
  entries: ListingEntry[];
  /** The cursor of the next page (the last entry given: its date and id); absent on the last page. */
  next?: string;
}

/** The most entries one query reads while looking for a page (a page itself is at most MAX_PAGE_SIZE). */
const MAX_READ = 500;

const encodeCursor = (sort: string) => Buffer.from(sort).toString('base64url');

/** The index position a cursor names, or undefined when it names none (made up or damaged: the list starts over). */
function decodeCursor(kind: ListingKind, cursor: string | undefined, pkOf: (id: string) => string): Record<string, string> | undefined {
  if (!cursor) return undefined;
  const sort = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^([^#]+)#(.+)$/.exec(sort);
  if (!match) return undefined;
  return { pk: pkOf(match[2]), sk: LISTING_SK, gsi2pk: listKey(kind), gsi2sk: sort };
}

/**
 * One page of a province-wide list, newest first, keeping the entries of the organizations `keep` accepts (the actor's
 * scope), at most `limit` (≤ 100). `share` (0–1] is the part of the province's records `keep` is expected to accept:
 * a query asks for about as many entries as make a page at that share, at most 500. The cursor is the last entry
 * given, so a record listed when paging began is given once however many are added meanwhile (newer ones show on
 * the first page read again); it only positions the read in the province's list, so a forged one shows nothing
 * outside `keep`.
 */
export async function pageListing(
  store: Store, kind: ListingKind, pkOf: (id: string) => string, keep: (orgId: string) => boolean,
  options: { limit: number; cursor?: string; share: number },
): Promise<ListingPage> {
  const limit = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(options.limit)));
  const share = Math.min(1, Math.max(options.share, 1 / MAX_READ));
  const entries: ListingEntry[] = [];
  let startKey: Record<string, unknown> | undefined = decodeCursor(kind, options.cursor, pkOf);
  do {
    const want = Math.min(MAX_READ, Math.ceil((limit - entries.length) / share) + 1);
    const page = await store.doc.send(new QueryCommand({
      TableName: store.tableName, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :key',
      ExpressionAttributeValues: { ':key': listKey(kind) }, ScanIndexForward: false, Limit: want, ExclusiveStartKey: startKey,
    }));
    const items = page.Items ?? [];
    for (const [k, item] of items.entries()) {
      const entry = toEntry(item);
      if (!keep(entry.orgId)) continue;
      entries.push(entry);
      if (entries.length === limit) {
        const more = k < items.length - 1 || page.LastEvaluatedKey !== undefined;
        return more ? { entries, next: encodeCursor(item.gsi2sk as string) } : { entries };
      }
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return { entries };
}

/**
 * The records the entries name (sk `recordSk` in each entry's partition), in the entries' order, by BatchGetItem of
 * up to 100 keys (unprocessed keys tried again): a page of a list costs its query and one batch read. Eventually
 * consistent, as the index the list comes from; a record not found is left out.
 */
export async function getListed(store: Store, entries: readonly ListingEntry[], recordSk: string): Promise<Record<string, unknown>[]> {
  const found = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < entries.length; i += MAX_PAGE_SIZE) {
    let pending: Record<string, unknown>[] = entries.slice(i, i + MAX_PAGE_SIZE).map((entry) => ({ pk: entry.pk, sk: recordSk }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));
      if (attempt > 8) throw new Error(`BatchGetItem left ${pending.length} keys unprocessed after ${attempt} attempts`);
      const result = await store.doc.send(new BatchGetCommand({ RequestItems: { [store.tableName]: { Keys: pending } } }));
      for (const item of result.Responses?.[store.tableName] ?? []) found.set(item.pk as string, item);
      pending = (result.UnprocessedKeys?.[store.tableName]?.Keys ?? []) as Record<string, unknown>[];
    }
  }
  return entries.flatMap((entry) => { const item = found.get(entry.pk); return item ? [item] : []; });
}
