import type { RuntimeClock } from '../clock';
import type { ExecutionActivity } from './activity';
import type { ExecutionRecord } from './execution-record';
import type { KeyedSignals } from './keyed-signals';
import type { RetryPacer } from './retry-pacer';
import type { TokenRepository, TokenResult } from './token-repository';
import type { LocalLambda } from './types';

/** What task handlers need from the runner. */
export interface RunnerServices {
  clock: RuntimeClock;
  lambdas: Record<string, LocalLambda>;
  tokens: TokenRepository;
  /** Notified when a task token is completed in this process. */
  tokenSignals: KeyedSignals<TokenResult>;
  /** Notified with the final record when an execution leaves RUNNING in this process. */
  executionSignals: KeyedSignals<ExecutionRecord>;
  /** Starts (and drives) a child execution; an existing child of the same parent is returned as it is. */
  startChild(request: { machine: string; name: string; input: unknown; parentExecutionArn: string }): Promise<ExecutionRecord>;
  getExecution(executionArn: string): Promise<ExecutionRecord | undefined>;
  /** Stops a child whose parent was stopped. */
  stopChild(executionArn: string, cause: string): void;
  log(line: string): void;
}

/** One run of one top-level state of one execution. */
export interface StepEnv {
  executionArn: string;
  executionName: string;
  stepCount: number;
  /** Aborted with an AbortReason when the execution is stopped or the runner shuts down. */
  signal: AbortSignal;
  activity: ExecutionActivity;
  pacer: RetryPacer;
  /** Runs of each task state so far in this step (Retry makes several). */
  attempts: Map<string, number>;
  services: RunnerServices;
}
