import type { AslDefinition } from '../../../../infra/local/step-functions';
import { createHarness, fixture, namedError, shutdownAll } from './harness';

afterEach(shutdownAll);

test('hundreds of executions wait on callbacks at once, and all complete', async () => {
  const h = await createHarness(
    { notice: fixture('notice-approval.asl.json') },
    { createTask: async () => null, record: async (event) => ({ recorded: (event as { caseId: string }).caseId }) },
  );
  const count = 200;
  const arns = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      h.runner.startExecution({ stateMachine: 'notice', name: `bulk-${i}`, input: { caseId: `c${i}`, noticeEndsAt: '2025-03-04T00:00:00Z' } }),
    ),
  );
  await h.runner.settled();
  expect(h.clock.pendingSleepers()).toBe(count);
  h.clock.set('2025-03-04T00:00:00Z');
  await h.runner.settled();
  expect(h.calls.createTask).toHaveLength(count);
  await Promise.all(
    h.calls.createTask.map((event) => h.runner.sendTaskSuccess({ taskToken: (event as { taskToken: string }).taskToken, output: { ok: true } })),
  );
  const done = await Promise.all(arns.map(({ executionArn }) => h.runner.waitForExecution(executionArn)));
  expect(done.every((d) => d.status === 'SUCCEEDED')).toBe(true);
  expect(new Set(done.map((d) => (d.output as { recorded: string }).recorded)).size).toBe(count);
}, 120_000);

test('a Catch that goes back to the same state, and a Choice loop, are followed step by step', async () => {
  let failures = 0;
  const machine: AslDefinition = {
    StartAt: 'Try',
    States: {
      Try: {
        Type: 'Task',
        Resource: 'arn:aws:lambda:local:000000000000:function:flaky',
        ResultPath: '$.result',
        Catch: [{ ErrorEquals: ['Again'], ResultPath: null, Next: 'Try' }],
        Next: 'Count',
      },
      Count: { Type: 'Pass', Parameters: { 'i.$': 'States.MathAdd($.i, 1)', 'result.$': '$.result' }, Next: 'Enough' },
      Enough: { Type: 'Choice', Choices: [{ Variable: '$.i', NumericGreaterThanEquals: 3, Next: 'Done' }], Default: 'Count' },
      Done: { Type: 'Succeed' },
    },
  };
  const { runner } = await createHarness({ m: machine }, {
    flaky: async () => {
      if (failures++ < 2) throw namedError('Again', 'not yet');
      return 'ok';
    },
  });
  const { executionArn } = await runner.startExecution({ stateMachine: 'm', name: 'loop', input: { i: 0 } });
  expect(await runner.waitForExecution(executionArn)).toMatchObject({ status: 'SUCCEEDED', output: { i: 3, result: 'ok' } });
  const entered = (await runner.history(executionArn)).filter((e) => e.type === 'StateEntered').map((e) => e.stateName);
  expect(entered).toEqual(['Try', 'Try', 'Try', 'Count', 'Enough', 'Count', 'Enough', 'Count', 'Enough', 'Done']);
});

test('a Map state runs its item processor per item (Lambda tasks inside)', async () => {
  const machine: AslDefinition = {
    StartAt: 'Each',
    States: {
      Each: {
        Type: 'Map',
        ItemsPath: '$.members',
        ItemSelector: { 'name.$': '$$.Map.Item.Value', 'index.$': '$$.Map.Item.Index' },
        ItemProcessor: {
          StartAt: 'Greet',
          States: {
            Greet: {
              Type: 'Task',
              Resource: 'arn:aws:states:::lambda:invoke',
              Parameters: { FunctionName: 'greet', 'Payload.$': '$' },
              OutputPath: '$.Payload',
              End: true,
            },
          },
        },
        ResultPath: '$.greetings',
        End: true,
      },
    },
  };
  const { runner } = await createHarness({ m: machine }, {
    greet: async (event) => `${(event as { index: number }).index}:${(event as { name: string }).name}`,
  });
  const { executionArn } = await runner.startExecution({ stateMachine: 'm', name: 'map', input: { members: ['Li', 'Wang', 'Zhang'] } });
  expect(await runner.waitForExecution(executionArn)).toMatchObject({
    status: 'SUCCEEDED',
    output: { members: ['Li', 'Wang', 'Zhang'], greetings: ['0:Li', '1:Wang', '2:Zhang'] },
  });
});
