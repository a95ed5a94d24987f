import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { COUNTED_STAGES, type StageDeltas } from '../domain/development/case-counts';
import type { StageNo } from '../domain/development/steps';
import { queryAll } from './query-all';
import type { Store } from './store';
import type { TransactItem } from './transact';

/**
 * The development dashboard's counters (docs/domain/development.md): one item per organization with its active
 * cases per stage (attributes `s1`…`s5`), changed only by ADD in the transaction of each case change that moves a
 * case between counted states (services/development/case-counts.ts), so two changes at once both count. The items
 * are listed in gsi1 `CASECOUNTS` by the organization's ancestry path, so a subtree's counters are one range
 * (`begins_with`). The path is written when the item is created; after organizations move, the dashboard moves the
 * paths that changed (`repairCounterPath`), noted in the state item by a fingerprint of the tree's paths.
 */
const LIST = 'CASECOUNTS';
const counterKey = (orgId: string) => ({ pk: `CASECOUNT#${orgId}`, sk: 'COUNT' });
const STATE_KEY = { pk: LIST, sk: 'STATE' };
const attribute = (stage: StageNo) => `s${stage}`;

export interface CaseCounter {
  orgId: string;
  /** The path the counter is listed under (the organization's path when it was created or last repaired). */
  path: string;
  counts: Partial<Record<StageNo, number>>;
}

/** ADDs `deltas` to the organization's counter (created with `path` when absent). */
export function addToCaseCounter(store: Store, orgId: string, path: string, deltas: StageDeltas): TransactItem {
  const stages = COUNTED_STAGES.filter((stage) => deltas[stage]);
  return {
    Update: {
      TableName: store.tableName,
      Key: counterKey(orgId),
      UpdateExpression: `SET #type = :type, orgId = :orgId, gsi1pk = :list, gsi1sk = if_not_exists(gsi1sk, :path) ADD ${stages.map((stage) => `${attribute(stage)} :d${stage}`).join(', ')}`,
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':type': 'case-counter', ':orgId': orgId, ':list': LIST, ':path': path, ...Object.fromEntries(stages.map((stage) => [`:d${stage}`, deltas[stage]])) },
    },
  };
}

const toCounter = (item: Record<string, unknown>): CaseCounter => ({
  orgId: item.orgId as string,
  path: item.gsi1sk as string,
  counts: Object.fromEntries(COUNTED_STAGES.map((stage) => [stage, Number(item[attribute(stage)] ?? 0)])),
});

/** The counters listed under `pathPrefix` (a subtree), or all of them. */
export async function listCaseCounters(store: Store, pathPrefix = '/'): Promise<CaseCounter[]> {
  const items = await queryAll(store, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :list AND begins_with(gsi1sk, :prefix)',
    ExpressionAttributeValues: { ':list': LIST, ':prefix': pathPrefix },
  });
  return items.map(toCounter);
}

/** Lists the counter under the organization's path now (after a move). */
export async function repairCounterPath(store: Store, orgId: string, path: string): Promise<void> {
  await store.doc.send(new UpdateCommand({
    TableName: store.tableName, Key: counterKey(orgId),
    UpdateExpression: 'SET gsi1sk = :path', ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeValues: { ':path': path },
  }));
}

/** A counter as the services leave it, for bulk loads of a fresh table. */
export function caseCounterForBulkLoad(store: Store, orgId: string, path: string, counts: Partial<Record<StageNo, number>>): TransactItem {
  return { Put: { TableName: store.tableName, Item: { ...counterKey(orgId), type: 'case-counter', orgId, gsi1pk: LIST, gsi1sk: path, ...Object.fromEntries(COUNTED_STAGES.map((stage) => [attribute(stage), counts[stage] ?? 0])) } } };
}

/** The counters' state: when the cases stored before counters were counted, and the tree paths they are listed under. */
export interface CaseCountersState {
  backfilledAt?: string;
  /** The tree's paths (a fingerprint) the counters are listed under. */
  pathsFingerprint?: string;
  /** The tree's paths (a fingerprint) the active cases are listed under (cases-repo.ts). */
  casesFingerprint?: string;
}

export async function getCaseCountersState(store: Store): Promise<CaseCountersState> {
  const { Item } = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: STATE_KEY, ConsistentRead: true }));
  return { backfilledAt: Item?.backfilledAt, pathsFingerprint: Item?.pathsFingerprint, casesFingerprint: Item?.casesFingerprint };
}

export async function markCaseCountersBackfilled(store: Store, at: string, counted: number): Promise<void> {
  await store.doc.send(new UpdateCommand({
    TableName: store.tableName, Key: STATE_KEY,
    UpdateExpression: 'SET #type = :type, backfilledAt = :at, counted = :counted', ExpressionAttributeNames: { '#type': 'type' },
    ExpressionAttributeValues: { ':type': 'case-counters-state', ':at': at, ':counted': counted },
  }));
}

/** Notes the tree's paths the counters (`pathsFingerprint`) or the active cases (`casesFingerprint`) are now listed under. */
export async function markListedPaths(store: Store, what: 'pathsFingerprint' | 'casesFingerprint', fingerprint: string): Promise<void> {
  await store.doc.send(new UpdateCommand({
    TableName: store.tableName, Key: STATE_KEY,
    UpdateExpression: 'SET #type = :type, #what = :fingerprint', ExpressionAttributeNames: { '#type': 'type', '#what': what },
    ExpressionAttributeValues: { ':type': 'case-counters-state', ':fingerprint': fingerprint },
  }));
}

/** The state item of a bulk-loaded table: every case counted, counters and cases listed under the paths of `fingerprint`. */
export function caseCountersStateForBulkLoad(store: Store, at: string, fingerprint: string): TransactItem {
  return { Put: { TableName: store.tableName, Item: { ...STATE_KEY, type: 'case-counters-state', backfilledAt: at, counted: 0, pathsFingerprint: fingerprint, casesFingerprint: fingerprint } } };
}

