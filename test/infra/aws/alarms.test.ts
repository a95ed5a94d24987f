import { Match } from 'aws-cdk-lib/assertions';
import { DeployContextInvalidError } from '../../../infra/aws/deploy-context';
import { logicalId, synthesize, type Synthesized } from './synth';

interface AlarmJson {
  Properties: { AlarmActions: unknown[]; MetricName?: string; Dimensions?: { Name: string; Value: unknown }[]; Metrics?: { Id: string; Expression?: string; MetricStat?: { Metric: { MetricName: string; Dimensions: { Value: unknown }[] } } }[] };
}

describe('operations alarms (default context)', () => {
  let synthesized: Synthesized;
  let alarms: AlarmJson[];
  beforeAll(() => {
    synthesized = synthesize();
    alarms = Object.values(synthesized.template.findResources('AWS::CloudWatch::Alarm')) as AlarmJson[];
  });
  const topicRef = () => ({ Ref: logicalId(synthesized.stack, synthesized.stack.alarms.topic) });

  test('every alarm mails through the one topic, which has no subscriber without alarmEmail', () => {
    expect(alarms.length).toBeGreaterThan(0);
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([topicRef()]);
    synthesized.template.resourceCountIs('AWS::SNS::Subscription', 0);
    synthesized.template.hasResourceProperties('AWS::SNS::TopicPolicy', { PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) } });
  });

  test('the topic lets CloudWatch publish, for this account\'s alarms only (removing that grant fails here)', () => {
    synthesized.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [topicRef()],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({
        Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: 'sns:Publish', Resource: topicRef(),
        Condition: { ArnLike: { 'aws:SourceArn': Match.anyValue() }, StringEquals: { 'aws:SourceAccount': Match.anyValue() } },
      })]) },
    });
  });

  test('every Lambda function has an alarm on its Errors', () => {
    const functions = Object.keys(synthesized.template.findResources('AWS::Lambda::Function'));
    const watched = alarms.filter((a) => a.Properties.MetricName === 'Errors').map((a) => (a.Properties.Dimensions![0].Value as { Ref: string }).Ref);
    expect(watched.sort()).toEqual(functions.sort());
  });

  test('every state machine: failed and timed-out executions; aborted ones where the procedure never stops an execution', () => {
    const machines = synthesized.stack.node.findAll().filter((c) => c.node.id === 'StateMachine' && c.node.defaultChild);
    const byMachine = new Map<string, string[]>();
    for (const alarm of alarms) {
      for (const metric of alarm.Properties.Metrics ?? []) {
        const stat = metric.MetricStat;
        if (!stat) continue;
        const ref = (stat.Metric.Dimensions[0].Value as { Ref: string }).Ref;
        byMachine.set(ref, [...(byMachine.get(ref) ?? []), stat.Metric.MetricName].sort());
      }
    }
    const { stack } = synthesized;
    expect(byMachine.size).toBe(machines.length);
    expect(byMachine.get(logicalId(stack, stack.notice.workflow.stateMachine))).toEqual(['ExecutionsFailed', 'ExecutionsTimedOut']);
    expect(byMachine.get(logicalId(stack, stack.development.stateMachines[3]))).toEqual(['ExecutionsFailed', 'ExecutionsTimedOut']);
    expect(byMachine.get(logicalId(stack, stack.transfer.workflow.stateMachine))).toEqual(['ExecutionsAborted', 'ExecutionsFailed', 'ExecutionsTimedOut']);
    expect(byMachine.get(logicalId(stack, stack.assessment.workflow.stateMachine))).toEqual(['ExecutionsAborted', 'ExecutionsFailed', 'ExecutionsTimedOut']);
    for (const alarm of alarms.filter((a) => a.Properties.Metrics)) {
      expect(alarm.Properties.Metrics!.find((m) => m.Expression)?.Expression).toMatch(/^SUM\(\[[a-zA-Z, ]+\]\)$/);
    }
  });

  test('the user pool leaves MFA optional', () => {
    synthesized.template.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'OPTIONAL' });
  });
});

describe('context alarmEmail and requireMfa', () => {
  test('alarmEmail subscribes that address to the topic; requireMfa=true makes TOTP required', () => {
    const { template } = synthesize({ alarmEmail: 'ops@example.org', requireMfa: 'true' }, { nag: false });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.org' });
    template.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'ON', EnabledMfas: ['SOFTWARE_TOKEN_MFA'] });
  });

  test.each([
    [{ alarmEmail: 'not-an-address' }],
    [{ requireMfa: 'yes' }],
  ])('%j is refused', (context) => {
    expect(() => synthesize(context, { nag: false })).toThrow(DeployContextInvalidError);
  });
});
