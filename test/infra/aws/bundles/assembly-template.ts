import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HANDLER_METADATA } from '../../../../infra/aws/constructs/handler-function';
import { WORKFLOW_METADATA } from '../../../../workflows/standard-machine';
import { STACK_NAME } from './cloud-assembly';

/** What the synthesized template says about the Lambdas and state machines (read from the assembly, never from the CDK objects). */

export interface CfnResourceJson {
  Type: string;
  Properties?: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
}

export interface StackTemplate {
  Resources: Record<string, CfnResourceJson>;
}

export interface BundledFunction {
  logicalId: string;
  handlerId: string;
  /** The esbuild output the function runs (asset folder + Handler's module). */
  modulePath: string;
  /** The export named by Handler (`index.handler` → handler). */
  exportName: string;
  /** Environment.Variables as written in the template (values may be intrinsics). */
  environment: Record<string, unknown>;
  /** Logical id of the execution role. */
  roleLogicalId: string;
}

export interface TemplateStateMachine {
  logicalId: string;
  workflow: string;
  definition: unknown;
  roleLogicalId: string;
}

export function readTemplate(assemblyDir: string): StackTemplate {
  return JSON.parse(readFileSync(join(assemblyDir, `${STACK_NAME}.template.json`), 'utf8')) as StackTemplate;
}

function roleOf(value: unknown, owner: string): string {
  const getAtt = (value as { 'Fn::GetAtt'?: [string, string] } | undefined)?.['Fn::GetAtt'];
  if (!getAtt || getAtt[1] !== 'Arn') throw new Error(`${owner}: its role is not a role of this stack (${JSON.stringify(value)})`);
  return getAtt[0];
}

/** Every function of the stack that runs one of our handlers, with its asset in the assembly. */
export function bundledFunctions(template: StackTemplate, assemblyDir: string): BundledFunction[] {
  return Object.entries(template.Resources)
    .filter(([, resource]) => resource.Type === 'AWS::Lambda::Function' && typeof resource.Metadata?.[HANDLER_METADATA] === 'string')
    .map(([logicalId, resource]) => {
      const properties = resource.Properties ?? {};
      const key = String((properties.Code as { S3Key?: unknown } | undefined)?.S3Key ?? '');
      const [moduleName, exportName] = String(properties.Handler).split('.');
      if (!key.endsWith('.zip') || !moduleName || !exportName) throw new Error(`${logicalId}: no bundled asset or handler in the template`);
      return {
        logicalId,
        handlerId: String(resource.Metadata![HANDLER_METADATA]),
        modulePath: join(assemblyDir, `asset.${key.slice(0, -'.zip'.length)}`, `${moduleName}.mjs`),
        exportName,
        environment: ((properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables) ?? {},
        roleLogicalId: roleOf(properties.Role, logicalId),
      };
    });
}

export function stateMachines(template: StackTemplate): TemplateStateMachine[] {
  return Object.entries(template.Resources)
    .filter(([, resource]) => resource.Type === 'AWS::StepFunctions::StateMachine' && typeof resource.Metadata?.[WORKFLOW_METADATA] === 'string')
    .map(([logicalId, resource]) => ({
      logicalId,
      workflow: String(resource.Metadata![WORKFLOW_METADATA]),
      definition: resource.Properties?.DefinitionString,
      roleLogicalId: roleOf(resource.Properties?.RoleArn, logicalId),
    }));
}
