import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Organization } from '../domain/registry/organization';
import { queryAll } from './query-all';
import type { Store } from './store';
import type { TransactItem } from './transact';
import { fromItem } from './item';

export type { Organization } from '../domain/registry/organization';

/**
 * Organizations: pk ORG#<id>, sk ORG; all of them through gsi1 ORGS / <id> (the tree is small and read whole).
 * An organization's changes are audit events in the same partition (its history).
 */
export const orgPk = (orgId: string) => `ORG#${orgId}`;
const ORG_SK = 'ORG';

function orgItem(org: Organization): Record<string, unknown> {
  return { pk: orgPk(org.id), sk: ORG_SK, type: 'organization', gsi1pk: 'ORGS', gsi1sk: org.id, ...org };
}

function toOrganization(item: Record<string, unknown>): Organization {
  return fromItem<Organization>(item);
}

export function putNewOrganization(store: Store, org: Organization): TransactItem {
  return { Put: { TableName: store.tableName, Item: orgItem(org), ConditionExpression: 'attribute_not_exists(pk)' } };
}

/** Replaces an organization whose stored version is `org.version - 1` (optimistic locking). */
export function replaceOrganization(store: Store, org: Organization): TransactItem {
  return {
    Put: {
      TableName: store.tableName,
      Item: orgItem(org),
      ConditionExpression: 'version = :previous',
      ExpressionAttributeValues: { ':previous': org.version - 1 },
    },
  };
}

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
