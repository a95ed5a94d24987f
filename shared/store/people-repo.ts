import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createHash, randomBytes } from 'node:crypto';
import { normalizeIdNumber } from '../domain/registry/id-number';
import { normalizePersonName } from '../domain/registry/people-query';
import { onRoster, type MembershipStatus, type Person } from '../domain/registry/person';
import { queryAll } from './query-all';
import type { Store } from './store';
import type { TransactItem } from './transact';
import { fromItem } from './item';

export type { MembershipStatus, Person } from '../domain/registry/person';

/**
 * People: pk PERSON#<personId>, sk PERSON; an organization's people through gsi2 ORG#<orgId>#person / <name>#<id>.
 * A person's changes are audit events in the same partition.
 *
 * The person id is random and says nothing about the person. It appears in staff URLs, JSON and audit events,
 * and ID numbers are few enough (region × birth date × sequence ≈ 10^11) that anything computed from the number
 * alone, a hash included, gives the number back by trying them all. One ID number is still one person: the
 * ID-number index item (pk IDNUMBER#<sha256 of the normalized number>, sk IDNUMBER, attribute personId) is
 * written and removed in the same transactions as the person, conditionally, so a second person with the same
 * number is refused. That item is internal: its key never leaves the store (no URL, page, JSON, log or audit event).
 */
export const personPk = (personId: string) => `PERSON#${personId}`;
const PERSON_SK = 'PERSON';
const ID_NUMBER_SK = 'IDNUMBER';

/** A new, random person id: `p-` and 16 random bytes (base64url). */
export function newPersonId(): string {
  return `p-${randomBytes(16).toString('base64url')}`;
}

/** The ID number as the index compares it (spaces, full-width digits, lower-case x). */
const normalized = (idNumber: string) => normalizeIdNumber(idNumber).toUpperCase();

/** Whether two ID numbers are the same once normalized (as the index compares them). */
export function sameIdNumber(a: string, b: string): boolean {
  return normalized(a) === normalized(b);
}

/** The key of the ID-number index item. Internal to the store: never shown, returned or logged. */
function idNumberKey(idNumber: string): { pk: string; sk: string } {
  return { pk: `IDNUMBER#${createHash('sha256').update(normalized(idNumber)).digest('hex')}`, sk: ID_NUMBER_SK };
}

/** The index keys of ID numbers, for batch reads (people-batch.ts). */
export function idNumberIndexKeys(idNumbers: readonly string[]): Map<string, { pk: string; sk: string }> {
  return new Map(idNumbers.map((idNumber) => [idNumber, idNumberKey(idNumber)]));
}

/**
 * An organization's roster (gsi2 `ORG#<orgId>#person`), or, for a member transferred out of the system, its list of
 * those who left (`ORG#<orgId>#person-left`): off every roster, count and vote at once (docs/domain/transfer.md T6b).
 */
const rosterKey = (orgId: string) => `ORG#${orgId}#person`;
const leftKey = (orgId: string) => `ORG#${orgId}#person-left`;

/**
 * The name index (人员查找 by exact full name): gsi1 `PERSONNAME#<normalized name>` / `<personId>`, on the person item
 * itself, so that every write of a person (this builder) keeps it. People stored before it are given theirs once
 * (`people-name-index.ts`).
 */
export const personNameKey = (name: string) => `PERSONNAME#${normalizePersonName(name)}`;

/** The index keys of a person item: its roster (gsi2) and its name (gsi1). */
export function personIndexKeys(person: Person): Record<'gsi1pk' | 'gsi1sk' | 'gsi2pk' | 'gsi2sk', string> {
  const gsi2pk = onRoster(person) ? rosterKey(person.orgId) : leftKey(person.orgId);
  return { gsi1pk: personNameKey(person.name), gsi1sk: person.id, gsi2pk, gsi2sk: `${person.name}#${person.id}` };
}

function personItem(person: Person): Record<string, unknown> {
  return { pk: personPk(person.id), sk: PERSON_SK, type: 'person', ...personIndexKeys(person), ...person };
}

function toPerson(item: Record<string, unknown>): Person {
  return fromItem<Person>(item);
}

/** Put of a new person (refused if the id exists). Alone it does not register the ID number: see `putNewPersonItems`. */
export function putNewPerson(store: Store, person: Person): TransactItem {
  return { Put: { TableName: store.tableName, Item: personItem(person), ConditionExpression: 'attribute_not_exists(pk)' } };
}

/** Registers `idNumber` as `personId`'s; refused (condition failed) when the number is registered already. */
export function putIdNumberIndex(store: Store, idNumber: string, personId: string): TransactItem {
  return { Put: { TableName: store.tableName, Item: { ...idNumberKey(idNumber), type: 'idnumber-index', personId }, ConditionExpression: 'attribute_not_exists(pk)' } };
}

/** Removes `personId`'s registration of `idNumber` (refused when the number is not registered to that person). */
export function deleteIdNumberIndex(store: Store, idNumber: string, personId: string): TransactItem {
  return {
    Delete: {
      TableName: store.tableName,
      Key: idNumberKey(idNumber),
      ConditionExpression: 'personId = :personId',
      ExpressionAttributeValues: { ':personId': personId },
    },
  };
}

/**
 * The writes of a new person, for one transaction with its audit event: the person (refused if the id exists),
 * then its ID-number index item (refused if the number is registered: a duplicate). Index 1 is the duplicate.
 */
export function putNewPersonItems(store: Store, person: Person): [TransactItem, TransactItem] {
  return [putNewPerson(store, person), putIdNumberIndex(store, person.idNumber, person.id)];
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

/**
 * The writes of a change to a stored person (`next.version` = stored version + 1): the replacement, and when the
 * ID number changes, the old number's index item removed and the new one's put (refused if it is registered).
 * Items: [replace] or [replace, delete old index, put new index]; index 2 failing is a duplicate number.
 */
export function changePersonItems(store: Store, before: Person, next: Person): TransactItem[] {
  const replace = replacePerson(store, next);
  if (sameIdNumber(before.idNumber, next.idNumber)) return [replace];
  return [replace, deleteIdNumberIndex(store, before.idNumber, before.id), putIdNumberIndex(store, next.idNumber, next.id)];
}

export async function getPerson(store: Store, id: string): Promise<Person | undefined> {
  const result = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk: personPk(id), sk: PERSON_SK }, ConsistentRead: true }));
  return result.Item ? toPerson(result.Item) : undefined;
}

/** The person an ID number is registered to: the index item, then the person (both strongly consistent). */
export async function getPersonByIdNumber(store: Store, idNumber: string): Promise<Person | undefined> {
  const index = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: idNumberKey(idNumber), ConsistentRead: true }));
  const personId = index.Item?.personId;
  if (typeof personId !== 'string') return undefined;
  const person = await getPerson(store, personId);
  // Between the two reads the number may have moved to another record: then the index answered for an older state.
  return person && sameIdNumber(person.idNumber, idNumber) ? person : undefined;
}

/** The query of an organization's roster (gsi2), for pages across organizations (org-pages.ts). */
export function rosterRange(orgId: string, list: 'roster' | 'left') {
  const key = list === 'roster' ? rosterKey(orgId) : leftKey(orgId);
  return {
    query: { IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :key', ExpressionAttributeValues: { ':key': key } },
    partition: { attribute: 'gsi2pk', value: key },
  };
}

/** The key attributes of a roster entry, as the pages' cursor keeps them. */
export const ROSTER_KEY_ATTRIBUTES = ['pk', 'sk', 'gsi2pk', 'gsi2sk'] as const;

export const personFromItem = (item: Record<string, unknown>): Person => toPerson(item);

/**
 * The people named `name` (exact, once normalized) that `keep` accepts (the actor's scope), in id order, at most
 * `limit`; `more` tells that others were left off. Reads the name's index entries (gsi1) a page at a time.
 */
export async function findPeopleByName(store: Store, name: string, options: { limit: number; keep: (person: Person) => boolean }): Promise<{ people: Person[]; more: boolean }> {
  const people: Person[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await store.doc.send(new QueryCommand({
      TableName: store.tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :name', ExpressionAttributeValues: { ':name': personNameKey(name) },
      Limit: 100, ExclusiveStartKey,
    }));
    people.push(...(page.Items ?? []).map(toPerson).filter(options.keep));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey && people.length <= options.limit);
  return { people: people.slice(0, options.limit), more: people.length > options.limit };
}

/** An organization's people (its roster), by name. */
export async function listPeople(store: Store, orgId: string): Promise<Person[]> {
  const items = await queryAll(store, { IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :key', ExpressionAttributeValues: { ':key': rosterKey(orgId) } });
  return items.map(toPerson);
}

/** A person as a picker lists them. */
export type PersonBrief = Pick<Person, 'id' | 'name' | 'orgId' | 'status'>;

/**
 * The people of an organization's roster not in `excluded` statuses, with only what a picker shows: the store still
 * reads (and counts) every roster item, but sends and decodes only the few attributes of those kept.
 */
export async function listPeopleBrief(store: Store, orgId: string, excluded: readonly [MembershipStatus, ...MembershipStatus[]]): Promise<PersonBrief[]> {
  const items = await queryAll(store, {
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :key',
    FilterExpression: `NOT (#status IN (${excluded.map((_, k) => `:x${k}`).join(', ')}))`,
    ProjectionExpression: 'id, #name, orgId, #status',
    ExpressionAttributeNames: { '#status': 'status', '#name': 'name' },
    ExpressionAttributeValues: { ':key': rosterKey(orgId), ...Object.fromEntries(excluded.map((status, k) => [`:x${k}`, status])) },
  });
  return items as PersonBrief[];
}

/** The members who left an organization for one outside the system (off its roster, records kept), by name. */
export async function listPeopleLeft(store: Store, orgId: string): Promise<Person[]> {
  const items = await queryAll(store, { IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :key', ExpressionAttributeValues: { ':key': leftKey(orgId) } });
  return items.map(toPerson);
}
