// `npm run simulate -- development`: one demo case from application to full membership, its timeline printed.
import '../infra/local/polyfills';
import { startDynamoDbLocal, type DynamoDbLocal } from '../infra/local/dynamodb-local';
import { simulateDevelopment } from './simulate/simulate-development';

const PROCESSES = ['development'] as const;

async function main(process_: string | undefined): Promise<void> {
  if (!PROCESSES.includes(process_ as (typeof PROCESSES)[number])) {
    console.error(`usage: npm run simulate -- <process>   (process: ${PROCESSES.join(', ')})`);
    process.exitCode = 2;
    return;
  }
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  let db: DynamoDbLocal | undefined;
  try {
    db = await startDynamoDbLocal();
    const { timeline, mails } = await simulateDevelopment(db.endpoint);
    console.log(timeline.join('\n'));
    console.log(`\n发出的邮件 ${mails.length} 封（审批、备案、提醒）。`);
  } finally {
    await db?.stop();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error('simulate failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
