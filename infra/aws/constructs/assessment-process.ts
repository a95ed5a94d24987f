import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IStateMachine, StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { AssessmentHandler, YearEndHandler } from '../../../workflows/assessment/assessment-states';
import { AssessmentWorkflow } from '../../../workflows/assessment/assessment-workflow';
import { YearEndWorkflow } from '../../../workflows/assessment/year-end-workflow';
import { HandlerFunction } from './handler-function';
import type { Mail } from './mail';
import { grantStartExecutions, grantTaskCallbackOn } from './workflow-grants';

export interface AssessmentProcessProps {
  table: ITable;
  mail: Mail;
  /** The circular goes out as internal notices: the period-done task starts notice executions. */
  noticeStateMachine: StateMachine;
  /** The year end is approved by the committee through the approval process (a nested execution). */
  approvalStateMachine: IStateMachine;
  publicBaseUrl: string;
}

/**
 * The assessment state machine (one execution per organization and period) with its task Lambdas and their grants:
 * the open tasks answer a step already done (SendTaskSuccess on their own machine) and mail staff; the period-done
 * task starts the circular's notice executions.
 */
export class AssessmentProcess extends Construct {
  readonly workflow: AssessmentWorkflow;
  readonly openReport: HandlerFunction;
  readonly openReview: HandlerFunction;
  readonly periodDone: HandlerFunction;
  /** The year end (A17): one execution per committee and year. */
  readonly yearEnd: YearEndWorkflow;
  readonly yearEndFunctions: Record<keyof typeof YearEndHandler, HandlerFunction>;
  readonly functions: HandlerFunction[];

  constructor(scope: Construct, id: string, props: AssessmentProcessProps) {
    super(scope, id);
    const environment = { TABLE_NAME: props.table.tableName, PUBLIC_BASE_URL: props.publicBaseUrl, NOTICE_STATE_MACHINE_ARN: props.noticeStateMachine.stateMachineArn };
    const fn = (name: string, handlerId: string, entry: string) => new HandlerFunction(this, name, { handlerId, entry: `functions/assessment/${entry}.ts`, environment });
    const openReport = fn('OpenReport', AssessmentHandler.openReport, 'open-report');
    const openReview = fn('OpenReview', AssessmentHandler.openReview, 'open-review');
    const periodDone = fn('PeriodDone', AssessmentHandler.periodDone, 'period-done');
    this.openReport = openReport;
    this.openReview = openReview;
    this.periodDone = periodDone;
    const yearEndFunctions = {
      openRating: fn('YearEndOpenRating', YearEndHandler.openRating, 'year-end-open-rating'),
      prepareApproval: fn('YearEndPrepareApproval', YearEndHandler.prepareApproval, 'year-end-prepare-approval'),
      noteDecision: fn('YearEndNoteDecision', YearEndHandler.noteDecision, 'year-end-note-decision'),
      publish: fn('YearEndPublish', YearEndHandler.publish, 'year-end-publish'),
    };
    this.yearEndFunctions = yearEndFunctions;
    /** The period machine's task functions (the year end's are `yearEndFunctions`). */
    this.functions = [openReport, openReview, periodDone];
    for (const handler of [...this.functions, ...Object.values(yearEndFunctions)]) props.table.grantReadWriteData(handler);
    props.mail.grantSend(openReport);
    props.mail.grantSend(yearEndFunctions.openRating);
    this.workflow = new AssessmentWorkflow(this, 'Workflow', { openReport, openReview, periodDone });
    grantTaskCallbackOn(openReport, [this.workflow.stateMachine]);
    grantTaskCallbackOn(openReview, [this.workflow.stateMachine]);
    grantStartExecutions(periodDone, props.noticeStateMachine, 'CircularNoticePolicy');
    this.yearEnd = new YearEndWorkflow(this, 'YearEnd', { ...yearEndFunctions, approvalStateMachine: props.approvalStateMachine });
    grantTaskCallbackOn(yearEndFunctions.openRating, [this.yearEnd.stateMachine]);
    grantStartExecutions(yearEndFunctions.publish, props.noticeStateMachine, 'YearEndNoticePolicy');
  }
}
