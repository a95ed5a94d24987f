import type { StackTemplate } from './assembly-template';
import type { ObservedCall } from './recording-proxy';

/** Compares the AWS calls observed in a run with the IAM policies the template attaches to each role. */

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** The Allow statements of every policy attached to a role (by the role's logical id). */
export function statementsOfRole(template: StackTemplate, roleLogicalId: string): Statement[] {
  return Object.values(template.Resources)
    .filter((resource) => resource.Type === 'AWS::IAM::Policy')
    .filter((resource) => (resource.Properties?.Roles as unknown[]).some((role) => JSON.stringify(role) === JSON.stringify({ Ref: roleLogicalId })))
    .flatMap((resource) => (resource.Properties!.PolicyDocument as { Statement: Statement[] }).Statement)
    .filter((statement) => statement.Effect === 'Allow');
}

function actionMatches(granted: string, action: string): boolean {
  if (granted === '*' || granted === action) return true;
  if (!granted.includes('*')) return false;
  return new RegExp(`^${granted.split('*').map((part) => part.replace(/[.?+^$()[\]{}|\\]/g, '\\$&')).join('.*')}$`, 'i').test(action);
}

/** Whether a statement's resources name the given logical id (Ref, GetAtt, or inside a Join), or are `*`. */
function coversResource(statement: Statement, logicalId: string | undefined): boolean {
  if (logicalId === undefined) return true;
  return asArray(statement.Resource).some((resource) => resource === '*' || JSON.stringify(resource).includes(`"${logicalId}"`));
}

/** One needed permission: an action, on a resource of the stack when the request names one we can map. */
export interface NeededGrant {
  principal: string;
  roleLogicalId: string;
  action: string;
  resourceLogicalId?: string;
}

export function isGranted(template: StackTemplate, needed: NeededGrant): boolean {
  return statementsOfRole(template, needed.roleLogicalId).some((statement) =>
    asArray(statement.Action).some((granted) => actionMatches(granted, needed.action)) && coversResource(statement, needed.resourceLogicalId));
}

/** The grants a role has that no observed call used (Lambda's own logs and X-Ray traces aside). */
export function unusedActions(template: StackTemplate, roleLogicalId: string, used: ReadonlySet<string>): string[] {
  const granted = new Set(statementsOfRole(template, roleLogicalId).flatMap((statement) => asArray(statement.Action)));
  return [...granted].filter((action) => !/^(logs|xray):/.test(action) && ![...used].some((u) => actionMatches(action, u))).sort();
}

/** Maps the resource named in an observed call to the logical id of the stack's resource it stands for. */
export type ResourceMapper = (call: ObservedCall) => string | undefined;

/** Cognito operations the SDK sends unsigned (the user's own session or password): no IAM grant is involved. */
export const UNSIGNED_COGNITO_ACTIONS: ReadonlySet<string> = new Set([
  'InitiateAuth', 'RespondToAuthChallenge', 'AssociateSoftwareToken', 'VerifySoftwareToken', 'ForgotPassword', 'ConfirmForgotPassword',
  'ChangePassword', 'GetUser', 'GlobalSignOut', 'RevokeToken',
].map((operation) => `cognito-idp:${operation}`));
