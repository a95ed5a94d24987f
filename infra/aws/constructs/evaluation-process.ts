import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { EvaluationHandler } from '../../../workflows/evaluation/evaluation-states';
import { EvaluationWorkflow } from '../../../workflows/evaluation/evaluation-workflow';
import { HandlerFunction } from './handler-function';
import type { Mail } from './mail';

export interface EvaluationProcessProps {
  table: ITable;
  mail: Mail;
  approvalStateMachine: StateMachine;
  noticeStateMachine: StateMachine;
}

/**
 * The evaluation state machine (民主评议党员) with its task Lambdas and their grants (the stack adds PUBLIC_BASE_URL and
 * the open-step Lambda's SendTaskSuccess grant, as for the election).
 */
export class EvaluationProcess extends Construct {
  readonly workflow: EvaluationWorkflow;
  readonly openStep: HandlerFunction;
  readonly prepareApproval: HandlerFunction;
  readonly recordGrades: HandlerFunction;
  readonly functions: HandlerFunction[];

  constructor(scope: Construct, id: string, props: EvaluationProcessProps) {
    super(scope, id);
    const environment = { TABLE_NAME: props.table.tableName };
    const fn = (name: string, handlerId: string, entry: string) => new HandlerFunction(this, name, { handlerId, entry: `functions/evaluation/${entry}.ts`, environment });
    const openStep = fn('OpenStep', EvaluationHandler.openStep, 'open-step');
    const prepareApproval = fn('PrepareApproval', EvaluationHandler.prepareApproval, 'prepare-approval');
    const noteDecision = fn('NoteDecision', EvaluationHandler.noteDecision, 'note-decision');
    const prepareNotice = fn('PrepareNotice', EvaluationHandler.prepareNotice, 'prepare-notice');
    const recordGrades = fn('RecordGrades', EvaluationHandler.recordGrades, 'record-grades');
    this.openStep = openStep;
    this.prepareApproval = prepareApproval;
    this.recordGrades = recordGrades;
    this.functions = [openStep, prepareApproval, noteDecision, prepareNotice, recordGrades];
    for (const handler of this.functions) props.table.grantReadWriteData(handler);
    props.mail.grantSend(openStep);
    props.mail.grantSend(recordGrades); // a probationary 不合格 pointed to the development case
    this.workflow = new EvaluationWorkflow(this, 'Workflow', {
      openStep, prepareApproval, noteDecision, prepareNotice, recordGrades,
      approvalStateMachine: props.approvalStateMachine,
      noticeStateMachine: props.noticeStateMachine,
    });
  }
}
