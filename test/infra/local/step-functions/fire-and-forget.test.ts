import type { AslDefinition } from '../../../../infra/local/step-functions';
import { createHarness, shutdownAll } from './harness';

afterEach(shutdownAll);

// `states:startExecution` without .sync (the election's announcement notice): the parent goes on at once. A start
// repeated under the same name must be harmless, as in AWS (same name and input while running: the same answer;
// otherwise ExecutionAlreadyExists, which the parent catches).
const waiting: AslDefinition = { StartAt: 'Hold', States: { Hold: { Type: 'Wait', Seconds: 3600, End: true } } };
const start = (next: Record<string, unknown>) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::states:startExecution',
  Parameters: { StateMachineArn: 'arn:aws:states:local:000000000000:stateMachine:waiting', Name: 'notice-1', Input: { n: 1 } },
  ResultPath: null,
  Catch: [{ ErrorEquals: ['StepFunctions.ExecutionAlreadyExistsException'], ResultPath: null, Next: 'Done' }],
  ...next,
});
const parent: AslDefinition = {
  StartAt: 'Start',
  States: { Start: start({ Next: 'StartAgain' }), StartAgain: start({ Next: 'Done' }), Done: { Type: 'Pass', End: true } },
};
const childArn = 'arn:aws:states:local:000000000000:execution:waiting:notice-1';

test('the parent does not wait for the child; starting the same name again from the same parent starts nothing more', async () => {
  const { runner } = await createHarness({ waiting, parent }, {});
  const { executionArn } = await runner.startExecution({ stateMachine: 'parent', name: 'p1', input: { keep: true } });
  expect(await runner.waitForExecution(executionArn)).toMatchObject({ status: 'SUCCEEDED', output: { keep: true } });
  const events = (await runner.history(executionArn)).filter((e) => e.type === 'StateEntered').map((e) => e.stateName);
  expect(events).toEqual(['Start', 'StartAgain', 'Done']); // StartAgain went on normally: not through the Catch
  expect(await runner.describeExecution(childArn)).toMatchObject({ status: 'RUNNING', parentExecutionArn: executionArn, input: { n: 1 } });
});

test('the same name started by another execution fails with ExecutionAlreadyExists, which the parent catches', async () => {
  const { runner } = await createHarness({ waiting, parent }, {});
  const first = await runner.startExecution({ stateMachine: 'parent', name: 'p1', input: {} });
  await runner.waitForExecution(first.executionArn);
  const second = await runner.startExecution({ stateMachine: 'parent', name: 'p2', input: {} });
  expect(await runner.waitForExecution(second.executionArn)).toMatchObject({ status: 'SUCCEEDED' });
  const entered = (await runner.history(second.executionArn)).filter((e) => e.type === 'StateEntered').map((e) => e.stateName);
  expect(entered).toEqual(['Start', 'Done']); // caught at once
  expect(await runner.describeExecution(childArn)).toMatchObject({ parentExecutionArn: first.executionArn });
});
