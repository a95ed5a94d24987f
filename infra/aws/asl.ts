import { App, CfnResource, Stack } from 'aws-cdk-lib';
import { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { CfnStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { HANDLER_METADATA } from './constructs/handler-function';
import { WORKFLOW_METADATA } from '../../workflows/standard-machine';
import { resolveIntrinsics, type LocalArns } from './intrinsics';
import { buildApp } from './app';

export interface AslDefinition {
  StartAt: string;
  States: Record<string, Record<string, unknown>>;
  Comment?: string;
  TimeoutSeconds?: number;
}

export const LOCAL_ARNS: LocalArns = {
  lambda: (handlerId) => `arn:aws:lambda:local:000000000000:function:${handlerId}`,
  stateMachine: (workflow) => `arn:aws:states:local:000000000000:stateMachine:${workflow}`,
};

function metadataValue(resource: CfnResource, key: string): string | undefined {
  const value: unknown = resource.getMetadata(key);
  return typeof value === 'string' ? value : undefined;
}

/** The ASL of every workflow in a stack, as CDK synthesizes it, with Lambda and state machine ARNs made local. */
export function extractWorkflows(stack: Stack): Record<string, AslDefinition> {
  const handlers = new Map<string, string>();
  const machines = new Map<string, string>();
  const stateMachines: { workflow: string; cfn: CfnStateMachine }[] = [];
  for (const construct of stack.node.findAll()) {
    if (construct instanceof CfnFunction) {
      const handlerId = metadataValue(construct, HANDLER_METADATA);
      if (handlerId) handlers.set(stack.getLogicalId(construct), handlerId);
    }
    if (construct instanceof CfnStateMachine) {
      const workflow = metadataValue(construct, WORKFLOW_METADATA);
      if (workflow) {
        machines.set(stack.getLogicalId(construct), workflow);
        stateMachines.push({ workflow, cfn: construct });
      }
    }
  }
  const workflows: Record<string, AslDefinition> = {};
  for (const { workflow, cfn } of stateMachines) {
    const resolved = resolveIntrinsics(stack.resolve(cfn.definitionString), { handlers, machines, arns: LOCAL_ARNS });
    if (typeof resolved !== 'string') throw new Error(`The definition of workflow ${workflow} did not resolve to a string`);
    workflows[workflow] = JSON.parse(resolved) as AslDefinition;
  }
  return workflows;
}

/** Builds the CDK app without bundling any Lambda and returns its workflows' ASL (local runtime and tests). */
export function synthesizeWorkflows(): Record<string, AslDefinition> {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const { stack } = buildApp(app);
  return extractWorkflows(stack);
}
