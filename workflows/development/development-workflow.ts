import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { StateMachine, type IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { StageNo } from '../../shared/domain/development/steps';
import { standardMachine } from '../standard-machine';
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
      machines[stage] = standardMachine(stageScope, { workflow: developmentWorkflowName(stage), definition, timeoutDays: 300 });
    }
    this.stateMachines = machines;
  }
}
