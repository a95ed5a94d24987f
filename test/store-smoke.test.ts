import { PutCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { createTestStore } from './support/store';

test('smoke', async () => {
  const store = await createTestStore();
  await store.doc.send(new PutCommand({ TableName: store.tableName, Item: { pk: 'a', sk: 'b', v: 1 } }));
  const r = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk: 'a', sk: 'b' } }));
  expect(r.Item?.v).toBe(1);
  expect(typeof Promise.withResolvers).toBe('function');
});
