import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { queryAll } from './query-all';
import type { Store } from './store';

export type MembershipStatus = 'applicant' | 'activist' | 'development-target' | 'probationary' | 'full';

/** A person (minimal until the registry issue): pk PERSON#<id>, sk PERSON; an organization's people via gsi2 ORG#<orgId>#person. */
export interface Person {
  id: string;
  orgId: string;
  name: string;
  gender: '男' | '女';
  /** YYYY-MM-DD */
  birthDate: string;
  idNumber: string;
  education: string;
  unitPost: string;
  phone: string;
  email?: string;
  address?: string;
  status: MembershipStatus;
  applicationDate?: string;
}

/** Adds a person; returns false when they already exist (nothing changes). */
export async function putPerson(store: Store, person: Person): Promise<boolean> {
  try {
    await store.doc.send(
      new PutCommand({
        TableName: store.tableName,
        Item: { pk: `PERSON#${person.id}`, sk: 'PERSON', type: 'person', gsi2pk: `ORG#${person.orgId}#person`, gsi2sk: person.id, ...person },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

function toPerson(item: Record<string, unknown>): Person {
  const { pk: _pk, sk: _sk, gsi2pk: _g1, gsi2sk: _g2, type: _t, ...person } = item;
  return person as unknown as Person;
}

export async function getPerson(store: Store, id: string): Promise<Person | undefined> {
  const result = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk: `PERSON#${id}`, sk: 'PERSON' } }));
  return result.Item ? toPerson(result.Item) : undefined;
}

export async function listPeople(store: Store, orgId: string): Promise<Person[]> {
  const items = await queryAll(store, {
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :key',
    ExpressionAttributeValues: { ':key': `ORG#${orgId}#person` },
  });
  return items.map(toPerson);
}
