import type { ApprovalRequest } from '../../domain/approval/approval';
import { approvalRequestSchema } from '../../schemas/approval';
import type { ServiceDeps } from '../deps';

/** The approval's execution name: a second start for the same approval is refused. */
export const approvalExecutionName = (approvalId: string) => `approval-${approvalId}`;

/**
 * Starts the approval process on its own (parents run it as a nested execution with the same name and input).
 * Throws WorkflowExecutionExistsError when it was already started.
 */
export async function startApprovalProcess(deps: ServiceDeps, approval: ApprovalRequest): Promise<{ executionArn: string }> {
  const checked = approvalRequestSchema.parse(approval);
  return deps.workflow.startExecution({ stateMachine: 'approval', name: approvalExecutionName(checked.approvalId), input: { approval: checked } });
}
