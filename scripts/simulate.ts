// `npm run simulate -- development`: one demo case from application to full membership on a hand-driven clock,
// printed as its timeline (全程纪实). DynamoDB Local runs in memory for the run.
import '../infra/local/polyfills';
import { randomUUID } from 'node:crypto';
import { startDynamoDbLocal } from '../infra/local/dynamodb-local';
import { createStore, ensureTable } from '../shared/store/store';
import { runDevelopmentDemo } from './simulate/development-demo';

const SCENARIOS = { development: runDevelopmentDemo } as const;

async function main(): Promise<void> {
  const name = process.argv[2] ?? 'development';
  const scenario = SCENARIOS[name as keyof typeof SCENARIOS];
  if (!scenario) {
    console.error(`未知的模拟场景：${name}（可用：${Object.keys(SCENARIOS).join('、')}）`);
    process.exit(2);
  }
  const db = await startDynamoDbLocal();
  try {
    const store = createStore({ tableName: `simulate-${randomUUID()}`, endpoint: db.endpoint });
    await ensureTable(store);
    for (const line of await scenario(store)) console.log(line);
    store.doc.destroy();
  } finally {
    await db.stop();
  }
}

await main();
