import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { Person } from '../domain/registry/person';
import { personPk } from './people-repo';
import type { Store } from './store';

/**
 * Many people by id in BatchGetItem calls of 100 keys (a 5,000-row roster: 50 calls instead of 5,000 GetItems),
 * strongly consistent, unprocessed keys retried with a short backoff. The key (sk PERSON) and the item's extra
 * attributes follow people-repo.ts; this could move there as `getPeople`.
 */
const PERSON_SK = 'PERSON';
const BATCH = 100;
const KEY_ATTRIBUTES = ['pk', 'sk', 'type', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'];

function toPerson(item: Record<string, unknown>): Person {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !KEY_ATTRIBUTES.includes(name))) as unknown as Person;
}

export async function getPeopleByIds(store: Store, ids: readonly string[], concurrency = 4): Promise<Map<string, Person>> {
  const unique = [...new Set(ids)];
  const batches: string[][] = [];
  for (let i = 0; i < unique.length; i += BATCH) batches.push(unique.slice(i, i + BATCH));
  const found = new Map<string, Person>();
  const readBatch = async (batch: string[]) => {
    let keys: Record<string, unknown>[] = batch.map((id) => ({ pk: personPk(id), sk: PERSON_SK }));
    for (let attempt = 0; keys.length > 0; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));
      if (attempt > 8) throw new Error(`BatchGetItem left ${keys.length} keys unprocessed after ${attempt} attempts`);
      const result = await store.doc.send(new BatchGetCommand({ RequestItems: { [store.tableName]: { Keys: keys, ConsistentRead: true } } }));
      for (const item of result.Responses?.[store.tableName] ?? []) {
        const person = toPerson(item);
        found.set(person.id, person);
      }
      keys = (result.UnprocessedKeys?.[store.tableName]?.Keys ?? []) as Record<string, unknown>[];
    }
  };
  let next = 0;
  const worker = async () => {
    while (next < batches.length) await readBatch(batches[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, worker));
  return found;
}
