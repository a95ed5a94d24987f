import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { queryAll } from './query-all';
import type { Store } from './store';

/** Organizations (minimal until the registry issue): pk ORG#<id>, sk ORG; listed through gsi1 ORGS / <id>. */
export interface Organization {
  id: string;
  name: string;
  parentId?: string;
  kind: 'working-committee' | 'committee' | 'general-branch' | 'branch';
}

/** Adds an organization; returns false when it already exists (nothing changes). */
export async function putOrganization(store: Store, org: Organization): Promise<boolean> {
  try {
    await store.doc.send(
      new PutCommand({
        TableName: store.tableName,
        Item: { pk: `ORG#${org.id}`, sk: 'ORG', type: 'organization', gsi1pk: 'ORGS', gsi1sk: org.id, ...org },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

export async function getOrganization(store: Store, id: string): Promise<Organization | undefined> {
  const result = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk: `ORG#${id}`, sk: 'ORG' } }));
  if (!result.Item) return undefined;
  const { id: orgId, name, parentId, kind } = result.Item as Organization;
  return { id: orgId, name, parentId, kind };
}

export async function listOrganizations(store: Store): Promise<Organization[]> {
  const items = await queryAll<Organization>(store, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :orgs',
    ExpressionAttributeValues: { ':orgs': 'ORGS' },
  });
  return items.map(({ id, name, parentId, kind }) => ({ id, name, parentId, kind }));
}
