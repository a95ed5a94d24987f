import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Organization } from '../domain/registry/organization';
import { termWakeLowerBound } from '../domain/registry/term-wake';
import { DUE_ENTRY_SK, dueEntryItem } from './due-index';
import type { Store } from './store';
import type { TransactItem } from './transact';

/**
 * An organization's term entry in the due index (kind `term`, docs/domain/scheduler.md): `ORG#<id>` / `DUE`, listed
 * under `DUE#term` by its wake date, with the term end it belongs to (`termEnd`). Its writes other than the
 * organization's own are conditioned on that term end, not on the organization's version: a write that leaves the
 * term as it is (a move, a committee post ended) does not touch the entry.
 *
 * The scheduler's wake dates depend on the term reminder setting; the setting version they were computed under is
 * kept on each entry the scheduler writes and in the keying mark `DUEINDEX` / `BACKFILL#term` (`rulesVersion`, `complete`).
 */
const orgKey = (orgId: string) => ({ pk: `ORG#${orgId}`, sk: DUE_ENTRY_SK });
const KEYING_KEY = { pk: 'DUEINDEX', sk: 'BACKFILL#term' };

/** `rulesVersion`: the setting version the scheduler computed the wake date under (none: the organization's own write). */
function termEntry(org: Pick<Organization, 'id' | 'version' | 'termEnd'>, wakeAt: string, rulesVersion?: number): Record<string, unknown> {
  return { ...dueEntryItem({ kind: 'term', pk: `ORG#${org.id}`, id: org.id, wakeAt, version: org.version, termEnd: org.termEnd }), ...(rulesVersion !== undefined && { rulesVersion }) };
}

/**
 * The entry written with an organization (organizationWrites): at its earliest possible reminder, whatever the
 * setting (termWakeLowerBound); deleted when it is closed or has no term end. A new organization without a term: nothing.
 */
export function organizationTermEntry(store: Store, org: Organization, created: boolean): TransactItem | undefined {
  const wakeAt = termWakeLowerBound(org);
  if (wakeAt === undefined) return created ? undefined : { Delete: { TableName: store.tableName, Key: orgKey(org.id) } };
  return { Put: { TableName: store.tableName, Item: termEntry(org, wakeAt) } };
}

/**
 * The scheduler's move of an entry (in the write that records its work): only while the entry still belongs to the
 * term end the scheduler looked at, and while the entries are keyed for the setting version it used (a change of
 * the setting being keyed meanwhile refuses it).
 */
export function moveTermEntry(store: Store, org: Pick<Organization, 'id' | 'version'> & { termEnd: string }, wakeAt: string | undefined, rulesVersion: number): TransactItem[] {
  const values = { ':termEnd': org.termEnd };
  const entry: TransactItem = wakeAt === undefined
    ? { Delete: { TableName: store.tableName, Key: orgKey(org.id), ConditionExpression: 'termEnd = :termEnd', ExpressionAttributeValues: values } }
    : { Put: { TableName: store.tableName, Item: termEntry(org, wakeAt, rulesVersion), ConditionExpression: 'termEnd = :termEnd', ExpressionAttributeValues: values } };
  const keyed: TransactItem = {
    ConditionCheck: {
      TableName: store.tableName, Key: KEYING_KEY,
      ConditionExpression: 'rulesVersion = :rulesVersion AND complete = :complete', ExpressionAttributeValues: { ':rulesVersion': rulesVersion, ':complete': true },
    },
  };
  return [entry, keyed];
}

/** An entry left behind for a term end the organization no longer has (the keying met a change): removed, if still there. */
export function dropTermEntry(store: Store, orgId: string, termEnd: string): TransactItem {
  return { Delete: { TableName: store.tableName, Key: orgKey(orgId), ConditionExpression: 'termEnd = :termEnd', ExpressionAttributeValues: { ':termEnd': termEnd } } };
}

/**
 * The keying's entry of an organization under setting version `rulesVersion`: only where the organization has none,
 * or one of the same term end not written under a later version (a change since wrote its own; a newer keying its
 * own). False when refused.
 */
export async function keyTermEntry(store: Store, org: Organization & { termEnd: string }, wakeAt: string, rulesVersion: number): Promise<boolean> {
  try {
    await store.doc.send(new PutCommand({
      TableName: store.tableName, Item: termEntry(org, wakeAt, rulesVersion),
      ConditionExpression: 'attribute_not_exists(pk) OR (termEnd = :termEnd AND (attribute_not_exists(rulesVersion) OR rulesVersion <= :rulesVersion))',
      ExpressionAttributeValues: { ':termEnd': org.termEnd, ':rulesVersion': rulesVersion },
    }));
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

export interface TermKeying {
  /** The term reminder setting's version the entries are keyed for (0: the built-in defaults). */
  rulesVersion: number;
  /** False while the keying runs (or after it stopped half-way). */
  complete: boolean;
}

export async function getTermKeying(store: Store): Promise<TermKeying | undefined> {
  const { Item } = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: KEYING_KEY, ConsistentRead: true }));
  return Item ? { rulesVersion: Item.rulesVersion, complete: Item.complete === true } : undefined;
}

/** Before keying for a setting version: the scheduler's moves under any other version are refused from now on. */
export async function startTermKeying(store: Store, rulesVersion: number, at: string): Promise<void> {
  await store.doc.send(new PutCommand({ TableName: store.tableName, Item: { ...KEYING_KEY, type: 'due-backfill', kind: 'term', rulesVersion, complete: false, at } }));
}

/** After: complete, unless a keying for another version started meanwhile. */
export async function finishTermKeying(store: Store, rulesVersion: number, at: string, entries: number): Promise<void> {
  try {
    await store.doc.send(new PutCommand({
      TableName: store.tableName, Item: { ...KEYING_KEY, type: 'due-backfill', kind: 'term', rulesVersion, complete: true, at, entries },
      ConditionExpression: 'rulesVersion = :rulesVersion', ExpressionAttributeValues: { ':rulesVersion': rulesVersion },
    }));
  } catch (error) {
    if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
  }
}

/** Whether a term reminder was already sent (its once-only marker, term-reminders.ts). */
export async function termReminderSent(store: Store, orgId: string, termEnd: string, key: string): Promise<boolean> {
  const { Item } = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk: `ORG#${orgId}`, sk: termReminderMarkerSk(termEnd, key) }, ConsistentRead: true, ProjectionExpression: 'pk' }));
  return Item !== undefined;
}

export const termReminderMarkerSk = (termEnd: string, key: string) => `TERMREMINDER#${termEnd}#${key}`;
