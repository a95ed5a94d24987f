import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import type { Person } from '../domain/registry/person';
import { queryAll } from './query-all';
import type { Store } from './store';
import type { TransactItem } from './transact';

export type { MembershipStatus, Person } from '../domain/registry/person';

/**
 * People: pk PERSON#<personId>, sk PERSON; an organization's people through gsi2 ORG#<orgId>#person / <name>#<id>.
 * The person id is derived from the ID number (a roster row finds its person without a lookup, and no key carries
 * the ID number itself). A person's changes are audit events in the same partition.
 */
export const personPk = (personId: string) => `PERSON#${personId}`;
const PERSON_SK = 'PERSON';

export function personIdFor(idNumber: string): string {
  return `p-${createHash('sha256').update(idNumber.trim().toUpperCase()).digest('hex').slice(0, 24)}`;
}

function personItem(person: Person): Record<string, unknown> {
  return { pk: personPk(person.id), sk: PERSON_SK, type: 'person', gsi2pk: `ORG#${person.orgId}#person`, gsi2sk: `${person.name}#${person.id}`, ...person };
}

function toPerson(item: Record<string, unknown>): Person {
  const { pk: _pk, sk: _sk, gsi2pk: _g1, gsi2sk: _g2, type: _t, ...person } = item;
  return person as unknown as Person;
}

/** Put of a new person (refused if the id exists). */
export function putNewPerson(store: Store, person: Person): TransactItem {
  return { Put: { TableName: store.tableName, Item: personItem(person), ConditionExpression: 'attribute_not_exists(pk)' } };
}

/** Replaces a person whose stored version is `person.version - 1` (optimistic locking). */
export function replacePerson(store: Store, person: Person): TransactItem {
  return {
    Put: {
      TableName: store.tableName,
      Item: personItem(person),
      ConditionExpression: 'version = :previous',
      ExpressionAttributeValues: { ':previous': person.version - 1 },
    },
  };
}

export async function getPerson(store: Store, id: string): Promise<Person | undefined> {
  const result = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk: personPk(id), sk: PERSON_SK }, ConsistentRead: true }));
  return result.Item ? toPerson(result.Item) : undefined;
}

export async function getPersonByIdNumber(store: Store, idNumber: string): Promise<Person | undefined> {
  return getPerson(store, personIdFor(idNumber));
}

/** An organization's people, by name. */
export async function listPeople(store: Store, orgId: string): Promise<Person[]> {
  const items = await queryAll(store, {
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :key',
    ExpressionAttributeValues: { ':key': `ORG#${orgId}#person` },
  });
  return items.map(toPerson);
}
