import { LOCAL_ARNS } from '../../../../infra/aws/asl';
import { WORKFLOW_METADATA } from '../../../../workflows/standard-machine';
import type { StackTemplate } from './assembly-template';

/** The local twins that stand in for the stack's resources when a template value refers to one. */
export interface LocalTwins {
  tableName: string;
  userPoolId: string;
  userPoolClientId: string;
  /** The host the HTTP API would have (links in mails start with https://<apiId>.execute-api…). */
  apiId: string;
}

export class TemplateValueUnresolvedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateValueUnresolvedError';
  }
}

const PSEUDO: Record<string, string> = { 'AWS::URLSuffix': 'amazonaws.com', 'AWS::Region': 'us-east-1', 'AWS::AccountId': '111111111111', 'AWS::Partition': 'aws' };

/** The value a `Ref` to a resource of the template has here; anything without a twin fails (a test must not guess). */
function refValue(template: StackTemplate, logicalId: string, twins: LocalTwins): string {
  if (logicalId in PSEUDO) return PSEUDO[logicalId];
  const resource = template.Resources[logicalId];
  switch (resource?.Type) {
    case 'AWS::DynamoDB::Table': return twins.tableName;
    case 'AWS::Cognito::UserPool': return twins.userPoolId;
    case 'AWS::Cognito::UserPoolClient': return twins.userPoolClientId;
    case 'AWS::ApiGatewayV2::Api': return twins.apiId;
    case 'AWS::SES::ConfigurationSet': return logicalId;
    case 'AWS::StepFunctions::StateMachine': return LOCAL_ARNS.stateMachine(String(resource.Metadata?.[WORKFLOW_METADATA]));
    default: throw new TemplateValueUnresolvedError(`No local twin for Ref ${logicalId} (${resource?.Type ?? 'not in the template'})`);
  }
}

/** A template value (string or intrinsic) as the function would see it, over the local twins. */
export function resolveTemplateValue(template: StackTemplate, value: unknown, twins: LocalTwins): string {
  if (typeof value === 'string') return value;
  const [[key, argument]] = Object.entries(value as Record<string, unknown>);
  if (key === 'Ref') return refValue(template, String(argument), twins);
  if (key === 'Fn::Join') {
    const [separator, parts] = argument as [string, unknown[]];
    return parts.map((part) => resolveTemplateValue(template, part, twins)).join(separator);
  }
  throw new TemplateValueUnresolvedError(`No local value for ${JSON.stringify(value)}`);
}

/** Environment.Variables of a function, resolved. */
export function resolveEnvironment(template: StackTemplate, variables: Record<string, unknown>, twins: LocalTwins): Record<string, string> {
  return Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, resolveTemplateValue(template, value, twins)]));
}
