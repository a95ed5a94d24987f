import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './store';
import type { TransactItem } from './transact';
import { MAX_PAGE_SIZE } from './org-pages';

/**
 * The province-wide lists of approvals and notices, newest first (docs/domain/lists-and-counts.md): one small listing
 * entry per approval / notice, in the record's own partition (sk `LISTED`), listed in gsi2 under `LIST#<kind>` by the
 * record's date (`<createdAt | publishedAt>#<id>`), with the record's organization and what the list shows of it
 * (`shown`, as attributes of the entry), so a page is one query. The staff pages list every approval and every notice
 * whatever became of it, so an entry never leaves its list; it follows every change of its record in the change's
 * transaction: an approval's by a Put (`replaceApproval` puts the whole approval), a notice's by the same SET as the
 * notice's own update, for the attributes shown (`updateNotice`, `countObjectionOnNotice`).
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
  /** What the list shows of the record (stored as attributes of the entry; kept by every write of the record). */
  shown: Record<string, unknown>;
}

export const LISTING_SK = 'LISTED';
/** The entry's own attributes (the rest is what it shows). */
const ENTRY_ATTRIBUTES = ['pk', 'sk', 'type', 'list', 'at', 'gsi2pk', 'gsi2sk'];
const listKey = (kind: ListingKind) => `LIST#${kind}`;
const sortKey = (entry: Pick<ListingEntry, 'at' | 'id'>) => `${entry.at}#${entry.id}`;

function entryItem(entry: ListingEntry): Record<string, unknown> {
  return {
    ...entry.shown, pk: entry.pk, sk: LISTING_SK, type: 'listing', list: entry.kind, id: entry.id, orgId: entry.orgId, at: entry.at,
    gsi2pk: listKey(entry.kind), gsi2sk: sortKey(entry),
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

/**
 * The backfill's entry for a record stored before the lists, as it is now: only if it is not listed yet (a change
 * since wrote a listed one; a change of a notice not yet listed leaves a partial entry, outside the list, which this
 * replaces). In the backfill's transaction beside a check that the record is still as read.
 */
export function putListingEntryIfUnlisted(store: Store, entry: ListingEntry): TransactItem {
  return { Put: { TableName: store.tableName, Item: entryItem(entry), ConditionExpression: 'attribute_not_exists(gsi2pk)' } };
}

/**
 * The same SET, ADD and REMOVE a change applies to its record, on the record's entry, for the attributes `shown` lists
 * (nothing when the change touches none). Unconditioned: the record's own write in the transaction holds the
 * condition; on a record stored before the lists and not yet listed it leaves a partial entry outside the list.
 */
export function mirrorOnListingEntry(store: Store, pk: string, shown: readonly string[], change: { set?: Record<string, unknown>; add?: Record<string, number>; remove?: readonly string[] }): TransactItem[] {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const clause = (entries: Array<[string, unknown]>, prefix: string, form: (name: string, value: string) => string) =>
    entries.filter(([name]) => shown.includes(name)).map(([name, value], index) => {
      names[`#${prefix}${index}`] = name;
      values[`:${prefix}${index}`] = value;
      return form(`#${prefix}${index}`, `:${prefix}${index}`);
    });
  const sets = clause(Object.entries(change.set ?? {}), 's', (name, value) => `${name} = ${value}`);
  const adds = clause(Object.entries(change.add ?? {}), 'a', (name, value) => `${name} ${value}`);
  const removes = (change.remove ?? []).filter((name) => shown.includes(name)).map((name, index) => {
    names[`#r${index}`] = name;
    return `#r${index}`;
  });
  if (sets.length === 0 && adds.length === 0 && removes.length === 0) return [];
  const expression = [sets.length ? `SET ${sets.join(', ')}` : '', adds.length ? `ADD ${adds.join(', ')}` : '', removes.length ? `REMOVE ${removes.join(', ')}` : ''].filter(Boolean).join(' ');
  return [{
    Update: {
      TableName: store.tableName, Key: { pk, sk: LISTING_SK }, UpdateExpression: expression, ExpressionAttributeNames: names,
      ...(Object.keys(values).length > 0 && { ExpressionAttributeValues: values }),
    },
  }];
}

const toEntry = (item: Record<string, unknown>): ListingEntry => ({
  kind: item.list as ListingKind, id: item.id as string, pk: item.pk as string, orgId: item.orgId as string, at: item.at as string,
  shown: Object.fromEntries(Object.entries(item).filter(([name]) => !ENTRY_ATTRIBUTES.includes(name))),
});

export interface ListingPage {
  entries: ListingEntry[];
  /** The cursor of the next page (the last entry given: its date and id); absent on the last page. */
  next?: string;
}

/** The most entries one query reads while looking for a page (a page itself is at most MAX_PAGE_SIZE). */
const MAX_READ = 500;

const encodeCursor = (sort: string) => Buffer.from(sort).toString('base64url');

/** A list newest first: the index, its partition, and the table key of the item at a sort key (undefined: not a sort key of this list). */
export interface NewestFirstList {
  index: 'gsi1' | 'gsi2';
  partition: string;
  keyAt: (sort: string) => Record<string, string> | undefined;
}

/**
 * One page of a province-wide list, newest first, keeping the items `keep` accepts (the actor's scope), at most
 * `limit` (≤ 100). `share` (0–1] is the part of the province's records `keep` is expected to accept: a query asks for
 * about as many items as make a page at that share, at most 500. The cursor is the last item given, so a record listed
 * when paging began is given once however many are added meanwhile (newer ones show on the first page read again); it
 * only positions the read in the province's list, so a forged one shows nothing outside `keep`; a damaged one starts
 * the list over.
 */
export async function pageNewestFirst(
  store: Store, list: NewestFirstList, keep: (item: Record<string, unknown>) => boolean,
  options: { limit: number; cursor?: string; share: number },
): Promise<{ items: Record<string, unknown>[]; next?: string }> {
  const limit = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(options.limit)));
  const share = Math.min(1, Math.max(options.share, 1 / MAX_READ));
  const sortName = `${list.index}sk`;
  const kept: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined = cursorKey(list, options.cursor);
  do {
    const want = Math.min(MAX_READ, Math.ceil((limit - kept.length) / share) + 1);
    const page = await store.doc.send(new QueryCommand({
      TableName: store.tableName, IndexName: list.index, KeyConditionExpression: `${list.index}pk = :key`,
      ExpressionAttributeValues: { ':key': list.partition }, ScanIndexForward: false, Limit: want, ExclusiveStartKey: startKey,
    }));
    const items = page.Items ?? [];
    for (const [k, item] of items.entries()) {
      if (!keep(item)) continue;
      kept.push(item);
      if (kept.length === limit) {
        const more = k < items.length - 1 || page.LastEvaluatedKey !== undefined;
        return more ? { items: kept, next: encodeCursor(item[sortName] as string) } : { items: kept };
      }
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return { items: kept };
}

/** The index position a cursor names, or undefined when it names none (made up or damaged: the list starts over). */
function cursorKey(list: NewestFirstList, cursor: string | undefined): Record<string, string> | undefined {
  if (!cursor) return undefined;
  const sort = Buffer.from(cursor, 'base64url').toString('utf8');
  const key = /^[^#]+#.+$/.test(sort) ? list.keyAt(sort) : undefined;
  return key && { ...key, [`${list.index}pk`]: list.partition, [`${list.index}sk`]: sort };
}

/** One page of the list of approvals or notices, keeping the entries of the organizations `keep` accepts (pageNewestFirst). */
export async function pageListing(
  store: Store, kind: ListingKind, pkOf: (id: string) => string, keep: (orgId: string) => boolean,
  options: { limit: number; cursor?: string; share: number },
): Promise<ListingPage> {
  const list: NewestFirstList = { index: 'gsi2', partition: listKey(kind), keyAt: (sort) => ({ pk: pkOf(sort.slice(sort.indexOf('#') + 1)), sk: LISTING_SK }) };
  const page = await pageNewestFirst(store, list, (item) => keep(item.orgId as string), options);
  return { entries: page.items.map(toEntry), ...(page.next ? { next: page.next } : {}) };
}
