/**
 * Ports: what the services need from the outside world. Adapters live in infra/ (local runtime)
 * and functions/ (AWS). Services never read process.env or the system clock directly.
 */

/** The time source. The local runtime's clock can run fast or jump; tests drive it by hand. */
export interface Clock {
  now(): Date;
}

export interface OutgoingMail {
  to: string[];
  subject: string;
  text: string;
  html?: string;
}

/** SES in AWS, the outbox locally. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

/** Step Functions' control plane, as the services use it. */
export interface WorkflowControl {
  /** Starts an execution; a second start with the same name is refused with WorkflowExecutionExistsError. */
  startExecution(request: { stateMachine: WorkflowName; name: string; input: unknown }): Promise<{ executionArn: string }>;
  /** Completes a callback task; a closed or unknown token gives WorkflowTaskClosedError. */
  sendTaskSuccess(request: { taskToken: string; output: unknown }): Promise<void>;
  sendTaskFailure(request: { taskToken: string; error: string; cause: string }): Promise<void>;
  stopExecution(request: { executionArn: string; cause: string }): Promise<void>;
  /** The ARN of the execution named `name` of a state machine (names are deterministic, e.g. a case's stage). */
  executionArnOf(request: { stateMachine: WorkflowName; name: string }): string;
}

/** Logical names of the state machines (resolved to ARNs in AWS by environment, to ASL locally). */
export type WorkflowName = 'notice' | 'approval' | 'election' | 'transfer' | 'assessment' | 'assessment-year-end' | 'evaluation' | DevelopmentWorkflowName;

/** The five stage machines of member development (docs/domain/development.md), one execution per stage. */
export type DevelopmentWorkflowName = 'development-stage-1' | 'development-stage-2' | 'development-stage-3' | 'development-stage-4' | 'development-stage-5';

export class WorkflowTaskClosedError extends Error {
  constructor(message = 'The task is no longer open', options?: ErrorOptions) {
    super(message, options);
    this.name = 'WorkflowTaskClosedError';
  }
}

export class WorkflowExecutionExistsError extends Error {
  constructor(message = 'An execution with this name already exists', options?: ErrorOptions) {
    super(message, options);
    this.name = 'WorkflowExecutionExistsError';
  }
}
