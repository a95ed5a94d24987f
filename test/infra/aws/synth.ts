import { App, CfnResource, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { buildApp } from '../../../infra/aws/app';
import type { DangjianStack } from '../../../infra/aws/dangjian-stack';
import { applyNag } from '../../../infra/aws/nag';

export interface Synthesized {
  app: App;
  stack: DangjianStack;
  template: Template;
}

/** The CDK app as `cdk synth` builds it (cdk-nag included), without bundling any Lambda. */
export function synthesize(context: Record<string, unknown> = {}, options: { nag?: boolean } = {}): Synthesized {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
  const { stack } = buildApp(app);
  if (options.nag !== false) applyNag(app);
  return { app, stack, template: Template.fromStack(stack) };
}

/** Logical id of a construct's CloudFormation resource (the construct itself or its default child). */
export function logicalId(stack: Stack, construct: IConstruct): string {
  const resource = CfnResource.isCfnResource(construct) ? construct : construct.node.defaultChild;
  if (!resource || !CfnResource.isCfnResource(resource)) throw new Error(`${construct.node.path} has no CloudFormation resource`);
  return stack.getLogicalId(resource);
}

export interface PolicyStatementJson {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, unknown>;
}

export interface PolicyResource {
  logicalId: string;
  roles: unknown[];
  statements: PolicyStatementJson[];
}

const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

export function actionsOf(statement: PolicyStatementJson): string[] {
  return asArray(statement.Action);
}

export function resourcesOf(statement: PolicyStatementJson): unknown[] {
  return asArray(statement.Resource);
}

/** Every AWS::IAM::Policy of the template, with its roles and statements. */
export function policies(template: Template): PolicyResource[] {
  const found = template.findResources('AWS::IAM::Policy') as Record<string, { Properties: { Roles: unknown[]; PolicyDocument: { Statement: PolicyStatementJson[] } } }>;
  return Object.entries(found).map(([id, resource]) => ({
    logicalId: id,
    roles: resource.Properties.Roles,
    statements: resource.Properties.PolicyDocument.Statement,
  }));
}

/** The statements of the policies attached to one role. */
export function statementsOfRole(template: Template, stack: Stack, role: IConstruct): PolicyStatementJson[] {
  const ref = { Ref: logicalId(stack, role) };
  return policies(template)
    .filter((policy) => policy.roles.some((r) => JSON.stringify(r) === JSON.stringify(ref)))
    .flatMap((policy) => policy.statements);
}
