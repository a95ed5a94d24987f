import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import type { Organization } from '../domain/registry/organization';
import { queryAll } from './query-all';
import type { Store } from './store';
import type { TransactItem } from './transact';
import { fromItem } from './item';
import { organizationTermEntry } from './term-due';

export type { Organization } from '../domain/registry/organization';

/**
 * Organizations: pk ORG#<id>, sk ORG; all of them through gsi1 ORGS / <path> (a subtree is one range of it). An
 * organization's changes are audit events in the same partition (its history). Every transaction that writes
 * organizations also writes the tree's mark (`ORGS` / `TREE`: a new random token and the organizations it wrote), so
 * that a copy of the tree kept between requests (orgs-cache.ts) knows with one read whether it is still the tree.
 */
export const orgPk = (orgId: string) => `ORG#${orgId}`;
const ORG_SK = 'ORG';
export const ORG_TREE_MARK_KEY = { pk: 'ORGS', sk: 'TREE' };

function orgItem(org: Organization): Record<string, unknown> {
  return { pk: orgPk(org.id), sk: ORG_SK, type: 'organization', gsi1pk: 'ORGS', gsi1sk: org.path ?? org.id, ...org };
}

function toOrganization(item: Record<string, unknown>): Organization {
  return fromItem<Organization>(item);
}

function putNewOrganization(store: Store, org: Organization): TransactItem {
  return { Put: { TableName: store.tableName, Item: orgItem(org), ConditionExpression: 'attribute_not_exists(pk)' } };
}

/** Replaces an organization whose stored version is `org.version - 1` (optimistic locking). */
function replaceOrganization(store: Store, org: Organization): TransactItem {
  return {
    Put: {
      TableName: store.tableName,
      Item: orgItem(org),
      ConditionExpression: 'version = :previous',
      ExpressionAttributeValues: { ':previous': org.version - 1 },
    },
  };
}

/** The tree's mark after a write of `orgs`: a new token, and each written organization's version. */
export function orgTreeMark(store: Store, orgs: readonly Organization[]): TransactItem {
  return {
    Put: {
      TableName: store.tableName,
      Item: { ...ORG_TREE_MARK_KEY, type: 'org-tree-mark', token: randomUUID(), written: Object.fromEntries(orgs.map((org) => [org.id, org.version])) },
    },
  };
}

/**
 * Every write of organizations, in one transaction with the tree's mark: `created` only if absent, `replaced` only
 * over the version before theirs. The only way organizations are written. Each organization's term entry in the due
 * index (term-due.ts, docs/domain/scheduler.md) is written with it, unless the caller says the write changes no
 * term end and no status (`termsUnchanged`: a move, a committee post ended), so a move of a large subtree stays
 * within one transaction.
 */
export function organizationWrites(
  store: Store,
  { created = [], replaced = [], termsUnchanged = false }: { created?: readonly Organization[]; replaced?: readonly Organization[]; termsUnchanged?: boolean },
): TransactItem[] {
  if (created.length + replaced.length === 0) return [];
  const entries = [
    ...created.map((org) => organizationTermEntry(store, org, true)),
    ...(termsUnchanged ? [] : replaced.map((org) => organizationTermEntry(store, org, false))),
  ].filter((item): item is TransactItem => item !== undefined);
  return [...created.map((org) => putNewOrganization(store, org)), ...replaced.map((org) => replaceOrganization(store, org)), orgTreeMark(store, [...created, ...replaced]), ...entries];
}

/** Bulk loaders (benches, seeds without transactions): the organization item alone, as its Put would write it. */
export const organizationPutForBulkLoad = putNewOrganization;

/**
 * The root organization's setup marker (pk `SETUP`, sk `ROOT`): written once, in the same transaction as the first
 * administrator's root organization, so that of two `admin create` runs at the same moment only one creates anything.
 * `firstAdministrator` is the username that run named (on AWS a rerun with the same name finishes a half-done setup).
 */
export interface RootSetup {
  orgId: string;
  firstAdministrator: string;
  at: string;
}

const SETUP_KEY = { pk: 'SETUP', sk: 'ROOT' };

export function putRootSetup(store: Store, setup: RootSetup): TransactItem {
  return { Put: { TableName: store.tableName, Item: { ...SETUP_KEY, type: 'setup', ...setup }, ConditionExpression: 'attribute_not_exists(pk)' } };
}

export async function getRootSetup(store: Store): Promise<RootSetup | undefined> {
  const { Item } = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: SETUP_KEY, ConsistentRead: true }));
  return Item ? { orgId: Item.orgId, firstAdministrator: Item.firstAdministrator, at: Item.at } : undefined;
}

export async function getOrganization(store: Store, id: string): Promise<Organization | undefined> {
  const result = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk: orgPk(id), sk: ORG_SK }, ConsistentRead: true }));
  return result.Item ? toOrganization(result.Item) : undefined;
}

export async function listOrganizations(store: Store): Promise<Organization[]> {
  const items = await queryAll(store, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :orgs',
    ExpressionAttributeValues: { ':orgs': 'ORGS' },
  });
  return items.map(toOrganization);
}

export interface OrgTreeMark {
  token: string;
  /** The organizations the last write wrote, with their versions. */
  written: Record<string, number>;
}

export async function getOrgTreeMark(store: Store): Promise<OrgTreeMark | undefined> {
  const { Item } = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: ORG_TREE_MARK_KEY, ConsistentRead: true }));
  return Item ? { token: Item.token, written: Item.written ?? {} } : undefined;
}

/** Writes a first mark where none is (organizations stored before marks existed); the mark there is kept. */
export async function putFirstOrgTreeMark(store: Store): Promise<void> {
  const put = orgTreeMark(store, []).Put!;
  try {
    await store.doc.send(new PutCommand({ ...put, ConditionExpression: 'attribute_not_exists(pk)' }));
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/** Stores the ancestry paths the tree computed for organizations without the right one (each only at its version). */
export function repairPaths(store: Store, orgs: readonly Organization[]): TransactItem[] {
  return orgs.map((org) => ({
    Update: {
      TableName: store.tableName,
      Key: { pk: orgPk(org.id), sk: ORG_SK },
      UpdateExpression: 'SET #path = :path, gsi1sk = :path',
      ConditionExpression: 'version = :version',
      ExpressionAttributeNames: { '#path': 'path' },
      ExpressionAttributeValues: { ':path': org.path, ':version': org.version },
    },
  }));
}
