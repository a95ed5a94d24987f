import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  CfnStateMachine, DefinitionBody, LogLevel, QueryLanguage, StateMachine, StateMachineType, type IChainable,
} from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';

/** CloudFormation metadata key naming the workflow a state machine implements (read by infra/aws/asl.ts and the tests). */
export const WORKFLOW_METADATA = 'dangjian:workflow';

export interface StandardMachineProps {
  /** The workflow's name in the metadata, e.g. 'notice' or 'development-stage-1'. */
  workflow: string;
  definition: IChainable;
  /** Every execution ends well within a year; the long periods are dates in the store, never Wait states. */
  timeoutDays: number;
}

/**
 * One Standard state machine as every workflow here builds it: JSONPath, X-Ray tracing, its own log group
 * (all levels, no execution data: inputs hold personal data), and the workflow's name as metadata.
 * Construct ids 'Logs' and 'StateMachine' under `scope`.
 */
export function standardMachine(scope: Construct, props: StandardMachineProps): StateMachine {
  const logGroup = new LogGroup(scope, 'Logs', { retention: RetentionDays.SIX_MONTHS, removalPolicy: RemovalPolicy.RETAIN });
  const machine = new StateMachine(scope, 'StateMachine', {
    stateMachineType: StateMachineType.STANDARD,
    queryLanguage: QueryLanguage.JSON_PATH,
    definitionBody: DefinitionBody.fromChainable(props.definition),
    timeout: Duration.days(props.timeoutDays),
    tracingEnabled: true,
    logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: false },
  });
  (machine.node.defaultChild as CfnStateMachine).addMetadata(WORKFLOW_METADATA, props.workflow);
  return machine;
}
