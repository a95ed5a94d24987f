import type { AslDefinition } from '../../../../infra/local/step-functions';
import { childExecutionName } from '../../../../infra/local/step-functions/arns';
import { createHarness, fixture, namedError, shutdownAll } from './harness';

afterEach(shutdownAll);

const machines = fixture<Record<string, AslDefinition>>('parent-child.asl.json');

test('startExecution.sync:2 runs the child to completion and returns its parsed Output', async () => {
  const { runner } = await createHarness(machines, { double: async (event) => (event as { n: number }).n * 2 });
  const { executionArn } = await runner.startExecution({ stateMachine: 'parent', name: 'p1', input: { n: 21 } });
  const done = await runner.waitForExecution(executionArn);
  expect(done).toMatchObject({ status: 'SUCCEEDED', output: { n: 21, child: { doubled: 42, status: 'SUCCEEDED' } } });
  const exited = (await runner.history(executionArn)).find((e) => e.type === 'StateExited');
  expect(exited?.stateName).toBe('RunChild');
});

test('the child is a real execution of its own, linked to its parent, with the parent id in its input', async () => {
  const { runner, calls } = await createHarness(machines, { double: async (event) => (event as { n: number }).n * 2 });
  const { executionArn } = await runner.startExecution({ stateMachine: 'parent', name: 'p2', input: { n: 1 } });
  await runner.waitForExecution(executionArn);
  expect(calls.double).toEqual([{ n: 1, AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID: executionArn }]);
  const childArn = `arn:aws:states:local:000000000000:execution:child:${childExecutionName('p2', 'RunChild', 0, 0)}`;
  expect(await runner.describeExecution(childArn)).toMatchObject({
    status: 'SUCCEEDED',
    stateMachine: 'child',
    parentExecutionArn: executionArn,
    output: { doubled: 2 },
  });
});

test('a failed child fails the task with States.TaskFailed, which the parent can catch', async () => {
  const { runner } = await createHarness(machines, { double: async () => Promise.reject(namedError('Math.Overflow', 'too big')) });
  const { executionArn } = await runner.startExecution({ stateMachine: 'parent', name: 'p3', input: { n: 1e308 } });
  const done = await runner.waitForExecution(executionArn);
  expect(done.status).toBe('SUCCEEDED');
  const output = done.output as { failed: boolean; cause: string };
  expect(output.failed).toBe(true);
  expect(JSON.parse(output.cause)).toMatchObject({ Status: 'FAILED', Error: 'Math.Overflow', Cause: 'too big' });
});

test('after a restart the parent re-attaches to its running child: no second child, one callback', async () => {
  const approval: AslDefinition = {
    StartAt: 'Ask',
    States: {
      Ask: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        Parameters: { FunctionName: 'ask', Payload: { 'token.$': '$$.Task.Token' } },
        End: true,
      },
    },
  };
  const parent: AslDefinition = {
    StartAt: 'RunChild',
    States: {
      RunChild: {
        Type: 'Task',
        Resource: 'arn:aws:states:::states:startExecution.sync',
        Parameters: { StateMachineArn: 'arn:aws:states:local:000000000000:stateMachine:approval', Input: { q: 1 } },
        ResultSelector: { 'output.$': '$.Output', 'status.$': '$.Status' },
        End: true,
      },
    },
  };
  const h = await createHarness({ approval, parent }, { ask: async () => null });
  const { executionArn } = await h.runner.startExecution({ stateMachine: 'parent', name: 'p4', input: {} });
  await h.runner.settled();
  expect(h.calls.ask).toHaveLength(1);
  const runner = await h.restart();
  await runner.settled();
  expect(h.calls.ask).toHaveLength(1);
  await runner.sendTaskSuccess({ taskToken: (h.calls.ask[0] as { token: string }).token, output: { yes: true } });
  const done = await runner.waitForExecution(executionArn);
  // startExecution.sync (not :2) returns the child's Output as a JSON string.
  expect(done).toMatchObject({ status: 'SUCCEEDED', output: { output: '{"yes":true}', status: 'SUCCEEDED' } });
  expect(h.calls.ask).toHaveLength(1);
});

test('stopping the parent stops the .sync child it waits for', async () => {
  const waiting: AslDefinition = { StartAt: 'Hold', States: { Hold: { Type: 'Wait', Seconds: 3600, End: true } } };
  const parent: AslDefinition = {
    StartAt: 'RunChild',
    States: {
      RunChild: {
        Type: 'Task',
        Resource: 'arn:aws:states:::states:startExecution.sync:2',
        Parameters: { StateMachineArn: 'arn:aws:states:local:000000000000:stateMachine:waiting', Name: 'held-child' },
        End: true,
      },
    },
  };
  const { runner } = await createHarness({ waiting, parent }, {});
  const { executionArn } = await runner.startExecution({ stateMachine: 'parent', name: 'p5', input: {} });
  await runner.settled();
  const childArn = 'arn:aws:states:local:000000000000:execution:waiting:held-child';
  expect((await runner.describeExecution(childArn)).status).toBe('RUNNING');
  await runner.stopExecution({ executionArn, cause: 'cancelled' });
  await runner.settled();
  expect(await runner.describeExecution(executionArn)).toMatchObject({ status: 'ABORTED' });
  expect(await runner.waitForExecution(childArn)).toMatchObject({ status: 'ABORTED' });
});
