import { randomUUID } from 'node:crypto';
import { WorkflowExecutionExistsError } from '../../../shared/services/ports';
import { executionArn, machineFromArn, parseExecutionArn, stateMachineArn } from '../step-functions/arns';
import {
  StepFunctionsExecutionNotFoundError, StepFunctionsInvalidNameError, StepFunctionsMachineNotFoundError, TaskTokenClosedError,
} from '../step-functions/errors';
import type { LocalStepFunctions } from '../step-functions/local-step-functions';
import type { ExecutionDescription } from '../step-functions/types';
import { AwsServiceError } from './aws-error';

/**
 * The Step Functions API (JSON 1.0, `X-Amz-Target: AWSStepFunctions.<Operation>`) over the local runner: the
 * operations `functions/adapters/sfn-workflow-control.ts` calls, with the errors Step Functions answers.
 */

type Body = Record<string, unknown>;
type Operation = (runner: LocalStepFunctions, body: Body) => Promise<Body>;

const OPERATIONS: Record<string, Operation> = {
  StartExecution: startExecution,
  DescribeExecution: async (runner, body) => describeAsAws(await runner.describeExecution(executionArnIn(body))),
  StopExecution: async (runner, body) => {
    const arn = executionArnIn(body);
    await runner.stopExecution({ executionArn: arn, cause: optionalString(body, 'cause') ?? '', error: optionalString(body, 'error') });
    const { stopDate } = await runner.describeExecution(arn);
    return { stopDate: epochSeconds(stopDate ?? new Date()) };
  },
  SendTaskSuccess: async (runner, body) => {
    await runner.sendTaskSuccess({ taskToken: requiredString(body, 'taskToken'), output: jsonIn(body, 'output', 'InvalidOutput') });
    return {};
  },
  SendTaskFailure: async (runner, body) => {
    const [error, cause] = [optionalString(body, 'error') ?? '', optionalString(body, 'cause') ?? ''];
    await runner.sendTaskFailure({ taskToken: requiredString(body, 'taskToken'), error, cause });
    return {};
  },
  SendTaskHeartbeat: async (runner, body) => {
    await runner.sendTaskHeartbeat({ taskToken: requiredString(body, 'taskToken') });
    return {};
  },
};

/** Runs `AWSStepFunctions.<operation>`; every refusal is an AwsServiceError shaped as Step Functions answers it. */
export async function callStepFunctions(runner: LocalStepFunctions, operation: string, body: Body): Promise<Body> {
  const run = Object.hasOwn(OPERATIONS, operation) ? OPERATIONS[operation] : undefined;
  if (!run) throw new AwsServiceError('UnknownOperationException', `Operation ${operation} is not served by the local endpoint`);
  try {
    return await run(runner, body);
  } catch (error) {
    throw asAwsError(error);
  }
}

/**
 * As in AWS (Standard workflows), a second start with the same name and the same input while the first is RUNNING
 * answers the first execution; a different input, or a finished execution, is ExecutionAlreadyExists.
 */
async function startExecution(runner: LocalStepFunctions, body: Body): Promise<Body> {
  const machine = machineFromArn(requiredString(body, 'stateMachineArn'));
  const name = optionalString(body, 'name') ?? randomUUID();
  const input = body.input === undefined ? {} : jsonIn(body, 'input', 'InvalidExecutionInput');
  try {
    const started = await runner.startExecution({ stateMachine: machine, name, input });
    const { startDate } = await runner.describeExecution(started.executionArn);
    return { executionArn: started.executionArn, startDate: epochSeconds(startDate) };
  } catch (error) {
    if (!(error instanceof WorkflowExecutionExistsError)) throw error;
    const existing = await runner.describeExecution(executionArn(machine, name));
    if (existing.status !== 'RUNNING' || JSON.stringify(existing.input) !== JSON.stringify(input)) throw error;
    return { executionArn: existing.executionArn, startDate: epochSeconds(existing.startDate) };
  }
}

function describeAsAws(execution: ExecutionDescription): Body {
  return {
    executionArn: execution.executionArn,
    stateMachineArn: stateMachineArn(execution.stateMachine),
    name: execution.name,
    status: execution.status,
    startDate: epochSeconds(execution.startDate),
    ...(execution.stopDate ? { stopDate: epochSeconds(execution.stopDate) } : {}),
    input: JSON.stringify(execution.input ?? null),
    inputDetails: { included: true },
    ...(execution.status === 'SUCCEEDED' ? { output: JSON.stringify(execution.output ?? null), outputDetails: { included: true } } : {}),
    ...(execution.error !== undefined ? { error: execution.error } : {}),
    ...(execution.cause !== undefined ? { cause: execution.cause } : {}),
  };
}

/** The execution ARN of the request, in the runner's form (any region or account names the same execution). */
function executionArnIn(body: Body): string {
  const arn = requiredString(body, 'executionArn');
  const parsed = parseExecutionArn(arn);
  if (!parsed) throw new AwsServiceError('InvalidArn', `Invalid Arn: '${arn}'`);
  return executionArn(parsed.machine, parsed.name);
}

function asAwsError(error: unknown): unknown {
  if (error instanceof AwsServiceError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof WorkflowExecutionExistsError) return new AwsServiceError('ExecutionAlreadyExists', message);
  if (error instanceof StepFunctionsMachineNotFoundError) return new AwsServiceError('StateMachineDoesNotExist', message);
  if (error instanceof StepFunctionsInvalidNameError) return new AwsServiceError('InvalidName', message);
  if (error instanceof StepFunctionsExecutionNotFoundError) return new AwsServiceError('ExecutionDoesNotExist', message);
  if (error instanceof TaskTokenClosedError) {
    return error.reason === 'unknown' ? new AwsServiceError('InvalidToken', 'Invalid Token') : new AwsServiceError('TaskTimedOut', 'Task Timed Out: Provided task does not exist anymore');
  }
  return error;
}

function requiredString(body: Body, field: string): string {
  const value = optionalString(body, field);
  if (!value) throw new AwsServiceError('ValidationException', `1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must not be null`);
  return value;
}

function optionalString(body: Body, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new AwsServiceError('ValidationException', `Value at '${field}' must be a string`);
  return value;
}

/** A field that carries JSON text (`input`, `output`), parsed; not JSON → the operation's own error code. */
function jsonIn(body: Body, field: string, code: string): unknown {
  const text = requiredString(body, field);
  try {
    return JSON.parse(text);
  } catch {
    throw new AwsServiceError(code, `Invalid State Machine Execution ${field}: '${text.slice(0, 80)}'`);
  }
}

function epochSeconds(date: Date): number {
  return date.getTime() / 1000;
}
