import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { ElectionHandler } from '../../../workflows/election/election-states';
import { ElectionWorkflow } from '../../../workflows/election/election-workflow';
import { HandlerFunction } from './handler-function';
import type { Mail } from './mail';

export interface ElectionProcessProps {
  table: ITable;
  mail: Mail;
  approvalStateMachine: StateMachine;
  noticeStateMachine: StateMachine;
}

/**
 * The election state machine with its task Lambdas and their grants (the stack adds PUBLIC_BASE_URL and the
 * open-step Lambda's SendTaskSuccess grant: asked again for a step already done, it answers the workflow).
 */
export class ElectionProcess extends Construct {
  readonly workflow: ElectionWorkflow;
  readonly openStep: HandlerFunction;
  readonly prepareApproval: HandlerFunction;
  readonly functions: HandlerFunction[];

  constructor(scope: Construct, id: string, props: ElectionProcessProps) {
    super(scope, id);
    const environment = { TABLE_NAME: props.table.tableName };
    const fn = (name: string, handlerId: string, entry: string) => new HandlerFunction(this, name, { handlerId, entry: `functions/election/${entry}.ts`, environment });
    const openStep = fn('OpenStep', ElectionHandler.openStep, 'open-step');
    const prepareApproval = fn('PrepareApproval', ElectionHandler.prepareApproval, 'prepare-approval');
    const noteDecision = fn('NoteDecision', ElectionHandler.noteDecision, 'note-decision');
    const prepareAnnouncement = fn('PrepareAnnouncement', ElectionHandler.prepareAnnouncement, 'prepare-announcement');
    const prepareNotices = fn('PrepareNotices', ElectionHandler.prepareNotices, 'prepare-notices');
    const noteNotices = fn('NoteNotices', ElectionHandler.noteNotices, 'note-notices');
    const recordResults = fn('RecordResults', ElectionHandler.recordResults, 'record-results');
    this.openStep = openStep;
    this.prepareApproval = prepareApproval;
    this.functions = [openStep, prepareApproval, noteDecision, prepareAnnouncement, prepareNotices, noteNotices, recordResults];
    for (const handler of this.functions) props.table.grantReadWriteData(handler);
    props.mail.grantSend(openStep);
    this.workflow = new ElectionWorkflow(this, 'Workflow', {
      openStep, prepareApproval, noteDecision, prepareAnnouncement, prepareNotices, noteNotices, recordResults,
      approvalStateMachine: props.approvalStateMachine,
      noticeStateMachine: props.noticeStateMachine,
    });
  }
}
