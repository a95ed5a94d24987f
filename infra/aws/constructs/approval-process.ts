import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { ApprovalHandler } from '../../../workflows/approval/approval-states';
import { ApprovalWorkflow } from '../../../workflows/approval/approval-workflow';
import { HandlerFunction } from './handler-function';
import type { Mail } from './mail';

export interface ApprovalProcessProps {
  table: ITable;
  mail: Mail;
}

/**
 * The approval state machine with its task Lambda (the stack adds PUBLIC_BASE_URL, known only once the site exists).
 * The task Lambda records the approval and mails the links; it gets
 * no grant on the machine's callbacks: deciding is the approval site's alone.
 */
export class ApprovalProcess extends Construct {
  readonly workflow: ApprovalWorkflow;
  readonly request: HandlerFunction;
  readonly functions: HandlerFunction[];

  constructor(scope: Construct, id: string, props: ApprovalProcessProps) {
    super(scope, id);
    this.request = new HandlerFunction(this, 'RequestDecision', {
      handlerId: ApprovalHandler.request,
      entry: 'functions/approval/request-decision.ts',
      environment: { TABLE_NAME: props.table.tableName },
    });
    this.functions = [this.request];
    props.table.grantReadWriteData(this.request);
    props.mail.grantSend(this.request);
    this.workflow = new ApprovalWorkflow(this, 'Workflow', { request: this.request });
  }
}
