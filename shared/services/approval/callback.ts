import { listUndeliveredApprovals, markApprovalCallbackDelivered, type StoredApproval } from '../../store/approvals-repo';
import type { ServiceDeps } from '../deps';
import { WorkflowTaskClosedError } from '../ports';

/**
 * Tells the workflow the resolution of an approval (SendTaskSuccess). A token the workflow no longer holds (the task
 * timed out, the execution was stopped) counts as delivered: "already decided". Any other failure leaves the approval
 * listed for the scheduler to retry.
 */
export async function deliverApprovalCallback(deps: ServiceDeps, approval: Pick<StoredApproval, 'id' | 'taskToken' | 'resolution'>): Promise<void> {
  if (!approval.resolution) return;
  try {
    await deps.workflow.sendTaskSuccess({ taskToken: approval.taskToken, output: approval.resolution });
  } catch (error) {
    if (!(error instanceof WorkflowTaskClosedError)) throw error;
  }
  await markApprovalCallbackDelivered(deps.store, approval.id);
}

/** Scheduler: resolutions claimed more than a minute ago whose workflow was never told. */
export async function retryUndeliveredApprovalCallbacks(deps: ServiceDeps): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - 60_000).toISOString();
  const approvals = await listUndeliveredApprovals(deps.store, before);
  let delivered = 0;
  for (const approval of approvals) {
    try {
      await deliverApprovalCallback(deps, approval);
      delivered++;
    } catch {
      // Left listed: the next tick tries again (the message never carries the token).
    }
  }
  return delivered;
}
