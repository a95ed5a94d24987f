// `npm run simulate -- development|election`: one demo case from application to full membership, or one demo
// 公推直选 election from the request to the approved results; its timeline and the mails sent printed.
import '../infra/local/polyfills';
import { startDynamoDbLocal, type DynamoDbLocal } from '../infra/local/dynamodb-local';
import { simulateDevelopment } from './simulate/simulate-development';
import { simulateElection } from './simulate/simulate-election';

const SIMULATIONS = { development: simulateDevelopment, election: simulateElection } as const;
const PROCESSES = Object.keys(SIMULATIONS) as (keyof typeof SIMULATIONS)[];

/** Mail subjects in the order first sent, with how many times each was sent. */
function mailCounts(subjects: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const subject of subjects) counts.set(subject, (counts.get(subject) ?? 0) + 1);
  return counts;
}

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
    const { timeline, mails } = await SIMULATIONS[process_ as keyof typeof SIMULATIONS](db.endpoint);
    console.log(timeline.join('\n'));
    console.log(`\n发出的邮件 ${mails.length} 封：`);
    for (const [subject, count] of mailCounts(mails)) console.log(`  ${subject}${count > 1 ? ` ×${count}` : ''}`);
  } finally {
    await db?.stop();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error('simulate failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
