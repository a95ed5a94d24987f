import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, MathExpression, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { HandlerFunction } from './handler-function';

export interface WatchedMachine {
  name: string;
  stateMachine: StateMachine;
  /**
   * Whether the procedure stops its executions (a withdrawn notice, an ended case or election, an approval past its hard
   * stop, and the nested executions of those): their aborts are expected and raise no alarm.
   */
  stoppedByDesign: boolean;
}

export interface OperationsAlarmsProps {
  machines: WatchedMachine[];
  functions: HandlerFunction[];
  /** Context `alarmEmail`: the address the alarms mail (it must confirm the subscription); none: the topic has no subscriber. */
  alarmEmail?: string;
}

const PERIOD = Duration.minutes(5);

/** An alarm on any occurrence (a sum of at least 1 in five minutes), mailed through the topic. */
function anyOccurrence(scope: Construct, id: string, metric: IMetric, description: string, topic: Topic): Alarm {
  const alarm = new Alarm(scope, id, {
    metric,
    alarmDescription: description,
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
  alarm.addAlarmAction(new SnsAction(topic));
  return alarm;
}

/**
 * The alarms of the deployment, mailed through one SNS topic: an execution of a state machine that failed, timed out or
 * (where the procedure never stops one) was aborted; a Lambda invocation that ended in an error (thrown, timed out, out of memory).
 */
export class OperationsAlarms extends Construct {
  readonly topic: Topic;
  readonly machineAlarms: Alarm[];
  readonly functionAlarms: Alarm[];

  constructor(scope: Construct, id: string, props: OperationsAlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'AlarmTopic', { displayName: 'dangjian-flow alarms', enforceSSL: true });
    // The topic's policy (TLS only) replaces the default one: CloudWatch may publish, for this account's alarms only.
    const stack = Stack.of(this);
    this.topic.addToResourcePolicy(new PolicyStatement({
      principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['sns:Publish'],
      resources: [this.topic.topicArn],
      conditions: {
        ArnLike: { 'aws:SourceArn': stack.formatArn({ service: 'cloudwatch', resource: 'alarm', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME }) },
        StringEquals: { 'aws:SourceAccount': stack.account },
      },
    }));
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));

    this.machineAlarms = props.machines.map(({ name, stateMachine, stoppedByDesign }) => {
      const usingMetrics: Record<string, IMetric> = {
        failed: stateMachine.metricFailed({ period: PERIOD }),
        timedOut: stateMachine.metricTimedOut({ period: PERIOD }),
        ...(stoppedByDesign ? {} : { aborted: stateMachine.metricAborted({ period: PERIOD }) }),
      };
      const failures = new MathExpression({ expression: `SUM([${Object.keys(usingMetrics).join(', ')}])`, usingMetrics, period: PERIOD, label: `${name} executions ${Object.keys(usingMetrics).join('/')}` });
      return anyOccurrence(this, `${name}Failures`, failures,
        `An execution of the ${name} state machine ${stoppedByDesign ? 'failed or timed out' : 'failed, timed out or was aborted'}: see its execution history in the Step Functions console.`, this.topic);
    });

    this.functionAlarms = props.functions.map((fn) => anyOccurrence(this, `${fn.handlerId}-errors`, fn.metricErrors({ period: PERIOD }),
      `The ${fn.handlerId} function ended an invocation in an error: see its log group (level ERROR).`, this.topic));
  }
}
