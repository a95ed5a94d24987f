import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  CfnStateMachine, DefinitionBody, LogLevel, QueryLanguage, StateMachine, StateMachineType, type IStateMachine,
} from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { StageNo } from '../../shared/domain/development/steps';
import { WORKFLOW_METADATA } from '../notice/notice-workflow';
import { developmentWorkflowName } from './development-states';
import { StageBuilder } from './stage-builder';
import { STAGE_PLANS } from './stage-plans';

export interface DevelopmentTaskFunctions {
  awaitStep: IFunction;
  prepareNotice: IFunction;
  prepareApproval: IFunction;
  recordDecision: IFunction;
  file: IFunction;
  endStage: IFunction;
}

export interface DevelopmentWorkflowProps {
  functions: DevelopmentTaskFunctions;
  notice: IStateMachine;
  approval: IStateMachine;
}

/**
 * Member development (docs/domain/development.md): five Standard state machines, one execution per stage, built from the step plan
 * (stage-plans.ts). The long periods are dates on the case, never Wait states; each stage is well under a year
 * (timeout 300 days). Input: StageInput (shared/services/development/stages.ts). Output: { outcome, nextStage? }.
 */
export class DevelopmentWorkflow extends Construct {
  readonly stateMachines: Record<StageNo, StateMachine>;

  constructor(scope: Construct, id: string, props: DevelopmentWorkflowProps) {
    super(scope, id);
    const machines = {} as Record<StageNo, StateMachine>;
    for (const stage of [1, 2, 3, 4, 5] as const) {
      const stageScope = new Construct(this, `Stage${stage}`);
      const definition = new StageBuilder(stageScope, stage, props).build(STAGE_PLANS[stage]);
      const logGroup = new LogGroup(stageScope, 'Logs', { retention: RetentionDays.SIX_MONTHS, removalPolicy: RemovalPolicy.RETAIN });
      const machine = new StateMachine(stageScope, 'StateMachine', {
        stateMachineType: StateMachineType.STANDARD,
        queryLanguage: QueryLanguage.JSON_PATH,
        definitionBody: DefinitionBody.fromChainable(definition),
        timeout: Duration.days(300),
        tracingEnabled: true,
        logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: false },
      });
      (machine.node.defaultChild as CfnStateMachine).addMetadata(WORKFLOW_METADATA, developmentWorkflowName(stage));
      machines[stage] = machine;
    }
    this.stateMachines = machines;
  }
}
