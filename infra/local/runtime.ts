import { randomBytes } from 'node:crypto';
import type { ServiceDeps } from '../../shared/services/deps';
import type { Mailer, WorkflowControl } from '../../shared/services/ports';
import type { Store } from '../../shared/store/store';
import { synthesizeWorkflows } from '../aws/asl';
import type { RuntimeClock } from './clock';
import { localLambdas } from './lambdas';
import { LocalScheduler } from './scheduler';
import { LocalStepFunctions } from './step-functions/local-step-functions';
import type { LocalLambda } from './step-functions/types';

export interface LocalRuntimeOptions {
  store: Store;
  clock: RuntimeClock;
  mailer: Mailer;
  publicBaseUrl: string;
  /** Scheduler period in virtual ms (default 15 minutes); 0 turns the scheduler off. */
  schedulerIntervalMs?: number;
  log?: (line: string) => void;
  /** Where the runner keeps its executions and task tokens (default `store`); benchmarks give it a handle of its own. */
  runnerStore?: Store;
  /** Told of each task handler invocation (benchmarks count them). */
  onLambdaInvoke?: (handlerId: string) => void;
}

export interface LocalRuntime {
  deps: ServiceDeps;
  stepFunctions: LocalStepFunctions;
  scheduler: LocalScheduler;
  /** Resumes every open execution and starts the scheduler. */
  start(): Promise<void>;
  /** Stops driving executions and the scheduler, leaving stored state as it is. */
  shutdown(): Promise<void>;
}

/**
 * The system on this machine: the same handlers and the same synthesized ASL as in AWS, over DynamoDB Local,
 * the durable Step Functions runner, the runtime clock, an outbox and the scheduler emulation.
 */
export function createLocalRuntime(options: LocalRuntimeOptions): LocalRuntime {
  const deps: ServiceDeps = {
    store: options.store,
    clock: options.clock,
    // The runner needs the handlers and the handlers need the runner: bound right below.
    workflow: undefined as unknown as WorkflowControl,
    mailer: options.mailer,
    newId: () => randomBytes(16).toString('base64url'),
    publicBaseUrl: options.publicBaseUrl,
  };
  const lambdas = counted(localLambdas(deps), options.onLambdaInvoke);
  const stepFunctions = new LocalStepFunctions({
    store: options.runnerStore ?? options.store,
    clock: options.clock,
    machines: synthesizeWorkflows(),
    lambdas,
    log: options.log,
  });
  deps.workflow = stepFunctions;
  const scheduler = new LocalScheduler({
    clock: options.clock,
    intervalMs: options.schedulerIntervalMs || 15 * 60_000,
    target: () => lambdas['scheduler-tick']({}),
    log: options.log,
  });
  return {
    deps,
    stepFunctions,
    scheduler,
    async start() {
      await stepFunctions.start();
      if (options.schedulerIntervalMs !== 0) scheduler.start();
    },
    async shutdown() {
      await scheduler.stop();
      await stepFunctions.shutdown();
    },
  };
}

function counted(lambdas: Record<string, LocalLambda>, onInvoke?: (handlerId: string) => void): Record<string, LocalLambda> {
  if (!onInvoke) return lambdas;
  return Object.fromEntries(
    Object.entries(lambdas).map(([handlerId, lambda]) => [handlerId, (event: unknown) => (onInvoke(handlerId), lambda(event))]),
  );
}
