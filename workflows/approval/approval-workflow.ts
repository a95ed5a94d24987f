import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Choice, Condition, IntegrationPattern, JsonPath, Pass, StateMachine, Succeed, TaskInput } from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { standardMachine } from '../standard-machine';
import { ApprovalState } from './approval-states';

export interface ApprovalWorkflowProps {
  request: IFunction;
}

/**
 * The approval step (docs/domain/approvals.md): e-mail each approver a link, wait (callback) for the policy to resolve, branch.
 * Input: { approval: ApprovalRequest }. Output: { approvalId, outcome, decidedAt, meetingDate?, comment?, decidedBy }.
 * Reminders and expiry of the links are dates in DynamoDB, handled by the scheduler tick: no Wait state.
 */
export class ApprovalWorkflow extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, props: ApprovalWorkflowProps) {
    super(scope, id);

    const requestDecision = new LambdaInvoke(this, ApprovalState.requestDecision, {
      lambdaFunction: props.request,
      integrationPattern: IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      payload: TaskInput.fromObject({
        approval: JsonPath.objectAt('$.approval'),
        taskToken: JsonPath.taskToken,
        executionArn: JsonPath.executionId,
      }),
      resultPath: '$.decision',
    });
    // The callback's output is the resolution itself ({ approvalId, outcome, decidedAt, meetingDate?, comment?,
    // decidedBy }): OutputPath passes it on whole, optional fields included only when present.
    const outcome = (name: string) => new Pass(this, name, { outputPath: '$.decision' }).next(new Succeed(this, `${name}Done`));
    const route = new Choice(this, ApprovalState.routeDecision)
      .when(Condition.stringEquals('$.decision.outcome', 'approved'), outcome(ApprovalState.approved))
      .otherwise(outcome(ApprovalState.rejected));

    this.stateMachine = standardMachine(this, { workflow: 'approval', definition: requestDecision.next(route), timeoutDays: 180 });
  }
}
