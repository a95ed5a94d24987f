import { listUndeliveredCallbacks, markCallbackDelivered, type StoredTask } from '../../store/tasks-repo';
import type { ServiceDeps } from '../deps';
import { WorkflowTaskClosedError } from '../ports';

/**
 * Tells the workflow that a claimed human step is done (SendTaskSuccess). A token the workflow no longer holds
 * ("already decided": TaskTimedOut / InvalidToken) counts as delivered; any other failure leaves the task listed
 * for the scheduler to retry.
 */
export async function deliverTaskCallback(deps: ServiceDeps, task: Pick<StoredTask, 'id' | 'taskToken' | 'output'>): Promise<void> {
  try {
    await deps.workflow.sendTaskSuccess({ taskToken: task.taskToken, output: task.output ?? {} });
  } catch (error) {
    if (!(error instanceof WorkflowTaskClosedError)) throw error;
  }
  await markCallbackDelivered(deps.store, task.id);
}

/** Scheduler: retries callbacks that were claimed more than a minute ago and never delivered. */
export async function retryUndeliveredCallbacks(deps: ServiceDeps): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - 60_000).toISOString();
  const tasks = await listUndeliveredCallbacks(deps.store, before);
  for (const task of tasks) await deliverTaskCallback(deps, task);
  return tasks.length;
}
