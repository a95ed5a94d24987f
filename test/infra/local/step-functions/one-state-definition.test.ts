import { LIBRARY_TASK_TIMEOUT_SECONDS, prepareStep } from '../../../../infra/local/step-functions/one-state-definition';
import type { AslDefinition } from '../../../../infra/local/step-functions';

const machine: AslDefinition = {
  StartAt: 'Ask',
  States: {
    Ask: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: 'f', Payload: { 'token.$': '$$.Task.Token', 'input.$': '$$.Execution.Input.caseId' } },
      TimeoutSeconds: 60,
      HeartbeatSeconds: 30,
      Catch: [
        { ErrorEquals: ['Again'], Next: 'Ask' },
        { ErrorEquals: ['States.ALL'], Next: 'Broken' },
      ],
      Next: 'Route',
    },
    Route: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'Split' }], Default: 'Broken' },
    Split: {
      Type: 'Parallel',
      Branches: [{ StartAt: 'Pause', States: { Pause: { Type: 'Wait', TimestampPath: '$.at', OutputPath: '$.x', End: true } } }],
      End: true,
    },
    Broken: { Type: 'Fail' },
  },
};

test('a Task state gets a stub per target; a target equal to itself is aliased', () => {
  const step = prepareStep(machine, 'Ask');
  expect(Object.keys(step.definition.States).sort()).toEqual(['Ask', 'Ask (next)', 'Broken', 'Route']);
  expect(step.definition.StartAt).toBe('Ask');
  expect(step.stubs).toEqual(new Map([['Route', 'Route'], ['Ask (next)', 'Ask'], ['Broken', 'Broken']]));
  const ask = step.definition.States.Ask;
  expect(ask.Catch.map((c: { Next: string }) => c.Next)).toEqual(['Ask (next)', 'Broken']);
  expect(step.definition.States.Route).toMatchObject({ Type: 'Task', Resource: 'local:stub', End: true });
});

test('the callback token and the execution context paths are rewritten; timeouts move to the clock', () => {
  const ask = prepareStep(machine, 'Ask').definition.States.Ask;
  expect(ask.Parameters.Payload).toEqual({ 'token.$': '$$.Task.Tokens.t0', 'input.$': '$$.Execution.LocalInput.caseId' });
  expect(ask.TimeoutSeconds).toBe(LIBRARY_TASK_TIMEOUT_SECONDS);
  expect(ask.HeartbeatSeconds).toBeUndefined();
  expect(prepareStep(machine, 'Ask').tasks.get('Ask')).toMatchObject({ TimeoutSeconds: 60, HeartbeatSeconds: 30 });
  expect(machine.States.Ask.Parameters.Payload['token.$']).toBe('$$.Task.Token'); // the machine itself is untouched
});

test('Choice targets become stubs; nested Waits become clock-driven local tasks', () => {
  expect(Object.keys(prepareStep(machine, 'Route').definition.States).sort()).toEqual(['Broken', 'Route', 'Split']);
  const split = prepareStep(machine, 'Split');
  expect(Object.keys(split.definition.States)).toEqual(['Split']);
  expect(split.definition.States.Split.Branches[0].States.Pause).toEqual({
    Type: 'Task',
    Resource: 'local:wait',
    OutputPath: '$.x',
    TimeoutSeconds: LIBRARY_TASK_TIMEOUT_SECONDS,
    End: true,
  });
  expect(split.tasks.get('Pause')).toMatchObject({ Type: 'Wait', TimestampPath: '$.at' });
});

test('an unknown state is a definition error', () => {
  expect(() => prepareStep(machine, 'Nowhere')).toThrow(/does not exist/);
});

test('ResultPath "$" (result replaces input) is normalised away, in states and catchers', () => {
  const withDollar: AslDefinition = {
    StartAt: 'T',
    States: {
      T: { Type: 'Task', Resource: 'arn:aws:lambda:local:000000000000:function:f', ResultPath: '$', Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$', Next: 'E' }], Next: 'E' },
      E: { Type: 'Pass', ResultPath: '$.kept', End: true },
    },
  };
  const task = prepareStep(withDollar, 'T').definition.States.T;
  expect(task).not.toHaveProperty('ResultPath');
  expect(task.Catch[0]).not.toHaveProperty('ResultPath');
  expect(prepareStep(withDollar, 'E').definition.States.E.ResultPath).toBe('$.kept');
});
