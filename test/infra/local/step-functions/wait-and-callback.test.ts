import { WorkflowTaskClosedError } from '../../../../shared/services/ports';
import { createHarness, fixture, shutdownAll, type Harness } from './harness';

afterEach(shutdownAll);

const NOTICE_ENDS = '2025-03-10T09:00:00.000Z';

async function noticeHarness(): Promise<Harness> {
  return createHarness(
    { notice: fixture('notice-approval.asl.json') },
    {
      createTask: async () => ({ stored: true }),
      record: async (event) => ({ recorded: (event as { decision: unknown }).decision }),
    },
  );
}

function tokenOf(h: Harness, index = 0): string {
  return (h.calls.createTask[index] as { taskToken: string }).taskToken;
}

/** Starts a notice execution and brings it to the callback task. */
async function atApproval(h: Harness, name: string): Promise<string> {
  const { executionArn } = await h.runner.startExecution({ stateMachine: 'notice', name, input: { caseId: name, noticeEndsAt: NOTICE_ENDS } });
  await h.runner.settled();
  h.clock.set(NOTICE_ENDS);
  await h.runner.settled();
  return executionArn;
}

test('Wait with TimestampPath: nothing happens before the instant, the next state runs after it', async () => {
  const h = await noticeHarness();
  const { executionArn } = await h.runner.startExecution({ stateMachine: 'notice', name: 'w', input: { caseId: 'w', noticeEndsAt: NOTICE_ENDS } });
  await h.runner.settled();
  expect(await h.runner.describeExecution(executionArn)).toMatchObject({ status: 'RUNNING', currentState: 'NoticePeriod' });
  expect(h.clock.pendingSleepers()).toBe(1);
  h.clock.set('2025-03-10T08:59:59.999Z');
  await h.runner.settled();
  expect(h.calls.createTask).toBeUndefined();
  h.clock.advance(1);
  await h.runner.settled();
  expect(h.calls.createTask).toHaveLength(1);
  expect(await h.runner.describeExecution(executionArn)).toMatchObject({ status: 'RUNNING', currentState: 'Approve' });
  const entered = (await h.runner.history(executionArn)).find((e) => e.type === 'StateEntered' && e.stateName === 'Approve');
  expect(entered?.timestamp.toISOString()).toBe(NOTICE_ENDS);
});

test('callback task: the Lambda gets the token; sendTaskSuccess continues with its output', async () => {
  const h = await noticeHarness();
  const executionArn = await atApproval(h, 'c1');
  expect(h.calls.createTask).toEqual([{ taskToken: expect.any(String), caseId: 'c1', step: 'approve' }]);
  await h.runner.settled();
  expect(h.calls.record).toBeUndefined();
  await h.runner.sendTaskSuccess({ taskToken: tokenOf(h), output: { approved: true, by: 'secretary' } });
  const done = await h.runner.waitForExecution(executionArn);
  expect(done).toMatchObject({ status: 'SUCCEEDED', output: { recorded: { approved: true, by: 'secretary' } } });
  expect(h.calls.createTask).toHaveLength(1);
  expect(h.calls.record).toHaveLength(1);
});

test('a second sendTaskSuccess on the same token is WorkflowTaskClosedError, as is an unknown token', async () => {
  const h = await noticeHarness();
  const executionArn = await atApproval(h, 'c2');
  await h.runner.sendTaskSuccess({ taskToken: tokenOf(h), output: { approved: true } });
  await expect(h.runner.sendTaskSuccess({ taskToken: tokenOf(h), output: { approved: false } })).rejects.toBeInstanceOf(WorkflowTaskClosedError);
  await expect(h.runner.sendTaskFailure({ taskToken: tokenOf(h), error: 'X', cause: 'y' })).rejects.toBeInstanceOf(WorkflowTaskClosedError);
  await expect(h.runner.sendTaskSuccess({ taskToken: 'not-a-token', output: {} })).rejects.toBeInstanceOf(WorkflowTaskClosedError);
  expect((await h.runner.waitForExecution(executionArn)).output).toEqual({ recorded: { approved: true } });
});

test('two concurrent sendTaskSuccess on one token: exactly one succeeds', async () => {
  const h = await noticeHarness();
  const executionArn = await atApproval(h, 'c3');
  const results = await Promise.allSettled(
    ['first', 'second', 'third'].map((by) => h.runner.sendTaskSuccess({ taskToken: tokenOf(h), output: { approved: true, by } })),
  );
  const fulfilled = results.filter((r) => r.status === 'fulfilled');
  const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  expect(fulfilled).toHaveLength(1);
  expect(rejected.map((r) => r.reason)).toEqual([expect.any(WorkflowTaskClosedError), expect.any(WorkflowTaskClosedError)]);
  const done = await h.runner.waitForExecution(executionArn);
  expect(done.status).toBe('SUCCEEDED');
  expect(h.calls.record).toHaveLength(1);
});

test('sendTaskFailure fails the task with its error and cause, for Catch to route', async () => {
  const h = await noticeHarness();
  const executionArn = await atApproval(h, 'c4');
  await h.runner.sendTaskFailure({ taskToken: tokenOf(h), error: 'Decision.Rejected', cause: 'incomplete file' });
  expect(await h.runner.waitForExecution(executionArn)).toMatchObject({ status: 'SUCCEEDED', output: { rejected: true, why: 'incomplete file' } });
  expect(h.calls.record).toBeUndefined();
});

test('stopExecution during a wait: ABORTED, the following task never runs, stopping again changes nothing', async () => {
  const h = await noticeHarness();
  const { executionArn } = await h.runner.startExecution({ stateMachine: 'notice', name: 's', input: { caseId: 's', noticeEndsAt: NOTICE_ENDS } });
  await h.runner.settled();
  await h.runner.stopExecution({ executionArn, cause: 'withdrawn' });
  const stopped = await h.runner.waitForExecution(executionArn);
  expect(stopped).toMatchObject({ status: 'ABORTED', cause: 'withdrawn' });
  expect(h.clock.pendingSleepers()).toBe(0);
  h.clock.set('2025-04-01T00:00:00.000Z');
  await h.runner.settled();
  expect(h.calls.createTask).toBeUndefined();
  await h.runner.stopExecution({ executionArn, cause: 'again' });
  expect(await h.runner.describeExecution(executionArn)).toMatchObject({ status: 'ABORTED', cause: 'withdrawn' });
  expect((await h.runner.history(executionArn)).at(-1)).toMatchObject({ type: 'ExecutionAborted', stateName: 'NoticePeriod', cause: 'withdrawn' });
});

test('stopExecution during a callback closes its token; stopping a finished execution changes nothing', async () => {
  const h = await noticeHarness();
  const executionArn = await atApproval(h, 'c5');
  await h.runner.stopExecution({ executionArn, cause: 'cancelled' });
  await expect(h.runner.sendTaskSuccess({ taskToken: tokenOf(h), output: {} })).rejects.toBeInstanceOf(WorkflowTaskClosedError);
  expect(await h.runner.describeExecution(executionArn)).toMatchObject({ status: 'ABORTED' });

  const other = await atApproval(h, 'c6');
  await h.runner.sendTaskSuccess({ taskToken: tokenOf(h, 1), output: { ok: 1 } });
  await h.runner.waitForExecution(other);
  await h.runner.stopExecution({ executionArn: other, cause: 'too late' });
  expect(await h.runner.describeExecution(other)).toMatchObject({ status: 'SUCCEEDED', output: { recorded: { ok: 1 } } });
});

test('Callback TimeoutSeconds on the clock fails the task with States.Timeout and closes the token', async () => {
  const machine = {
    StartAt: 'Ask',
    States: {
      Ask: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        Parameters: { FunctionName: 'ask', Payload: { 'token.$': '$$.Task.Token' } },
        TimeoutSeconds: 3600,
        End: true,
      },
    },
  };
  const h = await createHarness({ m: machine }, { ask: async () => null });
  const { executionArn } = await h.runner.startExecution({ stateMachine: 'm', name: 'to', input: {} });
  await h.runner.settled();
  h.clock.advance(3_600_000);
  expect(await h.runner.waitForExecution(executionArn)).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
  const token = (h.calls.ask[0] as { token: string }).token;
  await expect(h.runner.sendTaskSuccess({ taskToken: token, output: {} })).rejects.toBeInstanceOf(WorkflowTaskClosedError);
});

test('a retried callback task issues a new token; the failed one stays closed', async () => {
  const machine = {
    StartAt: 'Ask',
    States: {
      Ask: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        Parameters: { FunctionName: 'ask', Payload: { 'token.$': '$$.Task.Token' } },
        Retry: [{ ErrorEquals: ['Decision.Again'], IntervalSeconds: 10, MaxAttempts: 1 }],
        End: true,
      },
    },
  };
  const h = await createHarness({ m: machine }, { ask: async () => null });
  const { executionArn } = await h.runner.startExecution({ stateMachine: 'm', name: 'retry', input: {} });
  await h.runner.settled();
  const first = (h.calls.ask[0] as { token: string }).token;
  await h.runner.sendTaskFailure({ taskToken: first, error: 'Decision.Again', cause: 'ask again' });
  await h.runner.settled();
  expect(h.calls.ask).toHaveLength(1);
  h.clock.advance(10_000);
  await h.runner.settled();
  expect(h.calls.ask).toHaveLength(2);
  const second = (h.calls.ask[1] as { token: string }).token;
  expect(second).not.toBe(first);
  await expect(h.runner.sendTaskSuccess({ taskToken: first, output: {} })).rejects.toBeInstanceOf(WorkflowTaskClosedError);
  await h.runner.sendTaskSuccess({ taskToken: second, output: { answer: 42 } });
  expect(await h.runner.waitForExecution(executionArn)).toMatchObject({ status: 'SUCCEEDED', output: { answer: 42 } });
});

test('callback tasks in Parallel branches get their own tokens', async () => {
  const branch = (name: string) => ({
    StartAt: name,
    States: {
      [name]: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        Parameters: { FunctionName: 'ask', Payload: { 'token.$': '$$.Task.Token', who: name } },
        End: true,
      },
    },
  });
  const machine = { StartAt: 'Both', States: { Both: { Type: 'Parallel', Branches: [branch('Secretary'), branch('Committee')], End: true } } };
  const h = await createHarness({ m: machine }, { ask: async () => null });
  const { executionArn } = await h.runner.startExecution({ stateMachine: 'm', name: 'par', input: {} });
  await h.runner.settled();
  const asked = h.calls.ask as { token: string; who: string }[];
  expect(asked.map((a) => a.who).sort()).toEqual(['Committee', 'Secretary']);
  expect(asked[0].token).not.toBe(asked[1].token);
  for (const { token, who } of asked) await h.runner.sendTaskSuccess({ taskToken: token, output: { who } });
  expect(await h.runner.waitForExecution(executionArn)).toMatchObject({
    status: 'SUCCEEDED',
    output: [{ who: 'Secretary' }, { who: 'Committee' }],
  });
});
