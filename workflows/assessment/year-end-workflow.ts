import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Choice, Condition, IntegrationPattern, JsonPath, Succeed, TaskInput, type IStateMachine, type StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke, StepFunctionsStartExecution } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { standardMachine } from '../standard-machine';
import { YearEndState as S } from './assessment-states';

export interface YearEndWorkflowProps {
  openRating: IFunction;
  prepareApproval: IFunction;
  noteDecision: IFunction;
  publish: IFunction;
  approvalStateMachine: IStateMachine;
}

/**
 * A committee's year end of the assessment (docs/domain/assessment.md A12–A17): the committee rates the secretaries'
 * 述职评议 and submits the totals and grades → the committee approves by e-mail link (nested approval; not approved:
 * rate again) → published as an internal notice with the 先进基层党组织 candidates. One Standard execution per
 * committee and year, started by committee staff after the year. Input: { committeeId, year }. Diagram: README.md.
 */
export class YearEndWorkflow extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, props: YearEndWorkflowProps) {
    super(scope, id);
    const yearEnd = { committeeId: JsonPath.stringAt('$.committeeId'), year: JsonPath.numberAt('$.year') };
    const lambda = (name: string, fn: IFunction, payload: Record<string, unknown>, resultPath: string) =>
      new LambdaInvoke(this, name, { lambdaFunction: fn, payload: TaskInput.fromObject({ ...yearEnd, ...payload }), payloadResponseOnly: true, resultPath });

    // The committee's staff rate the 述职评议 and submit (a callback task).
    const rateReports = new LambdaInvoke(this, S.rateReports, {
      lambdaFunction: props.openRating,
      integrationPattern: IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      payload: TaskInput.fromObject({ ...yearEnd, taskToken: JsonPath.taskToken }),
      resultPath: '$.step',
    });
    // The committee approves by e-mail link.
    const prepareApproval = lambda(S.prepareApproval, props.prepareApproval, {}, '$.approvalRequest');
    const approval = new StepFunctionsStartExecution(this, S.approval, {
      stateMachine: props.approvalStateMachine,
      integrationPattern: IntegrationPattern.RUN_JOB,
      name: JsonPath.format('approval-{}', JsonPath.stringAt('$.approvalRequest.approval.approvalId')),
      input: TaskInput.fromObject({ approval: JsonPath.objectAt('$.approvalRequest.approval') }),
      resultSelector: { 'decision.$': '$.Output' },
      resultPath: '$.approvalRun',
    });
    const noteDecision = lambda(S.noteDecision, props.noteDecision, { decision: JsonPath.objectAt('$.approvalRun.decision') }, '$.noted');
    // Published to the assessed organizations' staff.
    const publish = lambda(S.publish, props.publish, {}, '$.published');

    rateReports.next(prepareApproval).next(approval).next(noteDecision).next(
      new Choice(this, S.routeDecision)
        .when(Condition.stringEquals('$.noted.outcome', 'approved'), publish.next(new Succeed(this, S.published)))
        .otherwise(rateReports),
    );

    this.stateMachine = standardMachine(this, { workflow: 'assessment-year-end', definition: rateReports, timeoutDays: 180 });
  }
}
