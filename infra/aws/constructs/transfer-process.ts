import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { TransferHandler } from '../../../workflows/transfer/transfer-states';
import { TransferWorkflow } from '../../../workflows/transfer/transfer-workflow';
import { HandlerFunction } from './handler-function';
import type { Mail } from './mail';

export interface TransferProcessProps {
  table: ITable;
  mail: Mail;
}

/**
 * The transfer state machine with its open-step Lambda (the stack adds PUBLIC_BASE_URL and its SendTaskSuccess grant:
 * asked again for a step already done, it answers the workflow).
 */
export class TransferProcess extends Construct {
  readonly workflow: TransferWorkflow;
  readonly openStep: HandlerFunction;
  readonly functions: HandlerFunction[];

  constructor(scope: Construct, id: string, props: TransferProcessProps) {
    super(scope, id);
    this.openStep = new HandlerFunction(this, 'OpenStep', { handlerId: TransferHandler.openStep, entry: 'functions/transfer/open-step.ts', environment: { TABLE_NAME: props.table.tableName } });
    this.functions = [this.openStep];
    props.table.grantReadWriteData(this.openStep);
    props.mail.grantSend(this.openStep);
    this.workflow = new TransferWorkflow(this, 'Workflow', { openStep: this.openStep });
  }
}
