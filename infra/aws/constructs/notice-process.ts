import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { NoticeHandler } from '../../../workflows/notice/notice-states';
import { NoticeWorkflow } from '../../../workflows/notice/notice-workflow';
import { HandlerFunction } from './handler-function';

export interface NoticeProcessProps {
  table: ITable;
}

/** The public-notice state machine with its task Lambdas and their grants. */
export class NoticeProcess extends Construct {
  readonly workflow: NoticeWorkflow;
  readonly publish: HandlerFunction;
  readonly close: HandlerFunction;
  /** The callback task's Lambda: opens the pending step, mails staff, answers a redriven step already decided. */
  readonly awaitOutcomes: HandlerFunction;
  readonly functions: HandlerFunction[];

  constructor(scope: Construct, id: string, props: NoticeProcessProps) {
    super(scope, id);
    const environment = { TABLE_NAME: props.table.tableName };
    const publish = new HandlerFunction(this, 'Publish', {
      handlerId: NoticeHandler.publish,
      entry: 'functions/notice/publish-notice.ts',
      environment,
    });
    const close = new HandlerFunction(this, 'Close', {
      handlerId: NoticeHandler.close,
      entry: 'functions/notice/close-notice.ts',
      environment,
    });
    const awaitOutcomes = new HandlerFunction(this, 'AwaitOutcomes', {
      handlerId: NoticeHandler.awaitOutcomes,
      entry: 'functions/notice/await-objection-outcomes.ts',
      environment,
    });
    this.publish = publish;
    this.close = close;
    this.awaitOutcomes = awaitOutcomes;
    this.functions = [publish, close, awaitOutcomes];
    for (const fn of this.functions) props.table.grantReadWriteData(fn);
    this.workflow = new NoticeWorkflow(this, 'Workflow', { publish, close, awaitOutcomes });
  }
}
