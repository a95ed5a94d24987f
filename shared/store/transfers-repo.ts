import { BatchGetCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { serialSeries } from '../domain/transfer/serial';
import type { Transfer } from '../domain/transfer/transfer';
import { DEFAULT_TRANSFER_RULES } from '../domain/transfer/validity';
import { nextTransferWake } from '../domain/transfer/wake';
import { setDueEntry } from './due-index';
import { claimGuard, releaseGuard, type GuardKey } from './guards';
import { queryAll } from './query-all';
import type { Store } from './store';
import { conditionFailed, type TransactItem } from './transact';
import { fromItem } from './item';

/**
 * Transfers of membership (docs/domain/transfer.md), keys in shared/store/README.md:
 *   pk TRANSFER#<id>, sk TRANSFER          the transfer with its letters; gsi2 ORG#<fromOrgId>#transfer (outgoing),
 *                                          gsi1 TRANSFERS#in#<toOrgId> (incoming, within the system)
 *   pk TRANSFER#<id>, sk AUDIT#…           its file
 *   pk TRANSFER#<id>, sk UNDERWAY          while not finished: the province-wide list of transfers under way, gsi1
 *                                          TRANSFERS#underway / <createdAt>#<id>, with fromOrgId and toOrgId (a large
 *                                          scope's warnings read it: docs/domain/transfer.md T7a)
 *   pk PERSON#<personId>, sk TRANSFER#<id> the person's transfers (history on the person's page)
 *   pk SERIAL#<issuerOrgId>#<year>, sk SERIAL   the last serial number issued in the series (attribute `last`)
 * Every change of a transfer is conditioned on its `version`.
 */
export const transferPk = (transferId: string) => `TRANSFER#${transferId}`;
const TRANSFER_SK = 'TRANSFER';
const outgoingKey = (orgId: string) => `ORG#${orgId}#transfer`;
const incomingKey = (orgId: string) => `TRANSFERS#in#${orgId}`;
const serialKey = (issuerOrgId: string, year: number) => ({ pk: `SERIAL#${serialSeries(issuerOrgId, year)}`, sk: 'SERIAL' });

function transferItem(transfer: Transfer): Record<string, unknown> {
  const sort = `${transfer.createdAt}#${transfer.id}`;
  return {
    pk: transferPk(transfer.id), sk: TRANSFER_SK, type: 'transfer',
    gsi2pk: outgoingKey(transfer.fromOrgId), gsi2sk: sort,
    ...(transfer.destination.kind === 'within' ? { gsi1pk: incomingKey(transfer.destination.orgId), gsi1sk: sort } : {}),
    ...transfer,
  };
}

function toTransfer(item: Record<string, unknown>): Transfer {
  return fromItem<Transfer>(item);
}

/** The guard of "one transfer under way per person": GUARD#transfer#<personId>. */
const transferGuard = (personId: string): GuardKey => ({ rule: 'transfer', scope: personId });

/**
 * The transfer's entry in the due index (docs/domain/scheduler.md), written with every change of the transfer: its
 * wake instant counting no warning as mailed (a lower bound: the tick finds the markers), none once finished.
 */
export function transferDueItem(store: Store, transfer: Transfer, finished = false): TransactItem {
  const wakeAt = finished ? undefined : nextTransferWake(transfer, DEFAULT_TRANSFER_RULES);
  return setDueEntry(store, { kind: 'transfer', pk: transferPk(transfer.id), id: transfer.id, wakeAt, version: transfer.version });
}

const UNDERWAY_SK = 'UNDERWAY';
const UNDERWAY_KEY = 'TRANSFERS#underway';

/** A transfer under way in the province-wide list (the organizations on both sides, for a scope to filter on). */
export interface TransferUnderway {
  transferId: string;
  fromOrgId: string;
  /** The receiving organization, within the system. */
  toOrgId?: string;
}

/** The transfer's entry in the province-wide list of transfers under way (put with the new transfer, or by the backfill). */
export function underwayItem(transfer: Transfer): Record<string, unknown> {
  return {
    pk: transferPk(transfer.id), sk: UNDERWAY_SK, type: 'transfer-underway', transferId: transfer.id, fromOrgId: transfer.fromOrgId,
    ...(transfer.destination.kind === 'within' ? { toOrgId: transfer.destination.orgId } : {}),
    gsi1pk: UNDERWAY_KEY, gsi1sk: `${transfer.createdAt}#${transfer.id}`,
  };
}

/** A new transfer, the person's guard claimed for it, the person's reference to it, its due-index entry and its entry among the transfers under way. */
export function putNewTransfer(store: Store, transfer: Transfer): TransactItem[] {
  return [
    claimGuard(store, transferGuard(transfer.personId), transfer.id),
    { Put: { TableName: store.tableName, Item: transferItem(transfer), ConditionExpression: 'attribute_not_exists(pk)' } },
    { Put: { TableName: store.tableName, Item: underwayItem(transfer) } },
    { Put: { TableName: store.tableName, Item: { pk: `PERSON#${transfer.personId}`, sk: `TRANSFER#${transfer.id}`, type: 'person-transfer', transferId: transfer.id } } },
    transferDueItem(store, transfer),
  ];
}

/**
 * Replaces the transfer if its stored version is `next.version - 1`, with its due-index entry; a finished one
 * releases the person's guard and leaves the list of transfers under way.
 */
export function replaceTransfer(store: Store, next: Transfer, finished: boolean): TransactItem[] {
  const replace: TransactItem = {
    Put: { TableName: store.tableName, Item: transferItem(next), ConditionExpression: 'version = :previous', ExpressionAttributeValues: { ':previous': next.version - 1 } },
  };
  const leaveList: TransactItem = { Delete: { TableName: store.tableName, Key: { pk: transferPk(next.id), sk: UNDERWAY_SK } } };
  return finished ? [replace, releaseGuard(store, transferGuard(next.personId), next.id), transferDueItem(store, next, true), leaveList] : [replace, transferDueItem(store, next)];
}

/** The warnings of a transfer already mailed (their markers `TRANSFERWARN#<id>` / `<code>#<dueAt>`). */
export async function listTransferWarningsSent(store: Store, transferId: string): Promise<Set<string>> {
  const items = await queryAll(store, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `TRANSFERWARN#${transferId}` }, ProjectionExpression: 'sk', ConsistentRead: true });
  return new Set(items.map((i) => i.sk as string));
}

/**
 * The serial number `no` taken in the issuer's series for `year` (docs/domain/transfer.md T5): the counter moves from
 * `no - 1` to `no` only if it still says `no - 1` (the first: only if absent), and the number's guard is claimed and
 * never released, so a number is given once and none is skipped.
 */
export function serialItems(store: Store, issuerOrgId: string, year: number, no: number, holder: string): TransactItem[] {
  const condition = no === 1 ? 'attribute_not_exists(#last)' : '#last = :previous';
  return [
    {
      Update: {
        TableName: store.tableName, Key: serialKey(issuerOrgId, year),
        UpdateExpression: 'SET #last = :no, #type = :type',
        ConditionExpression: condition,
        ExpressionAttributeNames: { '#last': 'last', '#type': 'type' },
        ExpressionAttributeValues: { ':no': no, ':type': 'letter-serial', ...(no === 1 ? {} : { ':previous': no - 1 }) },
      },
    },
    claimGuard(store, { rule: 'letter', scope: `${serialSeries(issuerOrgId, year)}#${no}` }, holder),
  ];
}

/** The last serial number issued in a series (undefined before the first). */
export async function lastSerialNo(store: Store, issuerOrgId: string, year: number): Promise<number | undefined> {
  const { Item } = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: serialKey(issuerOrgId, year), ConsistentRead: true }));
  return typeof Item?.last === 'number' ? Item.last : undefined;
}

export async function getTransfer(store: Store, transferId: string): Promise<Transfer | undefined> {
  const { Item } = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk: transferPk(transferId), sk: TRANSFER_SK }, ConsistentRead: true }));
  return Item ? toTransfer(Item) : undefined;
}

/** The transfers an organization sent, newest first. */
export async function listOutgoingTransfers(store: Store, orgId: string): Promise<Transfer[]> {
  const items = await queryAll(store, { IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :key', ExpressionAttributeValues: { ':key': outgoingKey(orgId) }, ScanIndexForward: false });
  return items.map(toTransfer);
}

/** The transfers coming to an organization within the system, newest first. */
export async function listIncomingTransfers(store: Store, orgId: string): Promise<Transfer[]> {
  const items = await queryAll(store, { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :key', ExpressionAttributeValues: { ':key': incomingKey(orgId) }, ScanIndexForward: false });
  return items.map(toTransfer);
}

/** The ids of a person's transfers. */
export async function listPersonTransferIds(store: Store, personId: string): Promise<string[]> {
  const items = await queryAll(store, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': `PERSON#${personId}`, ':prefix': 'TRANSFER#' },
  });
  return items.map((item) => item.transferId as string);
}

/** Every transfer not finished (the scheduler's warnings): requested or issued, from both listings. */
export async function listOpenTransfers(store: Store, orgIds: readonly string[]): Promise<Transfer[]> {
  const lists = await Promise.all(orgIds.map((orgId) => listOutgoingTransfers(store, orgId)));
  return lists.flat().filter((t) => t.status === 'requested' || t.status === 'issued');
}

/** The transfers under way across the province, newest first (docs/domain/transfer.md T7a). */
export async function listTransfersUnderway(store: Store): Promise<TransferUnderway[]> {
  const items = await queryAll(store, {
    IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :key', ExpressionAttributeValues: { ':key': UNDERWAY_KEY }, ScanIndexForward: false,
    ProjectionExpression: 'transferId, fromOrgId, toOrgId',
  });
  return items as unknown as TransferUnderway[];
}

/** Transfers by id, in BatchGetItem calls of 100 keys (unprocessed keys asked again), in the order of `ids`; missing ones left out. */
export async function getTransfers(store: Store, ids: readonly string[]): Promise<Transfer[]> {
  const found = new Map<string, Transfer>();
  for (let i = 0; i < ids.length; i += 100) {
    let keys: Record<string, unknown>[] = ids.slice(i, i + 100).map((id) => ({ pk: transferPk(id), sk: TRANSFER_SK }));
    for (let attempt = 0; keys.length > 0; attempt++) {
      if (attempt > 8) throw new Error(`BatchGetItem left ${keys.length} transfers unprocessed`);
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));
      const result = await store.doc.send(new BatchGetCommand({ RequestItems: { [store.tableName]: { Keys: keys } } }));
      for (const item of result.Responses?.[store.tableName] ?? []) found.set(item.id as string, toTransfer(item));
      keys = (result.UnprocessedKeys?.[store.tableName]?.Keys ?? []) as Record<string, unknown>[];
    }
  }
  return ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
}

/** Puts a transfer stored before the list of transfers under way into it (the one-time backfill); false if it was there. */
export async function addToTransfersUnderway(store: Store, transfer: Transfer): Promise<boolean> {
  try {
    await store.doc.send(new PutCommand({ TableName: store.tableName, Item: underwayItem(transfer), ConditionExpression: 'attribute_not_exists(pk)' }));
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}
