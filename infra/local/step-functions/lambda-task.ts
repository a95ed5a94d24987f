import { lambdaHandlerId } from './arns';
import { AslTaskError } from './errors';
import type { StepEnv } from './step-env';

/** Calls a local Lambda as the service would: JSON in, JSON out, a thrown error named by its `name`. */
export async function invokeLocalLambda(env: StepEnv, functionName: unknown, payload: unknown): Promise<unknown> {
  if (typeof functionName !== 'string') throw new AslTaskError('Lambda.InvalidParameterValueException', 'FunctionName must be a string');
  const id = lambdaHandlerId(functionName);
  const handler = env.services.lambdas[id];
  if (!handler) throw new AslTaskError('Lambda.ResourceNotFoundException', `Function not found: ${functionName}`);
  let result: unknown;
  try {
    result = await handler(wire(payload));
  } catch (error) {
    const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
    throw new AslTaskError(name || 'Error', message, { cause: error });
  }
  return wire(result);
}

/** `arn:aws:states:::lambda:invoke`: the integration's response around the function's result. */
export async function runLambdaInvoke(env: StepEnv, parameters: unknown): Promise<unknown> {
  const { FunctionName, Payload } = (parameters ?? {}) as { FunctionName?: unknown; Payload?: unknown };
  const result = await invokeLocalLambda(env, FunctionName, Payload);
  return { Payload: result, StatusCode: 200, ExecutedVersion: '$LATEST' };
}

/** A JSON round trip, as across the wire (`undefined` becomes null). */
function wire(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
