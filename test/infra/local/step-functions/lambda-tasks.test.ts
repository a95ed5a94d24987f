import { createHarness, fixture, namedError, shutdownAll, until } from './harness';

afterEach(shutdownAll);

const machines = { check: fixture('lambda-retry-catch.asl.json') };

/** The "check" Lambda: behaviour chosen by the payload's mode; `flaky` fails twice, then succeeds. */
function checkLambda() {
  let flakyFailures = 0;
  return async (event: unknown) => {
    const { mode, caseId } = event as { mode: string; caseId: number };
    if (mode === 'invalid') throw namedError('Validation.Error', `case ${caseId} is incomplete`);
    if (mode === 'crash') throw new TypeError('cannot read properties of undefined');
    if (mode === 'flaky' && flakyFailures++ < 2) throw namedError('Lambda.ServiceException', 'try again');
    if (mode === 'down') throw namedError('Lambda.ServiceException', 'still down');
    return { ok: true, caseId };
  };
}

test('lambda:invoke gets the Payload; ResultSelector and ResultPath shape the output', async () => {
  const { runner, calls } = await createHarness(machines, { check: checkLambda() });
  const { executionArn } = await runner.startExecution({ stateMachine: 'check', name: 'ok', input: { caseId: 1, mode: 'fine', extra: 'kept' } });
  const done = await runner.waitForExecution(executionArn);
  expect(calls.check).toEqual([{ caseId: 1, mode: 'fine' }]);
  expect(done).toMatchObject({ status: 'SUCCEEDED', output: { accepted: true, caseId: 1 } });
  const exited = (await runner.history(executionArn)).find((e) => e.type === 'StateExited' && e.stateName === 'Check');
  expect(exited?.output).toEqual({ caseId: 1, mode: 'fine', extra: 'kept', check: { Payload: { ok: true, caseId: 1 } } });
});

test('Retry: the interval passes on the clock (with backoff), then the task succeeds', async () => {
  const { runner, clock, calls } = await createHarness(machines, { check: checkLambda() });
  const { executionArn } = await runner.startExecution({ stateMachine: 'check', name: 'flaky', input: { caseId: 2, mode: 'flaky' } });
  await runner.settled();
  expect(calls.check).toHaveLength(1);
  clock.advance(1_999);
  await runner.settled();
  expect(calls.check).toHaveLength(1);
  clock.advance(1);
  await runner.settled();
  expect(calls.check).toHaveLength(2);
  clock.advance(3_999); // second interval: 2 s × BackoffRate 2
  await runner.settled();
  expect(calls.check).toHaveLength(2);
  clock.advance(1);
  const done = await runner.waitForExecution(executionArn);
  expect(calls.check).toHaveLength(3);
  expect(done).toMatchObject({ status: 'SUCCEEDED', output: { accepted: true, caseId: 2 } });
});

test('Retry exhausted: the error falls through to the States.ALL catcher', async () => {
  const { runner, clock, calls } = await createHarness(machines, { check: checkLambda() });
  const { executionArn } = await runner.startExecution({ stateMachine: 'check', name: 'down', input: { caseId: 3, mode: 'down' } });
  for (let i = 0; i < 3; i++) {
    await runner.settled();
    clock.advance(60_000);
  }
  const done = await runner.waitForExecution(executionArn);
  expect(calls.check).toHaveLength(4); // 1 + MaxAttempts 3
  expect(done).toMatchObject({ status: 'FAILED', error: 'Lambda.ServiceException', cause: 'still down' });
  const entered = (await runner.history(executionArn)).filter((e) => e.type === 'StateEntered').map((e) => e.stateName);
  expect(entered).toEqual(['Check', 'Broken']);
});

test('Catch routes by error name: a custom error goes to its own catcher, others to States.ALL', async () => {
  const { runner, calls } = await createHarness(machines, { check: checkLambda() });
  const invalid = await runner.startExecution({ stateMachine: 'check', name: 'invalid', input: { caseId: 4, mode: 'invalid' } });
  const crash = await runner.startExecution({ stateMachine: 'check', name: 'crash', input: { caseId: 5, mode: 'crash' } });
  expect(await runner.waitForExecution(invalid.executionArn)).toMatchObject({ status: 'SUCCEEDED', output: { rejected: 'case 4 is incomplete' } });
  expect(await runner.waitForExecution(crash.executionArn)).toMatchObject({
    status: 'FAILED',
    error: 'TypeError',
    cause: 'cannot read properties of undefined',
  });
  expect(calls.check).toHaveLength(2); // neither error is retried
});

test('an uncaught task error fails the execution with its name and message', async () => {
  const machine = {
    StartAt: 'Call',
    States: { Call: { Type: 'Task', Resource: 'arn:aws:lambda:local:000000000000:function:boom', End: true } },
  };
  const { runner, calls } = await createHarness({ m: machine }, { boom: async () => Promise.reject(namedError('Boom.Error', 'it broke')) });
  const { executionArn } = await runner.startExecution({ stateMachine: 'm', name: 'b', input: { a: 1 } });
  expect(await runner.waitForExecution(executionArn)).toMatchObject({ status: 'FAILED', error: 'Boom.Error', cause: 'it broke' });
  expect(calls.boom).toEqual([{ a: 1 }]);
});

test('a missing Lambda handler is Lambda.ResourceNotFoundException', async () => {
  const machine = {
    StartAt: 'Call',
    States: {
      Call: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'ghost', 'Payload.$': '$' }, End: true },
    },
  };
  const { runner } = await createHarness({ m: machine }, {});
  const { executionArn } = await runner.startExecution({ stateMachine: 'm', name: 'g', input: {} });
  expect(await runner.waitForExecution(executionArn)).toMatchObject({ status: 'FAILED', error: 'Lambda.ResourceNotFoundException' });
});

test('TimeoutSeconds runs on the clock: States.Timeout, not matched by States.TaskFailed', async () => {
  const machine = {
    StartAt: 'Slow',
    States: {
      Slow: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { FunctionName: 'slow', 'Payload.$': '$' },
        TimeoutSeconds: 30,
        Catch: [
          { ErrorEquals: ['States.TaskFailed'], Next: 'WrongCatcher' },
          { ErrorEquals: ['States.Timeout'], ResultPath: '$.timeout', Next: 'TimedOut' },
        ],
        End: true,
      },
      WrongCatcher: { Type: 'Fail', Error: 'Wrong' },
      TimedOut: { Type: 'Pass', End: true },
    },
  };
  const { runner, clock } = await createHarness({ m: machine }, { slow: () => new Promise(() => {}) });
  const { executionArn } = await runner.startExecution({ stateMachine: 'm', name: 't', input: { a: 1 } });
  await until(() => clock.pendingSleepers() === 1);
  clock.advance(29_999);
  await until(async () => (await runner.describeExecution(executionArn)).status === 'RUNNING');
  expect(clock.pendingSleepers()).toBe(1);
  clock.advance(1);
  expect(await runner.waitForExecution(executionArn)).toMatchObject({ status: 'SUCCEEDED', output: { a: 1, timeout: { Error: 'States.Timeout' } } });
});

test('ResultPath "$" replaces the input with the result, as in AWS', async () => {
  const machine = {
    StartAt: 'Call',
    States: {
      Call: { Type: 'Task', Resource: 'arn:aws:lambda:local:000000000000:function:five', ResultPath: '$', Next: 'Fail' },
      Fail: { Type: 'Task', Resource: 'arn:aws:lambda:local:000000000000:function:boom', Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$', Next: 'Caught' }], End: true },
      Caught: { Type: 'Pass', End: true },
    },
  };
  const { runner, calls } = await createHarness(
    { m: machine },
    { five: async () => ({ five: 5 }), boom: async () => Promise.reject(namedError('Boom', 'no')) },
  );
  const { executionArn } = await runner.startExecution({ stateMachine: 'm', name: 'dollar', input: { a: 1 } });
  expect(await runner.waitForExecution(executionArn)).toMatchObject({ status: 'SUCCEEDED', output: { Error: 'Boom', Cause: 'no' } });
  expect(calls.boom).toEqual([{ five: 5 }]);
});
