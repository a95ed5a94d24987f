import { synthesizeWorkflows, type AslDefinition } from '../../../infra/aws/asl';
import { NoticeHandler, NoticeState } from '../../../workflows/notice/notice-states';
import { synthesize, type Synthesized } from './synth';

describe('the notice state machine in the template', () => {
  let synthesized: Synthesized;
  beforeAll(() => {
    synthesized = synthesize();
  });

  test('is a Standard machine with logging level ALL and X-Ray tracing', () => {
    synthesized.template.resourceCountIs('AWS::StepFunctions::StateMachine', 12); // notice, approval, election, transfer, assessment, its year end, evaluation and the five development stages
    synthesized.template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      LoggingConfiguration: { Level: 'ALL' },
      TracingConfiguration: { Enabled: true },
    });
  });
});

describe('synthesizeWorkflows()', () => {
  let notice: AslDefinition;
  beforeAll(() => {
    notice = synthesizeWorkflows().notice;
  });

  const states = () => Object.entries(notice.States);

  test('gives the notice definition, in JSONPath, starting by publishing', () => {
    expect(notice).toBeDefined();
    expect(notice.StartAt).toBe(NoticeState.publish);
    expect((notice as { QueryLanguage?: string }).QueryLanguage ?? 'JSONPath').toBe('JSONPath');
  });

  test('waits until an absolute timestamp (TimestampPath), never for a duration', () => {
    const waits = states().filter(([, state]) => state.Type === 'Wait');
    expect(waits.map(([name]) => name)).toEqual([NoticeState.waitForEnd]);
    for (const [, wait] of waits) {
      expect(wait.TimestampPath).toBe('$.published.endsAt');
      expect(wait.Seconds ?? wait.SecondsPath).toBeUndefined();
    }
  });

  test('every Lambda task resolves to the local ARN of its handler id', () => {
    const pattern = /^arn:aws:lambda:local:000000000000:function:(.+)$/;
    const lambdas = states()
      .filter(([, state]) => state.Type === 'Task')
      .map(([name, state]) => {
        const resource = String(state.Resource);
        const arn = resource.startsWith('arn:aws:lambda:') ? resource : String((state.Parameters as Record<string, unknown>)?.FunctionName);
        return [name, arn] as const;
      });
    expect(lambdas.length).toBe(3);
    for (const [name, arn] of lambdas) {
      const match = pattern.exec(arn);
      expect({ name, arn, matches: Boolean(match) }).toEqual({ name, arn, matches: true });
    }
    const handlerIds = lambdas.map(([, arn]) => pattern.exec(arn)![1]).sort();
    expect(handlerIds).toEqual(Object.values(NoticeHandler).sort());
  });

  test('the callback task waits for a task token', () => {
    const [, task] = states().find(([name]) => name === NoticeState.handleObjections)!;
    expect(task.Resource).toBe('arn:aws:states:::lambda:invoke.waitForTaskToken');
  });

  test('leaves no CloudFormation intrinsic unresolved', () => {
    const text = JSON.stringify(notice);
    expect(text).not.toMatch(/Fn::|"Ref"|\$\{Token\[/);
  });
});
