import type { Store } from '../../../shared/store/store';
import type { RuntimeClock } from '../clock';

/** A local Lambda handler: the event in, the result out; a thrown error's `name` becomes the ASL error. */
export type LocalLambda = (event: unknown) => Promise<unknown>;

/** An ASL (JSONPath) state machine definition, as `cdk synth` produces it once resolved. */
export interface AslDefinition {
  StartAt: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  States: Record<string, any>;
  Comment?: string;
  TimeoutSeconds?: number;
}

export interface LocalStepFunctionsOptions {
  store: Store;
  clock: RuntimeClock;
  /** State machines by name; an execution ARN names its machine. */
  machines: Record<string, AslDefinition>;
  /** Lambda handlers by handler id (the function name in `arn:aws:lambda:local:000000000000:function:<id>`). */
  lambdas: Record<string, LocalLambda>;
  log?: (line: string) => void;
}

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';

export interface ExecutionDescription {
  executionArn: string;
  stateMachine: string;
  name: string;
  status: ExecutionStatus;
  input: unknown;
  output?: unknown;
  error?: string;
  cause?: string;
  /** The top-level state the execution is in (RUNNING only). */
  currentState?: string;
  startDate: Date;
  stopDate?: Date;
  /** Set on executions started by a parent's `states:startExecution` task. */
  parentExecutionArn?: string;
}

export type HistoryEventType =
  | 'ExecutionStarted'
  | 'StateEntered'
  | 'StateExited'
  | 'ExecutionSucceeded'
  | 'ExecutionFailed'
  | 'ExecutionAborted';

export interface ExecutionHistoryEvent {
  /** 1, 2, 3… in order. */
  id: number;
  type: HistoryEventType;
  /** From the runtime clock. */
  timestamp: Date;
  stateName?: string;
  input?: unknown;
  output?: unknown;
  error?: string;
  cause?: string;
}
