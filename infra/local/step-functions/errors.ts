/** Errors of the local Step Functions runner. */
import { WorkflowTaskClosedError } from '../../../shared/services/ports';

export class StepFunctionsExecutionNotFoundError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StepFunctionsExecutionNotFoundError';
  }
}

export class StepFunctionsMachineNotFoundError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StepFunctionsMachineNotFoundError';
  }
}

export class StepFunctionsInvalidNameError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StepFunctionsInvalidNameError';
  }
}

export class StepFunctionsRunnerClosedError extends Error {
  constructor(message = 'The local Step Functions runner has been shut down', options?: ErrorOptions) {
    super(message, options);
    this.name = 'StepFunctionsRunnerClosedError';
  }
}

export class StepFunctionsDefinitionError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StepFunctionsDefinitionError';
  }
}

/** A concurrent writer changed the execution (stopped it, or another runner drives it). */
export class StepFunctionsConflictError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StepFunctionsConflictError';
  }
}

/**
 * An error as the state machine sees it: `name` is the ASL error name (matched by Retry/Catch),
 * `message` its cause.
 */
export class AslTaskError extends Error {
  constructor(errorName: string, cause: string, options?: ErrorOptions) {
    super(cause, options);
    this.name = errorName;
  }
}

/** A non-recoverable runtime error (States.Runtime): never retried nor caught, like in AWS. */
export class AslRuntimeError extends Error {
  readonly isRetryable = false;
  readonly isCatchable = false;
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'States.Runtime';
  }
}

/** The step was abandoned (execution stopped, or runner shut down): neither retried nor caught. */
export class StepAbortedError extends Error {
  readonly isRetryable = false;
  readonly isCatchable = false;
  constructor(message = 'The step was abandoned', options?: ErrorOptions) {
    super(message, options);
    this.name = 'StepAbortedError';
  }
}

/**
 * A task token that is not waiting: `unknown` (never issued here) or `closed` (completed, failed or timed out).
 * Step Functions answers the first with InvalidToken and the second with TaskTimedOut.
 */
export class TaskTokenClosedError extends WorkflowTaskClosedError {
  constructor(
    readonly reason: 'unknown' | 'closed',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
