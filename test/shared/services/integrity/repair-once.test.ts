import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { repairGuardsOnce } from '../../../../shared/services/integrity/one-at-a-time';
import { createTestStore } from '../../../support/store';

test('the guards are repaired at a data folder\'s first start; later starts read one item, not the table', async () => {
  const store = await createTestStore();
  const sent: string[] = [];
  store.doc.middlewareStack.add((next, context) => async (args) => {
    sent.push(String(context.commandName));
    return next(args);
  }, { step: 'initialize', name: 'countRequests' });

  expect(await repairGuardsOnce(store, new Date('2026-12-05T01:00:00.000Z'))).toEqual({ added: 0, released: 0 });
  expect(sent).toContain('ScanCommand');
  const marker = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk: 'INTEGRITY', sk: 'GUARDS' } }));
  expect(marker.Item).toMatchObject({ at: '2026-12-05T01:00:00.000Z', added: 0, released: 0 });

  sent.length = 0;
  expect(await repairGuardsOnce(store, new Date('2026-12-06T01:00:00.000Z'))).toBeUndefined();
  expect(sent).toEqual(['GetItemCommand']);
});
