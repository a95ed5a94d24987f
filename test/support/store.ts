import { randomUUID } from 'node:crypto';
import { createStore, ensureTable, type Store } from '../../shared/store/store';

/** A fresh table on the run's DynamoDB Local, one per call. */
export async function createTestStore(): Promise<Store> {
  const endpoint = process.env.TEST_DYNAMODB_ENDPOINT;
  if (!endpoint) throw new Error('TEST_DYNAMODB_ENDPOINT is not set: run tests through jest (global setup starts DynamoDB Local)');
  const store = createStore({ tableName: `test-${randomUUID()}`, endpoint });
  await ensureTable(store);
  return store;
}
