import { afterEach, expect, test } from '@jest/globals';
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AslDefinition } from '../../../../infra/local/step-functions';
import { createHarness, shutdownAll } from './harness';

afterEach(shutdownAll);

/** A task, then states that only compute (Pass, Choice, an already-due Wait), then a Wait in the future, then a task. */
const machine: AslDefinition = {
  StartAt: 'Prepare',
  States: {
    Prepare: { Type: 'Task', Resource: 'arn:aws:lambda:local:000000000000:function:prepare', Next: 'Label' },
    Label: { Type: 'Pass', Parameters: { 'count.$': '$.count', label: 'ready' }, Next: 'Route' },
    Route: { Type: 'Choice', Choices: [{ Variable: '$.count', NumericGreaterThan: 1, Next: 'Due' }], Default: 'Few' },
    Due: { Type: 'Wait', Seconds: 0, Next: 'Later' },
    Later: { Type: 'Wait', Seconds: 3600, Next: 'Finish' },
    Few: { Type: 'Fail', Error: 'TooFew' },
    Finish: { Type: 'Task', Resource: 'arn:aws:lambda:local:000000000000:function:finish', End: true },
  },
};

async function storedEventItems(h: Awaited<ReturnType<typeof createHarness>>, executionArn: string): Promise<number> {
  const { Items } = await h.store.doc.send(
    new QueryCommand({
      TableName: h.store.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :events)',
      ExpressionAttributeValues: { ':pk': `EXECUTION#${executionArn}`, ':events': 'EVENT' },
    }),
  );
  return Items?.length ?? 0;
}

test('states that only compute run on after the state before them and are committed with it; history still lists each', async () => {
  const h = await createHarness({ m: machine }, { prepare: async () => ({ count: 2 }), finish: async (event) => event });
  const { executionArn } = await h.runner.startExecution({ stateMachine: 'm', name: 'chain', input: {} });
  await h.runner.settled();

  const waiting = await h.runner.describeExecution(executionArn);
  expect(waiting).toMatchObject({ status: 'RUNNING', currentState: 'Later' });
  // ExecutionStarted+StateEntered at the start, then one item for Prepare → Label → Route → Due → Later.
  expect(await storedEventItems(h, executionArn)).toBe(2);

  h.clock.advance(3_600_000);
  const done = await h.runner.waitForExecution(executionArn);
  expect(done).toMatchObject({ status: 'SUCCEEDED', output: { count: 2, label: 'ready' } });
  const history = await h.runner.history(executionArn);
  expect(history.map((e) => e.id)).toEqual(history.map((_, index) => index + 1));
  expect(history.filter((e) => e.type === 'StateEntered').map((e) => e.stateName)).toEqual(['Prepare', 'Label', 'Route', 'Due', 'Later', 'Finish']);
  expect(history.find((e) => e.type === 'StateExited' && e.stateName === 'Label')?.output).toEqual({ count: 2, label: 'ready' });
});

test('a Fail reached through computing states ends the execution in the commit of the task before them', async () => {
  const h = await createHarness({ m: machine }, { prepare: async () => ({ count: 1 }), finish: async (event) => event });
  const { executionArn } = await h.runner.startExecution({ stateMachine: 'm', name: 'few', input: {} });
  const done = await h.runner.waitForExecution(executionArn);
  expect(done).toMatchObject({ status: 'FAILED', error: 'TooFew' });
  expect(await storedEventItems(h, executionArn)).toBe(2);
  const history = await h.runner.history(executionArn);
  expect(history.map((e) => e.type)).toEqual([
    'ExecutionStarted', 'StateEntered', 'StateExited', 'StateEntered', 'StateExited', 'StateEntered', 'StateExited', 'StateEntered', 'ExecutionFailed',
  ]);
});

test('a loop of computing states still checkpoints (a commit holds at most 25 states) and finishes', async () => {
  const loop: AslDefinition = {
    StartAt: 'Count',
    States: {
      Count: { Type: 'Pass', Parameters: { 'n.$': 'States.MathAdd($.n, 1)' }, Next: 'Enough' },
      Enough: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericGreaterThanEquals: 40, Next: 'Done' }], Default: 'Count' },
      Done: { Type: 'Succeed' },
    },
  };
  const h = await createHarness({ loop }, {});
  const { executionArn } = await h.runner.startExecution({ stateMachine: 'loop', name: 'loop', input: { n: 0 } });
  expect(await h.runner.waitForExecution(executionArn)).toMatchObject({ status: 'SUCCEEDED', output: { n: 40 } });
  expect(await storedEventItems(h, executionArn)).toBeGreaterThan(3);
  expect((await h.runner.history(executionArn)).filter((e) => e.type === 'StateEntered')).toHaveLength(81);
});

test('history written one item per event (data from before batched events) is read in order with newer batches', async () => {
  const h = await createHarness({ m: machine }, { prepare: async () => ({ count: 2 }), finish: async (event) => event });
  const { executionArn } = await h.runner.startExecution({ stateMachine: 'm', name: 'mixed', input: {} });
  await h.runner.settled();
  // Rewrite the first batch (ids 1–2) as the older layout: one EVENT#<id> item per event.
  const history = await h.runner.history(executionArn);
  await h.store.doc.send(new DeleteCommand({ TableName: h.store.tableName, Key: { pk: `EXECUTION#${executionArn}`, sk: 'EVENTS#000000001' } }));
  for (const event of history.slice(0, 2)) {
    const item: Record<string, unknown> = { pk: `EXECUTION#${executionArn}`, sk: `EVENT#${String(event.id).padStart(9, '0')}`, id: event.id, type: event.type, timestamp: event.timestamp.toISOString() };
    if (event.stateName) item.stateName = event.stateName;
    if ('input' in event) item.input = JSON.stringify(event.input);
    await h.store.doc.send(new PutCommand({ TableName: h.store.tableName, Item: item }));
  }
  expect(await h.runner.history(executionArn)).toEqual(history);
});
