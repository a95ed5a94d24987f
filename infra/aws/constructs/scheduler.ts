import { Duration, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal, type Policy } from 'aws-cdk-lib/aws-iam';
import { CfnSchedule } from 'aws-cdk-lib/aws-scheduler';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { HandlerFunction } from './handler-function';
import type { Mail } from './mail';
import { grantTaskCallback } from './workflow-grants';

export const TICK_HANDLER_ID = 'scheduler-tick';
export const TICK_SCHEDULE = 'rate(15 minutes)';

export interface SchedulerProps {
  table: ITable;
  mail: Mail;
  /** The machine whose claimed-but-undelivered callbacks the tick retries (SendTaskSuccess). */
  noticeStateMachine: StateMachine;
  /** The election machine: its claimed-but-undelivered step callbacks are retried too. */
  electionStateMachine: StateMachine;
  /** The transfer machine: its claimed-but-undelivered step callbacks are retried too. */
  transferStateMachine: StateMachine;
  /** Base URL of the site, for links in reminder mails. */
  publicBaseUrl: string;
}

/**
 * The reminders clock: an EventBridge Scheduler schedule invokes the tick handler every
 * 15 minutes with `{ "scheduledTime": "<ISO time>" }`; the tick retries undelivered task
 * callbacks, finds due dates in the table and sends reminders. The schedule's role may invoke only the tick.
 */
export class Scheduler extends Construct {
  readonly tick: HandlerFunction;
  readonly callbackPolicy: Policy;
  readonly role: Role;
  readonly schedule: CfnSchedule;

  constructor(scope: Construct, id: string, props: SchedulerProps) {
    super(scope, id);
    this.tick = new HandlerFunction(this, 'Tick', {
      handlerId: TICK_HANDLER_ID,
      entry: 'functions/scheduler/tick.ts',
      timeout: Duration.minutes(2),
      environment: { TABLE_NAME: props.table.tableName, PUBLIC_BASE_URL: props.publicBaseUrl },
    });
    props.table.grantReadWriteData(this.tick);
    props.mail.grantSend(this.tick);
    this.callbackPolicy = grantTaskCallback(this.tick, [props.noticeStateMachine, props.electionStateMachine, props.transferStateMachine]);

    this.role = new Role(this, 'InvokeRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
      description: 'Lets EventBridge Scheduler invoke the scheduler tick, and nothing else',
    });
    this.role.addToPolicy(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.tick.functionArn] }));

    this.schedule = new CfnSchedule(this, 'Schedule', {
      description: 'dangjian-flow reminders: every 15 minutes',
      scheduleExpression: TICK_SCHEDULE,
      flexibleTimeWindow: { mode: 'OFF' },
      state: 'ENABLED',
      target: {
        arn: this.tick.functionArn,
        roleArn: this.role.roleArn,
        input: JSON.stringify({ scheduledTime: '<aws.scheduler.scheduled-time>' }),
        // A missed tick is covered by the next one: retry briefly, never pile up.
        retryPolicy: { maximumRetryAttempts: 2, maximumEventAgeInSeconds: 600 },
      },
    });
    this.schedule.node.addDependency(this.role);
  }
}
