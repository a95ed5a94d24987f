import { WorkflowExecutionExistsError } from '../../../../shared/services/ports';
import { StepFunctionsExecutionNotFoundError, StepFunctionsMachineNotFoundError } from '../../../../infra/local/step-functions';
import { createHarness, fixture, shutdownAll } from './harness';

afterEach(shutdownAll);

describe('Pass, Choice, Succeed, Fail', () => {
  const machines = { flow: fixture('choice-pass.asl.json') };

  test('Choice routes to Succeed; paths, intrinsic functions and the context object apply', async () => {
    const { runner, clock } = await createHarness(machines, {});
    const { executionArn } = await runner.startExecution({ stateMachine: 'flow', name: 'case-1', input: { kind: 'ok', caseId: 7 } });
    expect(executionArn).toBe('arn:aws:states:local:000000000000:execution:flow:case-1');
    const done = await runner.waitForExecution(executionArn);
    expect(done).toMatchObject({ status: 'SUCCEEDED', stateMachine: 'flow', name: 'case-1', input: { kind: 'ok', caseId: 7 } });
    expect(done.output).toEqual({
      kind: 'ok',
      label: 'case-7',
      executionName: 'case-1',
      originalInput: { kind: 'ok', caseId: 7 },
      startedAt: clock.now().toISOString(),
      state: 'Prepare',
    });
    expect(done.currentState).toBeUndefined();
    expect(done.stopDate).toEqual(clock.now());
  });

  test('Choice routes to Fail: FAILED with the error and cause of the Fail state', async () => {
    const { runner } = await createHarness(machines, {});
    const { executionArn } = await runner.startExecution({ stateMachine: 'flow', name: 'case-2', input: { kind: 'bad', caseId: 1 } });
    const done = await runner.waitForExecution(executionArn);
    expect(done).toMatchObject({ status: 'FAILED', error: 'Case.Refused', cause: 'The case was refused' });
    expect(done.output).toBeUndefined();
  });

  test('Choice Default goes to a Pass that ends the execution', async () => {
    const { runner } = await createHarness(machines, {});
    const { executionArn } = await runner.startExecution({ stateMachine: 'flow', name: 'case-3', input: { kind: 'x', caseId: 2 } });
    const done = await runner.waitForExecution(executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(done.output).toMatchObject({ kind: 'x', label: 'case-2', flags: { other: true } });
  });

  test('history lists every top-level state entered and exited, with clock timestamps', async () => {
    const { runner, clock } = await createHarness(machines, {});
    const { executionArn } = await runner.startExecution({ stateMachine: 'flow', name: 'case-4', input: { kind: 'ok', caseId: 3 } });
    await runner.waitForExecution(executionArn);
    const events = await runner.history(executionArn);
    expect(events.map((e) => [e.type, e.stateName])).toEqual([
      ['ExecutionStarted', undefined],
      ['StateEntered', 'Prepare'],
      ['StateExited', 'Prepare'],
      ['StateEntered', 'Route'],
      ['StateExited', 'Route'],
      ['StateEntered', 'Done'],
      ['StateExited', 'Done'],
      ['ExecutionSucceeded', undefined],
    ]);
    expect(events.map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(events.every((e) => e.timestamp.getTime() === clock.now().getTime())).toBe(true);
  });

  test('a duplicate execution name is refused; unknown machines and executions are errors', async () => {
    const { runner } = await createHarness(machines, {});
    const first = await runner.startExecution({ stateMachine: 'flow', name: 'same', input: { kind: 'ok', caseId: 1 } });
    await expect(runner.startExecution({ stateMachine: 'flow', name: 'same', input: { kind: 'bad', caseId: 1 } })).rejects.toBeInstanceOf(
      WorkflowExecutionExistsError,
    );
    expect((await runner.waitForExecution(first.executionArn)).status).toBe('SUCCEEDED');
    await expect(runner.startExecution({ stateMachine: 'nope', name: 'x', input: {} })).rejects.toBeInstanceOf(StepFunctionsMachineNotFoundError);
    await expect(runner.describeExecution('arn:aws:states:local:000000000000:execution:flow:missing')).rejects.toBeInstanceOf(
      StepFunctionsExecutionNotFoundError,
    );
    await expect(runner.startExecution({ stateMachine: 'flow', name: 'has space', input: {} })).rejects.toThrow(/Invalid execution name/);
  });
});

describe('Parallel', () => {
  test('branches run (a nested Wait sleeps on the clock) and their results are combined', async () => {
    const { runner, clock, calls } = await createHarness({ par: fixture('parallel.asl.json') }, { double: async (n) => (n as number) * 2 });
    const { executionArn } = await runner.startExecution({ stateMachine: 'par', name: 'p-1', input: { n: 5 } });
    await runner.settled();
    expect(calls.double).toEqual([5]);
    expect((await runner.describeExecution(executionArn)).status).toBe('RUNNING');
    clock.advance(59_000);
    await runner.settled();
    expect((await runner.describeExecution(executionArn)).status).toBe('RUNNING');
    clock.advance(1_000);
    const done = await runner.waitForExecution(executionArn);
    expect(done).toMatchObject({ status: 'SUCCEEDED', output: { sum: 16 } });
  });
});
