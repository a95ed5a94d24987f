import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Election, ElectionRound, ElectionStepKey, ElectionStepRecord } from '../domain/election/election';
import { claimGuard, releaseGuard, type GuardKey } from './guards';
import { queryAll } from './query-all';
import type { Store } from './store';
import type { TransactItem } from './transact';
import { fromItem } from './item';
import { GSI2_KEY_ATTRIBUTES, orgKindRange, pageAcrossOrganizations, type OrgPage } from './org-pages';
import { pageNewestFirst } from './listings';

/**
 * Elections, in the single table (one partition per election: its file is one query):
 *   pk ELECTION#<id>, sk ELECTION                 the election; gsi2 ORG#<orgId>#election / <createdAt>#<id>;
 *                                                 gsi1 ELECTIONS#all / <createdAt>#<id> (the province's, newest first)
 *   pk ELECTION#<id>, sk STEP#<stepKey>#<nnn>     a recorded human step, by key and attempt (written once)
 *   pk ELECTION#<id>, sk ROUND#<nnn>              a voting round, by number (written once: a retry never adds one)
 *   pk ELECTION#<id>, sk AUDIT#…                  its audit trail
 * Every change of the election is conditioned on its `version`.
 */
export const electionPk = (electionId: string) => `ELECTION#${electionId}`;
const ELECTION_SK = 'ELECTION';
const pad = (n: number) => String(n).padStart(3, '0');
export const stepSk = (stepKey: ElectionStepKey, attempt: number) => `STEP#${stepKey}#${pad(attempt)}`;
export const roundSk = (no: number) => `ROUND#${pad(no)}`;
const orgElectionsKey = (orgId: string) => `ORG#${orgId}#election`;
const PROVINCE_LIST = 'ELECTIONS#all';
const provinceSort = (election: Pick<Election, 'id' | 'createdAt'>) => `${election.createdAt}#${election.id}`;

function electionItem(election: Election): Record<string, unknown> {
  return {
    pk: electionPk(election.id), sk: ELECTION_SK, type: 'election',
    gsi1pk: PROVINCE_LIST, gsi1sk: provinceSort(election),
    gsi2pk: orgElectionsKey(election.orgId), gsi2sk: `${election.createdAt}#${election.id}`,
    ...election,
  };
}

export function putNewElection(store: Store, election: Election): TransactItem {
  return { Put: { TableName: store.tableName, Item: electionItem(election), ConditionExpression: 'attribute_not_exists(pk)' } };
}

/** The guard of "one running election per organization": GUARD#election#<orgId>. */
export const electionGuardKey = (orgId: string): GuardKey => ({ rule: 'election', scope: orgId });

/** Claimed with the new election: refused while another election of the organization runs. */
export function claimElectionGuard(store: Store, election: Pick<Election, 'id' | 'orgId'>): TransactItem {
  return claimGuard(store, electionGuardKey(election.orgId), election.id);
}

/** Released in the transaction that ends the election (results approved, request rejected, ended or stopped). */
export function releaseElectionGuard(store: Store, election: Pick<Election, 'id' | 'orgId'>): TransactItem {
  return releaseGuard(store, electionGuardKey(election.orgId), election.id);
}

/** Replaces the election whose stored version is `next.version - 1`. */
export function replaceElection(store: Store, next: Election): TransactItem {
  return {
    Put: {
      TableName: store.tableName,
      Item: electionItem(next),
      ConditionExpression: '#version = :previous',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':previous': next.version - 1 },
    },
  };
}

export function putStepRecord(store: Store, record: ElectionStepRecord): TransactItem {
  return {
    Put: {
      TableName: store.tableName,
      Item: { pk: electionPk(record.electionId), sk: stepSk(record.stepKey, record.attempt), type: 'election-step', ...record },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export function putRound(store: Store, round: ElectionRound): TransactItem {
  return {
    Put: {
      TableName: store.tableName,
      Item: { pk: electionPk(round.electionId), sk: roundSk(round.no), type: 'election-round', ...round },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export async function getElection(store: Store, electionId: string): Promise<Election | undefined> {
  const { Item } = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk: electionPk(electionId), sk: ELECTION_SK }, ConsistentRead: true }));
  return Item ? fromItem<Election>(Item) : undefined;
}

/** The election's partition: the election, its steps and rounds in order (audit events are read by listAudit). */
/** The election's voting rounds in order (only the ROUND# items of its partition). */
export async function listRounds(store: Store, electionId: string): Promise<ElectionRound[]> {
  const items = await queryAll(store, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :round)',
    ExpressionAttributeValues: { ':pk': electionPk(electionId), ':round': 'ROUND#' },
    ConsistentRead: true,
  });
  return items.map((item) => fromItem<ElectionRound>(item)).sort((a, b) => a.no - b.no);
}

/** The election's last voting round (one item read), if any. */
export async function lastRound(store: Store, electionId: string): Promise<ElectionRound | undefined> {
  const { Items } = await store.doc.send(new QueryCommand({
    TableName: store.tableName,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :round)',
    ExpressionAttributeValues: { ':pk': electionPk(electionId), ':round': 'ROUND#' },
    ScanIndexForward: false,
    Limit: 1,
    ConsistentRead: true,
  }));
  return Items?.[0] ? fromItem<ElectionRound>(Items[0]) : undefined;
}

export async function readElectionPartition(store: Store, electionId: string): Promise<{ election?: Election; steps: ElectionStepRecord[]; rounds: ElectionRound[] }> {
  const items = await queryAll(store, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': electionPk(electionId) },
    ConsistentRead: true,
  });
  const steps: ElectionStepRecord[] = [];
  const rounds: ElectionRound[] = [];
  let election: Election | undefined;
  for (const item of items) {
    if (item.type === 'election') election = fromItem<Election>(item);
    if (item.type === 'election-step') steps.push(fromItem<ElectionStepRecord>(item));
    if (item.type === 'election-round') rounds.push(fromItem<ElectionRound>(item));
  }
  steps.sort((a, b) => a.at.localeCompare(b.at) || a.attempt - b.attempt);
  rounds.sort((a, b) => a.no - b.no);
  return { election, steps, rounds };
}

/** An organization's elections, newest first. */
export async function listOrgElections(store: Store, orgId: string): Promise<Election[]> {
  const items = await queryAll(store, {
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :key',
    ExpressionAttributeValues: { ':key': orgElectionsKey(orgId) },
    ScanIndexForward: false,
  });
  return items.map((item) => fromItem<Election>(item));
}

/** One page of the elections of `orgs` (the organizations in path order, each one's elections newest first; org-pages.ts). */
export async function pageOrgElections(store: Store, orgs: readonly { id: string; path: string }[], options: { limit: number; cursor?: string }): Promise<OrgPage<Election>> {
  const page = await pageAcrossOrganizations(store, orgs.map((org) => orgKindRange(org, 'election')), { ...options, keyAttributes: GSI2_KEY_ATTRIBUTES });
  return { items: page.items.map((item) => fromItem<Election>(item)), ...(page.next ? { next: page.next } : {}) };
}

/** About what one election item weighs, for the choice between reading per organization and the province's list (large-scope.ts). */
export const ELECTION_ITEM_BYTES = 2048;

/**
 * One page of the province's elections, newest first, of the organizations `keep` accepts (a large scope: the list
 * `ELECTIONS#all` read by `pageNewestFirst`, `share` the part of the province's elections expected in scope).
 */
export async function pageProvinceElections(store: Store, keep: (orgId: string) => boolean, options: { limit: number; cursor?: string; share: number }): Promise<{ elections: Election[]; next?: string }> {
  const list = { index: 'gsi1', partition: PROVINCE_LIST, keyAt: (sort: string) => ({ pk: electionPk(sort.slice(sort.indexOf('#') + 1)), sk: ELECTION_SK }) } as const;
  const page = await pageNewestFirst(store, list, (item) => item.type === 'election' && keep(item.orgId as string), options);
  return { elections: page.items.map((item) => fromItem<Election>(item)), ...(page.next ? { next: page.next } : {}) };
}

/**
 * Lists an election stored before the province's list (the backfill; its date and id never change, so any version
 * of it is listed alike): false when it was listed already or is gone.
 */
export async function listElectionInProvince(store: Store, election: Pick<Election, 'id' | 'createdAt'>): Promise<boolean> {
  try {
    await store.doc.send(new UpdateCommand({
      TableName: store.tableName, Key: { pk: electionPk(election.id), sk: ELECTION_SK },
      UpdateExpression: 'SET gsi1pk = :list, gsi1sk = :sort', ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(gsi1pk)',
      ExpressionAttributeValues: { ':list': PROVINCE_LIST, ':sort': provinceSort(election) },
    }));
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}
