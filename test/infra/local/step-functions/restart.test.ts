import { WorkflowTaskClosedError } from '../../../../shared/services/ports';
import { StepFunctionsRunnerClosedError, type AslDefinition } from '../../../../infra/local/step-functions';
import { createHarness, fixture, shutdownAll, until } from './harness';

afterEach(shutdownAll);

const NOTICE_ENDS = '2025-03-10T09:00:00.000Z';

/** Prepare (task) → an hour's Wait (Seconds: relative to entering it) → Finish (task). */
const relativeWait: AslDefinition = {
  StartAt: 'Prepare',
  States: {
    Prepare: { Type: 'Task', Resource: 'arn:aws:lambda:local:000000000000:function:prepare', ResultPath: '$.prepared', Next: 'Hour' },
    Hour: { Type: 'Wait', Seconds: 3600, Next: 'Finish' },
    Finish: { Type: 'Task', Resource: 'arn:aws:lambda:local:000000000000:function:finish', End: true },
  },
};

test('a new runner resumes: waits end at the same instant, callbacks keep their token, tasks ran once', async () => {
  const h = await createHarness(
    { notice: fixture('notice-approval.asl.json'), relative: relativeWait },
    {
      createTask: async () => ({ stored: true }),
      record: async (event) => ({ recorded: (event as { decision: unknown }).decision }),
      prepare: async () => 'ready',
      finish: async (event) => ({ finished: event }),
    },
  );
  const runnerA = h.runner;
  const waiting = await runnerA.startExecution({ stateMachine: 'notice', name: 'waiting', input: { caseId: 'w', noticeEndsAt: NOTICE_ENDS } });
  const asking = await runnerA.startExecution({
    stateMachine: 'notice',
    name: 'asking',
    input: { caseId: 'a', noticeEndsAt: h.clock.now().toISOString() },
  });
  const relative = await runnerA.startExecution({ stateMachine: 'relative', name: 'relative', input: { x: 1 } });
  await runnerA.settled();
  const waitStarted = h.clock.now().getTime();
  expect(h.calls.createTask).toHaveLength(1);
  const token = (h.calls.createTask[0] as { taskToken: string }).taskToken;

  await runnerA.shutdown();
  expect(h.clock.pendingSleepers()).toBe(0);
  for (const { executionArn } of [waiting, asking, relative]) {
    expect((await runnerA.describeExecution(executionArn)).status).toBe('RUNNING');
  }
  await expect(runnerA.startExecution({ stateMachine: 'notice', name: 'late', input: {} })).rejects.toBeInstanceOf(StepFunctionsRunnerClosedError);
  h.clock.advance(30 * 60_000); // the process was down for half an hour

  const runnerB = await h.restart();
  await runnerB.settled();
  expect(h.calls.createTask).toHaveLength(1); // the callback Lambda is not invoked again
  expect(await runnerB.describeExecution(asking.executionArn)).toMatchObject({ status: 'RUNNING', currentState: 'Approve' });

  await runnerB.sendTaskSuccess({ taskToken: token, output: { approved: true } });
  expect(await runnerB.waitForExecution(asking.executionArn)).toMatchObject({ status: 'SUCCEEDED', output: { recorded: { approved: true } } });
  await expect(runnerB.sendTaskSuccess({ taskToken: token, output: {} })).rejects.toBeInstanceOf(WorkflowTaskClosedError);

  // The relative wait ends an hour after it was entered, not an hour after the resume.
  h.clock.set(new Date(waitStarted + 3_600_000 - 1));
  await runnerB.settled();
  expect(h.calls.finish).toBeUndefined();
  h.clock.advance(1);
  expect(await runnerB.waitForExecution(relative.executionArn)).toMatchObject({
    status: 'SUCCEEDED',
    output: { finished: { x: 1, prepared: 'ready' } },
  });

  h.clock.set(NOTICE_ENDS);
  await runnerB.settled();
  expect(await runnerB.describeExecution(waiting.executionArn)).toMatchObject({ status: 'RUNNING', currentState: 'Approve' });
  expect(h.calls.createTask).toHaveLength(2);
  const secondToken = (h.calls.createTask[1] as { taskToken: string }).taskToken;
  await runnerB.sendTaskSuccess({ taskToken: secondToken, output: { approved: false } });
  expect(await runnerB.waitForExecution(waiting.executionArn)).toMatchObject({ status: 'SUCCEEDED' });

  expect(h.calls.prepare).toHaveLength(1);
  expect(h.calls.finish).toHaveLength(1);
  expect(h.calls.record).toHaveLength(2);
  const entered = (await runnerB.history(relative.executionArn)).filter((e) => e.type === 'StateEntered').map((e) => e.stateName);
  expect(entered).toEqual(['Prepare', 'Hour', 'Finish']);
});

test('a task interrupted mid-call runs again after the restart (at-least-once)', async () => {
  let hang = true;
  const machine: AslDefinition = {
    StartAt: 'Call',
    States: { Call: { Type: 'Task', Resource: 'arn:aws:lambda:local:000000000000:function:work', End: true } },
  };
  const h = await createHarness({ m: machine }, { work: async () => (hang ? new Promise(() => {}) : { done: true }) });
  const { executionArn } = await h.runner.startExecution({ stateMachine: 'm', name: 'mid', input: {} });
  await until(() => h.calls.work?.length === 1);
  hang = false;
  const runnerB = await h.restart();
  expect(await runnerB.waitForExecution(executionArn)).toMatchObject({ status: 'SUCCEEDED', output: { done: true } });
  expect(h.calls.work).toHaveLength(2);
});

test('a callback already answered before the restart is not waited for again', async () => {
  const h = await createHarness(
    { notice: fixture('notice-approval.asl.json') },
    { createTask: async () => null, record: async () => ({ ok: true }) },
  );
  const { executionArn } = await h.runner.startExecution({
    stateMachine: 'notice',
    name: 'answered',
    input: { caseId: 'x', noticeEndsAt: h.clock.now().toISOString() },
  });
  await h.runner.settled();
  const token = (h.calls.createTask[0] as { taskToken: string }).taskToken;
  const runnerA = h.runner;
  // The answer lands in the store while the runner is down (no in-process notification).
  await runnerA.shutdown();
  const { TokenRepository } = await import('../../../../infra/local/step-functions/token-repository');
  await new TokenRepository(h.store).complete(token, { status: 'SUCCEEDED', output: { approved: true } }, h.clock.now());
  const runnerB = await h.restart();
  expect(await runnerB.waitForExecution(executionArn)).toMatchObject({ status: 'SUCCEEDED', output: { ok: true } });
  expect(h.calls.createTask).toHaveLength(1);
});
