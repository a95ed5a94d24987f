import { Stack, Token, Validations, type App } from 'aws-cdk-lib';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { CfnStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { executionArns } from './constructs/workflow-grants';
import { DangjianStack } from './dangjian-stack';
import { NAG_REASONS } from './nag-reasons';

/**
 * Runs cdk-nag's AwsSolutions checks on every `cdk synth` (cdk-nag 3 is a CDK validation plugin:
 * an unacknowledged error fails the synthesis) and acknowledges, finding by finding, what
 * remains, each with its reason (nag-reasons.ts).
 */
export function applyNag(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  for (const child of app.node.children) {
    if (child instanceof DangjianStack) acknowledgeFindings(child);
  }
}

function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/** A resource reference as cdk-nag names it in a finding: `<LogicalId.Attribute>`, joins flattened. */
export function findingReference(stack: Stack, token: string): string {
  const flatten = (node: unknown): string => {
    if (typeof node === 'string') return node;
    const value = node as Record<string, unknown>;
    if (Array.isArray(value['Fn::Join'])) {
      const [separator, parts] = value['Fn::Join'] as [string, unknown[]];
      return parts.map(flatten).join(separator);
    }
    if (Array.isArray(value['Fn::GetAtt'])) return `<${(value['Fn::GetAtt'] as string[]).join('.')}>`;
    if (value.Ref !== undefined) return `<${String(value.Ref)}>`;
    return JSON.stringify(node);
  };
  return flatten(stack.resolve(token));
}

function defaultPolicy(role: IRole | undefined): IConstruct {
  const policy = role?.node.tryFindChild('DefaultPolicy');
  if (!policy) throw new Error(`${role?.node.path ?? 'A function'} has no default policy to acknowledge findings on`);
  return policy;
}

/** Acknowledges the findings that remain in the stack by design. */
export function acknowledgeFindings(stack: DangjianStack): void {
  const handlers = [...stack.notice.functions, ...stack.approval.functions, ...stack.election.functions, ...Object.values(stack.web.functions), stack.scheduler.tick];
  const tableIndexes = `${findingReference(stack, stack.data.table.tableArn)}/index/*`;
  for (const handler of handlers) {
    const policy = defaultPolicy(handler.role);
    acknowledge(policy, 'AwsSolutions-IAM5[Resource::*]', NAG_REASONS.lambdaXray);
    acknowledge(policy, `AwsSolutions-IAM5[Resource::${tableIndexes}]`, NAG_REASONS.tableIndexes);
    acknowledge(handler, 'AwsSolutions-L1', NAG_REASONS.runtime);
  }

  for (const process of [stack.notice, stack.approval, stack.election]) {
    const machinePolicy = defaultPolicy(process.workflow.stateMachine.role);
    acknowledge(machinePolicy, 'AwsSolutions-IAM5[Resource::*]', NAG_REASONS.stateMachineLogsAndXray);
    for (const task of process.functions) {
      const versions = `${findingReference(stack, task.functionArn)}:*`;
      acknowledge(machinePolicy, `AwsSolutions-IAM5[Resource::${versions}]`, NAG_REASONS.taskFunctionVersions);
    }
  }
  const machine = stack.notice.workflow.stateMachine;
  // The election runs the approval and notice processes as nested executions (startExecution.sync:2).
  const electionPolicy = defaultPolicy(stack.election.workflow.stateMachine.role);
  for (const child of [stack.approval.workflow.stateMachine, machine]) {
    // As the StepFunctionsStartExecution task's grant writes it: the machine's name split out of its ARN, then "*".
    const name = JSON.stringify({ 'Fn::Select': [6, { 'Fn::Split': [':', { Ref: stack.getLogicalId(child.node.defaultChild as CfnStateMachine) }] }] });
    const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
    const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
    const executions = `arn:<AWS::Partition>:states:${region}:${account}:execution:${name}*`;
    acknowledge(electionPolicy, `AwsSolutions-IAM5[Resource::${executions}]`, NAG_REASONS.nestedExecutions);
  }

  const executions = findingReference(stack, executionArns(machine));
  acknowledge(stack.web.workflowPolicy, `AwsSolutions-IAM5[Resource::${executions}]`, NAG_REASONS.stopExecution);

  acknowledge(stack.auth.userPool, 'AwsSolutions-COG2', NAG_REASONS.optionalMfa);

  for (const { route, definition } of stack.web.routes.values()) {
    const reason = definition.handlerId === 'http-public'
      ? NAG_REASONS.publicRoute
      : definition.path.startsWith('/approvals/') ? NAG_REASONS.approvalLinkRoute
        : definition.path === '/staff/sign-in' ? NAG_REASONS.signInRoute : NAG_REASONS.staffRoute;
    acknowledge(route, 'AwsSolutions-APIG4', reason);
  }
}
