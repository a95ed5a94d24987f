import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { Person } from '../domain/registry/person';
import { idNumberIndexKeys, personPk, sameIdNumber } from './people-repo';
import type { Store } from './store';

/**
 * Many people by id, or by ID number, in BatchGetItem calls of 100 keys (a 5,000-row roster: 50 calls instead of
 * 5,000 GetItems; by ID number twice that: the index items, then the people), strongly consistent, unprocessed keys
 * retried with a short backoff. The keys (sk PERSON, the ID-number index) and the item's extra attributes follow
 * people-repo.ts.
 */
const PERSON_SK = 'PERSON';
const BATCH = 100;
const KEY_ATTRIBUTES = ['pk', 'sk', 'type', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'];

type Key = { pk: string; sk: string };

function toPerson(item: Record<string, unknown>): Person {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !KEY_ATTRIBUTES.includes(name))) as unknown as Person;
}

/** The items stored under `keys` (those that exist), read `concurrency` batches at a time. */
async function batchGet(store: Store, keys: readonly Key[], concurrency: number): Promise<Record<string, unknown>[]> {
  const batches: Key[][] = [];
  for (let i = 0; i < keys.length; i += BATCH) batches.push(keys.slice(i, i + BATCH));
  const found: Record<string, unknown>[] = [];
  const readBatch = async (batch: Key[]) => {
    let pending: Record<string, unknown>[] = batch;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));
      if (attempt > 8) throw new Error(`BatchGetItem left ${pending.length} keys unprocessed after ${attempt} attempts`);
      const result = await store.doc.send(new BatchGetCommand({ RequestItems: { [store.tableName]: { Keys: pending, ConsistentRead: true } } }));
      found.push(...(result.Responses?.[store.tableName] ?? []));
      pending = (result.UnprocessedKeys?.[store.tableName]?.Keys ?? []) as Record<string, unknown>[];
    }
  };
  let next = 0;
  const worker = async () => {
    while (next < batches.length) await readBatch(batches[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, worker));
  return found;
}

export async function getPeopleByIds(store: Store, ids: readonly string[], concurrency = 4): Promise<Map<string, Person>> {
  const keys = [...new Set(ids)].map((id) => ({ pk: personPk(id), sk: PERSON_SK }));
  const found = new Map<string, Person>();
  for (const item of await batchGet(store, keys, concurrency)) {
    const person = toPerson(item);
    found.set(person.id, person);
  }
  return found;
}

/**
 * The people ID numbers are registered to, by the ID number as given (the registered ones only): the index
 * items, then the people they name.
 */
export async function getPeopleByIdNumbers(store: Store, idNumbers: readonly string[], concurrency = 4): Promise<Map<string, Person>> {
  // Numbers spelled differently may share an index item (a key once per batch): pk → the numbers as given.
  const idNumbersOfPk = new Map<string, string[]>();
  const keys = new Map<string, { pk: string; sk: string }>();
  for (const [idNumber, key] of idNumberIndexKeys([...new Set(idNumbers)])) {
    idNumbersOfPk.set(key.pk, [...(idNumbersOfPk.get(key.pk) ?? []), idNumber]);
    keys.set(key.pk, key);
  }
  const personIdOf = new Map<string, string>();
  for (const item of await batchGet(store, [...keys.values()], concurrency)) {
    if (typeof item.personId !== 'string') continue;
    for (const idNumber of idNumbersOfPk.get(String(item.pk)) ?? []) personIdOf.set(idNumber, item.personId);
  }
  const people = await getPeopleByIds(store, [...personIdOf.values()], concurrency);
  const found = new Map<string, Person>();
  for (const [idNumber, personId] of personIdOf) {
    const person = people.get(personId);
    // Between the two reads the number may have moved to another record: then the index answered for an older state.
    if (person && sameIdNumber(person.idNumber, idNumber)) found.set(idNumber, person);
  }
  return found;
}
