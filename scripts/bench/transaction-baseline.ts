import { randomUUID } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { createStore, ensureTable } from '../../shared/store/store';
import { summarize, type Summary } from './stats';

export interface TransactionBaselineResult {
  clients: number;
  requests: number;
  /** Per TransactWriteItems of two new items, send → answer (real ms). */
  latencyMs: Summary;
}

/**
 * The objections' yardstick (issue 17, item 5): `clients` concurrent clients, each sending `requestsPerClient`
 * TransactWriteItems in turn, each putting two new items (an objection-sized item and an audit-sized item) on
 * a fresh table of the same DynamoDB Local. No HTTP, no read, no shared item: the least an objection costs.
 */
export async function runTransactionBaseline(options: { endpoint: string; clients: number; requestsPerClient: number }): Promise<TransactionBaselineResult> {
  const store = createStore({ tableName: `bench-${randomUUID()}`, endpoint: options.endpoint });
  await ensureTable(store);
  try {
    const send = async (client: number, request: number) => {
      const id = `${client}-${request}-${randomUUID()}`;
      const begun = performance.now();
      await store.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: store.tableName, Item: { pk: `BASE#${id}`, sk: 'OBJECTION', content: '基准测试异议：请核实该同志的工作表现。'.repeat(2) }, ConditionExpression: 'attribute_not_exists(pk)' } },
            { Put: { TableName: store.tableName, Item: { pk: `BASE#${id}`, sk: 'AUDIT', action: 'notice.objection-filed', at: new Date().toISOString() } } },
          ],
        }),
      );
      return performance.now() - begun;
    };
    await Promise.all(Array.from({ length: Math.min(10, options.clients) }, (_, i) => send(-1, i)));
    const perClient = await Promise.all(
      Array.from({ length: options.clients }, async (_, client) => {
        const times: number[] = [];
        for (let request = 0; request < options.requestsPerClient; request++) times.push(await send(client, request));
        return times;
      }),
    );
    const times = perClient.flat();
    return { clients: options.clients, requests: times.length, latencyMs: summarize(times) };
  } finally {
    store.doc.destroy();
  }
}
