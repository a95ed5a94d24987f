import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VirtualClock } from '../../../../infra/local/clock';
import { executionArn, LocalStepFunctions } from '../../../../infra/local/step-functions';
import { createTestStore } from '../../../support/store';
import { fixture } from './harness';

const NOTICE_ENDS = '2025-03-10T09:00:00.000Z';

/** Runs crash-process.ts until it reports, then kills it with SIGKILL (no shutdown, no cleanup). */
async function runAndKill(env: Record<string, string>): Promise<{ tokens: string[] }> {
  const script = fileURLToPath(new URL('./crash-process.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: fileURLToPath(new URL('../../../../', import.meta.url)),
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const report = await new Promise<{ tokens: string[] }>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line));
    });
    child.once('exit', (code) => reject(new Error(`crash process exited early (${code}): ${stderr}`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  return report;
}

test('after kill -9, a new process resumes from the store and the clock state file', async () => {
  const store = await createTestStore();
  const clockFile = join(mkdtempSync(join(tmpdir(), 'sfn-kill-')), 'clock.json');
  const { tokens } = await runAndKill({
    ENDPOINT: process.env.TEST_DYNAMODB_ENDPOINT!,
    TABLE: store.tableName,
    CLOCK_FILE: clockFile,
    NOTICE_ENDS,
  });
  expect(tokens).toHaveLength(1);

  const clock = new VirtualClock({ stateFile: clockFile });
  expect(clock.now().toISOString()).toBe('2025-03-03T08:00:00.000Z'); // paused virtual time survived
  const created: unknown[] = [];
  const runner = new LocalStepFunctions({
    store,
    clock,
    machines: { notice: fixture('notice-approval.asl.json') },
    lambdas: {
      createTask: async (event) => void created.push(event),
      record: async (event) => ({ recorded: (event as { decision: unknown }).decision }),
    },
  });
  try {
    await runner.start();
    await runner.settled();
    const asking = executionArn('notice', 'crash-ask');
    const waiting = executionArn('notice', 'crash-wait');
    expect(await runner.describeExecution(asking)).toMatchObject({ status: 'RUNNING', currentState: 'Approve' });
    expect(await runner.describeExecution(waiting)).toMatchObject({ status: 'RUNNING', currentState: 'NoticePeriod' });
    expect(created).toHaveLength(0);

    await runner.sendTaskSuccess({ taskToken: tokens[0], output: { approved: true } });
    expect(await runner.waitForExecution(asking)).toMatchObject({ status: 'SUCCEEDED', output: { recorded: { approved: true } } });

    clock.jumpTo(new Date(NOTICE_ENDS));
    await runner.settled();
    expect(await runner.describeExecution(waiting)).toMatchObject({ status: 'RUNNING', currentState: 'Approve' });
    expect(created).toHaveLength(1);
  } finally {
    await runner.shutdown();
  }
});
