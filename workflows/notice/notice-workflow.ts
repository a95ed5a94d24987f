import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  Choice, Condition, IntegrationPattern, JsonPath, Pass, StateMachine, Succeed, TaskInput, Wait, WaitTime,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { standardMachine } from '../standard-machine';
import { NoticeState } from './notice-states';

/** Metadata key naming the workflow of a state machine; the ASL extractor finds machines by it. */

export interface NoticeWorkflowProps {
  publish: IFunction;
  close: IFunction;
  awaitOutcomes: IFunction;
}

/**
 * The public-notice (公示) process: publish → wait until the computed end → close →
 * objections? → staff record an outcome for each → proceed / postponed / stopped.
 * Input: { notice: NoticeDraft }. Output: { noticeId, result, reviewDate? }.
 */
export class NoticeWorkflow extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, props: NoticeWorkflowProps) {
    super(scope, id);

    const publish = new LambdaInvoke(this, NoticeState.publish, {
      lambdaFunction: props.publish,
      payload: TaskInput.fromObject({ notice: JsonPath.objectAt('$.notice'), executionArn: JsonPath.executionId }),
      payloadResponseOnly: true,
      resultPath: '$.published',
    });
    const waitForEnd = new Wait(this, NoticeState.waitForEnd, { time: WaitTime.timestampPath('$.published.endsAt') });
    const close = new LambdaInvoke(this, NoticeState.close, {
      lambdaFunction: props.close,
      payload: TaskInput.fromObject({ noticeId: JsonPath.stringAt('$.published.noticeId') }),
      payloadResponseOnly: true,
      resultPath: '$.closing',
    });
    const extendWait = new Pass(this, NoticeState.extendWait, {
      parameters: { noticeId: JsonPath.stringAt('$.closing.noticeId'), endsAt: JsonPath.stringAt('$.closing.endsAt') },
      resultPath: '$.published',
    });
    const handleObjections = new LambdaInvoke(this, NoticeState.handleObjections, {
      lambdaFunction: props.awaitOutcomes,
      integrationPattern: IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      payload: TaskInput.fromObject({
        noticeId: JsonPath.stringAt('$.published.noticeId'),
        taskToken: JsonPath.taskToken,
      }),
      resultPath: '$.handling',
    });

    const outcome = (name: string, result: string, withReviewDate = false) =>
      new Pass(this, name, {
        parameters: {
          noticeId: JsonPath.stringAt('$.published.noticeId'),
          result,
          ...(withReviewDate ? { reviewDate: JsonPath.stringAt('$.handling.reviewDate') } : {}),
        },
      }).next(new Succeed(this, `${name}Done`));

    const proceed = outcome(NoticeState.proceed, 'proceed');
    const routeResult = new Choice(this, NoticeState.routeResult)
      .when(Condition.stringEquals('$.handling.result', 'stopped'), outcome(NoticeState.stopped, 'stopped'))
      .when(Condition.stringEquals('$.handling.result', 'postponed'), outcome(NoticeState.postponed, 'postponed', true))
      .otherwise(proceed);

    const routeClosing = new Choice(this, NoticeState.routeClosing)
      .when(Condition.stringEquals('$.closing.status', 'extended'), extendWait.next(waitForEnd))
      .when(Condition.stringEquals('$.closing.status', 'withdrawn'), outcome(NoticeState.withdrawn, 'withdrawn'))
      .when(Condition.numberGreaterThan('$.closing.objectionCount', 0), handleObjections.next(routeResult))
      .otherwise(proceed);

    this.stateMachine = standardMachine(this, { workflow: 'notice', definition: publish.next(waitForEnd).next(close).next(routeClosing), timeoutDays: 180 });
  }
}
