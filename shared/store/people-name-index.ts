import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { personNameKey, personPk, rosterRange } from './people-repo';
import { queryAll } from './query-all';
import type { Store } from './store';

/**
 * The name index of people stored before it (docs/domain/organizations-and-people.md §2a): every person item written
 * since carries gsi1 `PERSONNAME#<name>` / `<id>` (people-repo.ts `personIndexKeys`); older ones are given it once,
 * behind the marker `PEOPLEINDEX` / `BACKFILL#name` (attributes `at`, `entries`).
 */
const MARKER = { pk: 'PEOPLEINDEX', sk: 'BACKFILL#name' };

export async function nameIndexBackfillDone(store: Store): Promise<boolean> {
  const result = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: MARKER, ConsistentRead: true }));
  return result.Item !== undefined;
}

export async function markNameIndexBackfillDone(store: Store, at: string, entries: number): Promise<void> {
  await store.doc.send(new PutCommand({ TableName: store.tableName, Item: { ...MARKER, type: 'people-index-backfill', at, entries } }));
}

/** The people of an organization (roster and those who left) without a name index entry: ids and names only. */
export async function peopleWithoutNameIndex(store: Store, orgId: string): Promise<{ id: string; name: string }[]> {
  const lists = await Promise.all((['roster', 'left'] as const).map((list) => queryAll<{ id: string; name: string }>(store, {
    ...rosterRange(orgId, list).query,
    FilterExpression: 'attribute_not_exists(gsi1pk)',
    ProjectionExpression: 'id, #name',
    ExpressionAttributeNames: { '#name': 'name' },
  })));
  return lists.flat();
}

/**
 * Gives a stored person its name index entry, only while it has none and still bears that name (a write since
 * has set it already). Answers whether it was written.
 */
export async function indexPersonName(store: Store, person: { id: string; name: string }): Promise<boolean> {
  try {
    await store.doc.send(new UpdateCommand({
      TableName: store.tableName,
      Key: { pk: personPk(person.id), sk: 'PERSON' },
      UpdateExpression: 'SET gsi1pk = :key, gsi1sk = :id',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(gsi1pk) AND #name = :name',
      ExpressionAttributeNames: { '#name': 'name' },
      ExpressionAttributeValues: { ':key': personNameKey(person.name), ':id': person.id, ':name': person.name },
    }));
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}
