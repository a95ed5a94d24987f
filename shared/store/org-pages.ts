import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Store } from './store';

/**
 * One page of a list that spans organizations (a committee's people, cases, elections): the organizations in the
 * order of their ancestry paths (a subtree stays together, parents before children), each one's records in the order
 * of its own index range, at most `limit` records a page. The cursor names the organization (by path) and the key of
 * the last record given, so a record that was there when the list began is given exactly once however many records
 * or organizations are added while someone pages through it; added records show when they sort after the cursor.
 *
 * The cursor comes back from the browser: only organizations of `orgs` are ever queried, and a key that does not
 * belong to the organization's own range is ignored (the organization is listed from its start).
 */
export interface OrgRange {
  orgId: string;
  path: string;
  /** The organization's range: the query's index, key condition and its values (filters allowed). */
  query: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey' | 'Limit'>;
  /** The attribute and value that every record of the range carries (the index's partition key). */
  partition: { attribute: string; value: string };
}

export interface OrgPage<T> {
  items: T[];
  /** The cursor of the next page; absent on the last page. */
  next?: string;
}

export const MAX_PAGE_SIZE = 100;

/** The page size of the staff lists (case list, elections overview). */
export const LIST_PAGE_SIZE = 50;

/** The key attributes of records listed from gsi2 (`ORG#<orgId>#<kind>`): what a cursor holds. */
export const GSI2_KEY_ATTRIBUTES = ['pk', 'sk', 'gsi2pk', 'gsi2sk'] as const;

/** An organization's records of one kind in gsi2 (`ORG#<orgId>#<kind>` / `<createdAt>#<id>`), newest first. */
export function orgKindRange(org: { id: string; path: string }, kind: string): OrgRange {
  const value = `ORG#${org.id}#${kind}`;
  return {
    orgId: org.id, path: org.path,
    query: { IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :key', ExpressionAttributeValues: { ':key': value }, ScanIndexForward: false },
    partition: { attribute: 'gsi2pk', value },
  };
}

/** How many organizations are asked at once while a page is not full (sparse records: cases, elections). */
const FAN_OUT = 8;

interface Cursor { path: string; key?: Record<string, unknown> }

const encode = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

function decode(text: string | undefined): Cursor | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (typeof value?.path !== 'string') return undefined;
    const key = value.key && typeof value.key === 'object' && !Array.isArray(value.key) ? value.key : undefined;
    return { path: value.path, key };
  } catch {
    return undefined;
  }
}

interface RangeRead<T> { items: T[]; lastKey?: Record<string, unknown> }

async function readRange<T>(store: Store, range: OrgRange, limit: number, startKey: Record<string, unknown> | undefined): Promise<RangeRead<T>> {
  const items: T[] = [];
  let exclusiveStartKey = startKey;
  do {
    const page = await store.doc.send(new QueryCommand({ ...range.query, TableName: store.tableName, Limit: limit - items.length, ExclusiveStartKey: exclusiveStartKey }));
    items.push(...((page.Items ?? []) as T[]));
    exclusiveStartKey = page.LastEvaluatedKey;
  } while (exclusiveStartKey && items.length < limit);
  return { items, lastKey: exclusiveStartKey };
}

/** The key of a record as the index's ExclusiveStartKey wants it: the table's and the index's key attributes. */
const keyOf = (item: Record<string, unknown>, attributes: readonly string[]) => Object.fromEntries(attributes.map((name) => [name, item[name]]));

export async function pageAcrossOrganizations<T extends Record<string, unknown>>(
  store: Store,
  ranges: readonly OrgRange[],
  options: { limit: number; cursor?: string; keyAttributes: readonly string[] },
): Promise<OrgPage<T>> {
  const limit = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(options.limit)));
  const ordered = [...ranges].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const cursor = decode(options.cursor);
  let index = cursor ? ordered.findIndex((range) => range.path >= cursor.path) : 0;
  if (index < 0) return { items: [] };
  let startKey = cursor?.key && ordered[index].path === cursor.path && cursor.key[ordered[index].partition.attribute] === ordered[index].partition.value ? cursor.key : undefined;
  const items: T[] = [];
  while (index < ordered.length) {
    const batch = ordered.slice(index, index + FAN_OUT);
    const reads = await Promise.all(batch.map((range, k) => readRange<T>(store, range, limit - items.length, k === 0 ? startKey : undefined)));
    for (const [k, read] of reads.entries()) {
      const range = batch[k];
      const room = limit - items.length;
      const taken = read.items.slice(0, room);
      items.push(...taken);
      const more = read.items.length > room || read.lastKey !== undefined;
      if (items.length === limit) {
        if (more) return { items, next: encode({ path: range.path, key: keyOf(taken[taken.length - 1], options.keyAttributes) }) };
        const following = ordered[index + k + 1];
        return { items, ...(following ? { next: encode({ path: following.path }) } : {}) };
      }
    }
    index += batch.length;
    startKey = undefined;
  }
  return { items };
}
