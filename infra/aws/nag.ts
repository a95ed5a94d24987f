import { Arn, ArnFormat, Stack, Validations, type App } from 'aws-cdk-lib';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import type { StageNo } from '../../shared/domain/development/steps';
import { planUses, STAGE_PLANS } from '../../workflows/development/stage-plans';
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
  const handlers = [...stack.notice.functions, ...stack.approval.functions, ...stack.election.functions, ...stack.transfer.functions, ...stack.evaluation.functions, ...Object.values(stack.development.functions), ...Object.values(stack.web.functions), stack.scheduler.tick, ...stack.assessment.functions, ...Object.values(stack.assessment.yearEndFunctions)];
  const tableIndexes = `${findingReference(stack, stack.data.table.tableArn)}/index/*`;
  for (const handler of handlers) {
    const policy = defaultPolicy(handler.role);
    acknowledge(policy, 'AwsSolutions-IAM5[Resource::*]', NAG_REASONS.lambdaXray);
    acknowledge(policy, `AwsSolutions-IAM5[Resource::${tableIndexes}]`, NAG_REASONS.tableIndexes);
    acknowledge(handler, 'AwsSolutions-L1', NAG_REASONS.runtime);
  }

  for (const process of [stack.notice, stack.approval, stack.election, stack.transfer, stack.assessment, stack.evaluation]) {
    const machinePolicy = defaultPolicy(process.workflow.stateMachine.role);
    acknowledge(machinePolicy, 'AwsSolutions-IAM5[Resource::*]', NAG_REASONS.stateMachineLogsAndXray);
    for (const task of process.functions) {
      const versions = `${findingReference(stack, task.functionArn)}:*`;
      acknowledge(machinePolicy, `AwsSolutions-IAM5[Resource::${versions}]`, NAG_REASONS.taskFunctionVersions);
    }
  }
  // The stage machines of member development: their task functions, and the nested notice and approval executions.
  // The nested-execution grant CDK writes (StepFunctionsStartExecution, RUN_JOB): execution:<machine name>*.
  const nestedArn = (arn: string) => stack.formatArn({
    service: 'states', resource: 'execution', arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    resourceName: `${Arn.split(arn, ArnFormat.COLON_RESOURCE_NAME).resourceName ?? ''}*`,
  });
  const nested = [stack.notice.workflow.stateMachine, stack.approval.workflow.stateMachine].map((m) => findingReference(stack, nestedArn(m.stateMachineArn)));
  stack.development.stateMachines.forEach((stageMachine, index) => {
    const plan = STAGE_PLANS[(index + 1) as StageNo];
    const uses = (kind: 'notice' | 'approval' | 'filing') => planUses(plan, kind);
    const machinePolicy = defaultPolicy(stageMachine.role);
    acknowledge(machinePolicy, 'AwsSolutions-IAM5[Resource::*]', NAG_REASONS.stateMachineLogsAndXray);
    const { awaitStep, endStage, prepareNotice, prepareApproval, recordDecision, file } = stack.development.functions;
    const tasks = [awaitStep, endStage, ...(uses('notice') ? [prepareNotice] : []), ...(uses('approval') ? [prepareApproval, recordDecision] : []), ...(uses('filing') ? [file] : [])];
    for (const task of tasks) acknowledge(machinePolicy, `AwsSolutions-IAM5[Resource::${findingReference(stack, task.functionArn)}:*]`, NAG_REASONS.taskFunctionVersions);
    if (uses('notice')) acknowledge(machinePolicy, `AwsSolutions-IAM5[Resource::${nested[0]}]`, NAG_REASONS.nestedExecutions);
    if (uses('approval')) acknowledge(machinePolicy, `AwsSolutions-IAM5[Resource::${nested[1]}]`, NAG_REASONS.nestedExecutions);
  });
  for (const stageMachine of stack.development.stateMachines) {
    acknowledge(stack.stageControlPolicy, `AwsSolutions-IAM5[Resource::${findingReference(stack, executionArns(stageMachine))}]`, NAG_REASONS.stopStage);
  }
  acknowledge(stack.stopApprovalPolicy, `AwsSolutions-IAM5[Resource::${findingReference(stack, executionArns(stack.approval.workflow.stateMachine))}]`, NAG_REASONS.stopApproval);
  const machine = stack.notice.workflow.stateMachine;
  // The election runs the approval and notice processes as nested executions (startExecution.sync:2).
  const electionPolicy = defaultPolicy(stack.election.workflow.stateMachine.role);
  for (const reference of nested) acknowledge(electionPolicy, `AwsSolutions-IAM5[Resource::${reference}]`, NAG_REASONS.nestedExecutions);
  // So does the evaluation (the grades' approval and their internal notice).
  const evaluationPolicy = defaultPolicy(stack.evaluation.workflow.stateMachine.role);
  for (const reference of nested) acknowledge(evaluationPolicy, `AwsSolutions-IAM5[Resource::${reference}]`, NAG_REASONS.nestedExecutions);
  // The assessment's year end: its task functions, and the committee's approval as a nested execution.
  const yearEndPolicy = defaultPolicy(stack.assessment.yearEnd.stateMachine.role);
  acknowledge(yearEndPolicy, 'AwsSolutions-IAM5[Resource::*]', NAG_REASONS.stateMachineLogsAndXray);
  for (const task of Object.values(stack.assessment.yearEndFunctions)) acknowledge(yearEndPolicy, `AwsSolutions-IAM5[Resource::${findingReference(stack, task.functionArn)}:*]`, NAG_REASONS.taskFunctionVersions);
  acknowledge(yearEndPolicy, `AwsSolutions-IAM5[Resource::${nested[1]}]`, NAG_REASONS.nestedExecutions);

  const executions = findingReference(stack, executionArns(machine));
  acknowledge(stack.web.workflowPolicy, `AwsSolutions-IAM5[Resource::${executions}]`, NAG_REASONS.stopExecution);

  if (!stack.auth.requireMfa) acknowledge(stack.auth.userPool, 'AwsSolutions-COG2', NAG_REASONS.optionalMfa);
  if (!stack.auth.threatProtection) acknowledge(stack.auth.userPool, 'AwsSolutions-COG3', NAG_REASONS.noThreatProtection);

  for (const { route, definition } of stack.web.routes.values()) {
    const reason = definition.path.startsWith('/filings/')
      ? NAG_REASONS.filingLinkRoute
      : definition.handlerId === 'http-public'
      ? NAG_REASONS.publicRoute
      : definition.path.startsWith('/approvals/') ? NAG_REASONS.approvalLinkRoute
        : definition.path === '/staff/sign-in' ? NAG_REASONS.signInRoute
          : definition.path.startsWith('/staff/set-password/') ? NAG_REASONS.passwordLinkRoute : NAG_REASONS.staffRoute;
    acknowledge(route, 'AwsSolutions-APIG4', reason);
  }
}
