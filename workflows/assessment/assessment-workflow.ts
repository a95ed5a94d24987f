import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Choice, Condition, IntegrationPattern, JsonPath, Succeed, TaskInput, type StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { standardMachine } from '../standard-machine';
import { AssessmentState as S } from './assessment-states';

export interface AssessmentWorkflowProps {
  openReport: IFunction;
  openReview: IFunction;
  periodDone: IFunction;
}

/**
 * One organization's report for one period (docs/domain/assessment.md A5–A11, A16): the report task (due N working
 * days after the period) → the committee's review → returned: report again → scored → the circular once the whole
 * period is scored. One Standard execution per organization and period, started by the scheduler's tick; it opens in
 * the period's last month, so it runs a few months at most. Input: { committeeId, year, periodKey, orgId }. Diagram: README.md.
 */
export class AssessmentWorkflow extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, props: AssessmentWorkflowProps) {
    super(scope, id);
    const report = {
      committeeId: JsonPath.stringAt('$.committeeId'),
      periodKey: JsonPath.stringAt('$.periodKey'),
      orgId: JsonPath.stringAt('$.orgId'),
    };
    const human = (name: string, fn: IFunction) => new LambdaInvoke(this, name, {
      lambdaFunction: fn,
      integrationPattern: IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      payload: TaskInput.fromObject({ ...report, taskToken: JsonPath.taskToken }),
      resultPath: '$.step',
    });
    const openReport = human(S.openReport, props.openReport);
    const openReview = human(S.openReview, props.openReview);
    const periodDone = new LambdaInvoke(this, S.periodDone, {
      lambdaFunction: props.periodDone,
      payload: TaskInput.fromObject({ committeeId: report.committeeId, periodKey: report.periodKey }),
      payloadResponseOnly: true,
      resultPath: '$.circular',
    });

    openReport.next(openReview).next(
      new Choice(this, S.routeReview)
        .when(Condition.stringEquals('$.step.decision', 'returned'), openReport)
        .otherwise(periodDone.next(new Succeed(this, S.scored))),
    );

    this.stateMachine = standardMachine(this, { workflow: 'assessment', definition: openReport, timeoutDays: 150 });
  }
}
