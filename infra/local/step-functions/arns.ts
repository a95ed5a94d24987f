import { createHash } from 'node:crypto';
import { StepFunctionsInvalidNameError } from './errors';

/** ARNs and names of the local runtime (account 000000000000, region "local"). */
const PREFIX = 'arn:aws:states:local:000000000000';

export function stateMachineArn(machine: string): string {
  return `${PREFIX}:stateMachine:${machine}`;
}

export function executionArn(machine: string, name: string): string {
  return `${PREFIX}:execution:${machine}:${name}`;
}

/** `{ machine, name }` of an execution ARN, or undefined when it is not one. */
export function parseExecutionArn(arn: string): { machine: string; name: string } | undefined {
  const match = /^arn:[^:]+:states:[^:]*:[^:]*:execution:([^:]+):([^:]+)$/.exec(arn);
  return match ? { machine: match[1], name: match[2] } : undefined;
}

/** The machine named by a state machine ARN (a version or alias suffix is ignored), or the bare name. */
export function machineFromArn(arnOrName: string): string {
  const match = /^arn:[^:]+:states:[^:]*:[^:]*:stateMachine:([^:]+)(:.*)?$/.exec(arnOrName);
  return match ? match[1] : arnOrName;
}

/** The handler id of a Lambda function ARN or name (a qualifier such as `:$LATEST` is ignored). */
export function lambdaHandlerId(functionName: string): string {
  const match = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)(:.*)?$/.exec(functionName);
  if (match) return match[1];
  return functionName.split(':')[0];
}

const INVALID_NAME = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/;

/** Execution names follow AWS: 1–80 characters, none of whitespace, brackets, wildcards, punctuation. */
export function assertExecutionName(name: string): void {
  if (typeof name !== 'string' || name.length < 1 || name.length > 80 || INVALID_NAME.test(name)) {
    throw new StepFunctionsInvalidNameError(`Invalid execution name: ${JSON.stringify(name)}`);
  }
}

function digest(...parts: (string | number)[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('base64url');
}

/**
 * The task token of a callback task: derived from where it is issued, so a resumed step issues the
 * same token as before the restart. `attempt` counts the state's runs within the step (Retry).
 */
export function taskToken(execution: string, state: string, stepCount: number, attempt: number): string {
  return digest('task-token', execution, state, stepCount, attempt);
}

/** The name of a child execution started without an explicit Name: stable across a resume. */
export function childExecutionName(parentName: string, state: string, stepCount: number, attempt: number): string {
  const hash = digest('child', parentName, state, stepCount, attempt).replace(/[^A-Za-z0-9]/g, '').slice(0, 16);
  return `${parentName.slice(0, 60)}-${hash}`;
}
