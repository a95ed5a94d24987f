import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { StageNo } from '../../../shared/domain/development/steps';
import { DevelopmentHandler } from '../../../workflows/development/development-states';
import { DevelopmentWorkflow, type DevelopmentTaskFunctions } from '../../../workflows/development/development-workflow';
import { HandlerFunction } from './handler-function';
import type { Mail } from './mail';

export interface DevelopmentProcessProps {
  table: ITable;
  mail: Mail;
  notice: StateMachine;
  approval: StateMachine;
}

const ENTRIES: Record<keyof DevelopmentTaskFunctions, { id: string; handlerId: string; entry: string }> = {
  awaitStep: { id: 'AwaitStep', handlerId: DevelopmentHandler.awaitStep, entry: 'functions/development/await-step.ts' },
  prepareNotice: { id: 'PrepareNotice', handlerId: DevelopmentHandler.prepareNotice, entry: 'functions/development/prepare-notice.ts' },
  prepareApproval: { id: 'PrepareApproval', handlerId: DevelopmentHandler.prepareApproval, entry: 'functions/development/prepare-approval.ts' },
  recordDecision: { id: 'RecordDecision', handlerId: DevelopmentHandler.recordDecision, entry: 'functions/development/record-decision.ts' },
  file: { id: 'File', handlerId: DevelopmentHandler.file, entry: 'functions/development/file.ts' },
  endStage: { id: 'EndStage', handlerId: DevelopmentHandler.endStage, entry: 'functions/development/end-stage.ts' },
};

/**
 * Member development: the five stage machines with their task Lambdas and grants. The stage machines run the notice
 * and approval machines as nested executions (CDK grants StartExecution, DescribeExecution and StopExecution on them).
 * The stack adds PUBLIC_BASE_URL to the functions that mail, and the callback grant of AwaitStep.
 */
export class DevelopmentProcess extends Construct {
  readonly workflow: DevelopmentWorkflow;
  readonly functions: Record<keyof DevelopmentTaskFunctions, HandlerFunction>;
  readonly stateMachines: StateMachine[];

  constructor(scope: Construct, id: string, props: DevelopmentProcessProps) {
    super(scope, id);
    const environment = { TABLE_NAME: props.table.tableName };
    this.functions = Object.fromEntries(
      Object.entries(ENTRIES).map(([key, { id: constructId, handlerId, entry }]) => [key, new HandlerFunction(this, constructId, { handlerId, entry, environment })]),
    ) as Record<keyof DevelopmentTaskFunctions, HandlerFunction>;
    for (const fn of Object.values(this.functions)) props.table.grantReadWriteData(fn);
    props.mail.grantSend(this.functions.awaitStep);
    props.mail.grantSend(this.functions.file);
    this.workflow = new DevelopmentWorkflow(this, 'Workflow', { functions: this.functions, notice: props.notice, approval: props.approval });
    this.stateMachines = ([1, 2, 3, 4, 5] as StageNo[]).map((stage) => this.workflow.stateMachines[stage]);
  }
}
