/**
 * Run by restart-kill.test.ts in a separate process (node --import tsx): starts executions on a
 * shared table and a paused VirtualClock, reports the task token, then idles until killed with -9.
 */
import '../../../../infra/local/polyfills';
import { readFileSync } from 'node:fs';
import { VirtualClock } from '../../../../infra/local/clock';
import { LocalStepFunctions, type AslDefinition } from '../../../../infra/local/step-functions';
import { createStore } from '../../../../shared/store/store';

const { ENDPOINT, TABLE, CLOCK_FILE, NOTICE_ENDS } = process.env as Record<string, string>;
const notice = JSON.parse(readFileSync(new URL('./fixtures/notice-approval.asl.json', import.meta.url), 'utf8')) as AslDefinition;
const clock = new VirtualClock({ stateFile: CLOCK_FILE, start: new Date('2025-03-03T08:00:00.000Z'), rate: 0 });
const tokens: string[] = [];
const runner = new LocalStepFunctions({
  store: createStore({ tableName: TABLE, endpoint: ENDPOINT }),
  clock,
  machines: { notice },
  lambdas: {
    createTask: async (event) => {
      tokens.push((event as { taskToken: string }).taskToken);
      return null;
    },
    record: async () => ({ recorded: true }),
  },
});
await runner.start();
await runner.startExecution({ stateMachine: 'notice', name: 'crash-wait', input: { caseId: 'w', noticeEndsAt: NOTICE_ENDS } });
await runner.startExecution({ stateMachine: 'notice', name: 'crash-ask', input: { caseId: 'a', noticeEndsAt: clock.now().toISOString() } });
await runner.settled();
process.stdout.write(`${JSON.stringify({ ready: true, tokens })}\n`);
setInterval(() => {}, 60_000);
