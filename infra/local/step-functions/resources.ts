/** The Task resources the local runner knows, by the integration they stand for. */
export type ResourceKind =
  | 'lambda-invoke'
  | 'lambda-callback'
  | 'start-execution'
  | 'start-execution-sync'
  | 'start-execution-sync2'
  | 'lambda-arn'
  | 'local-wait'
  | 'unsupported';

/** Resource of a nested Wait state turned into a clock-driven task (see one-state-definition.ts). */
export const LOCAL_WAIT_RESOURCE = 'local:wait';

export function classifyResource(resource: unknown): ResourceKind {
  if (typeof resource !== 'string') return 'unsupported';
  if (resource === LOCAL_WAIT_RESOURCE) return 'local-wait';
  const integration = /^arn:[^:]+:states:::(.+)$/.exec(resource)?.[1];
  switch (integration) {
    case 'lambda:invoke':
      return 'lambda-invoke';
    case 'lambda:invoke.waitForTaskToken':
      return 'lambda-callback';
    case 'states:startExecution':
      return 'start-execution';
    case 'states:startExecution.sync':
      return 'start-execution-sync';
    case 'states:startExecution.sync:2':
      return 'start-execution-sync2';
    default:
      return /^arn:[^:]+:lambda:[^:]*:[^:]*:function:/.test(resource) ? 'lambda-arn' : 'unsupported';
  }
}
