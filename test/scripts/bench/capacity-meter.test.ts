import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { meterStore } from '../../../scripts/bench/capacity-meter';
import type { Store } from '../../../shared/store/store';
import { createTestStore } from '../../support/store';

let store: Store;
beforeAll(async () => {
  store = await createTestStore();
});

const small = (pk: string, indexed: boolean) => ({ pk, sk: 'X', ...(indexed ? { gsi1pk: 'I', gsi1sk: pk, gsi2pk: 'J', gsi2sk: pk } : {}), data: 'd' });

test.each([
  // [what, write, expected write units]: AWS on-demand prices, 1 KB items.
  ['a plain put, no index', () => new PutCommand({ TableName: store.tableName, Item: small('a', false) }), 1],
  ['a plain put into both indexes', () => new PutCommand({ TableName: store.tableName, Item: small('b', true) }), 3],
  ['a transaction of one put, no index', () => new TransactWriteCommand({ TransactItems: [{ Put: { TableName: store.tableName, Item: small('c', false) } }] }), 2],
  ['a transaction of two puts, one in both indexes', () => new TransactWriteCommand({
    TransactItems: [{ Put: { TableName: store.tableName, Item: small('d', false) } }, { Put: { TableName: store.tableName, Item: small('e', true) } }],
  }), 6],
])('%s costs the write units AWS bills', async (_what, command, expected) => {
  const meter = meterStore(store);
  const write = command();
  await (write instanceof PutCommand ? store.doc.send(write) : store.doc.send(write));
  expect(meter).toMatchObject({ requests: 1, writeUnits: expected, readUnits: 0 });
});

test('reads count read units; reset zeroes the totals', async () => {
  const meter = meterStore(store);
  await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk: 'a', sk: 'X' }, ConsistentRead: true }));
  await store.doc.send(new QueryCommand({ TableName: store.tableName, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': 'a' } }));
  expect(meter).toMatchObject({ requests: 2, readUnits: 1.5, writeUnits: 0 });
  meter.reset();
  expect(meter).toMatchObject({ requests: 0, readUnits: 0, writeUnits: 0 });
});
