import { computePeriodEnd } from '../../domain/calendar';
import { stepAttempt, TRANSFER_STEP_LABELS, transferTaskId, type Transfer, type TransferStepKey } from '../../domain/transfer/transfer';
import { loadCalendar } from '../../store/calendar-repo';
import { claimTask, getTask, type StoredTask } from '../../store/tasks-repo';
import { StoreConditionFailedError, transactWrite, type TransactItem } from '../../store/transact';
import { getTransfer, transferPk } from '../../store/transfers-repo';
import type { ServiceDeps } from '../deps';
import { approverOf, staffToNotify } from '../registry/questions';
import { deliverTaskCallback } from '../tasks/deliver-callback';
import { openPendingTask } from '../tasks/open-pending-task';
import { nextTransfer, transferChange } from './commit';
import { TransferChangeRefusedError } from './errors';

/** Staff have 10 working days for a step (a date on the 待办 list; the workflow waits as long as it takes). */
const STEP_PERIOD = { unit: 'workingDays', count: 10 } as const;

/** Who does a step (docs/domain/transfer.md T3): the sending side's approving committee, the receiving branch, the sending branch. */
async function stepOwner(deps: ServiceDeps, transfer: Transfer, step: TransferStepKey): Promise<{ orgId: string; role: 'branch-staff' | 'committee-staff' }> {
  if (step === 'letter') {
    const issuer = await approverOf(deps, transfer.fromOrgId);
    return { orgId: issuer?.id ?? transfer.fromOrgId, role: 'committee-staff' };
  }
  if (step === 'arrival' && transfer.destination.kind === 'within') return { orgId: transfer.destination.orgId, role: 'branch-staff' };
  return { orgId: transfer.fromOrgId, role: 'branch-staff' };
}

export interface OpenTransferStepRequest {
  transferId: string;
  step: TransferStepKey;
  taskToken: string;
}

/**
 * Task of every human step (waitForTaskToken): opens the 'transfer-step' pending task of this visit (its id from the
 * transfer alone: `stepAttempt`), marks it as the transfer's current step and mails the staff who act. Asked again
 * for the same visit (retry, restart), the open task takes the new token, and a task already done answers at once.
 */
export async function openTransferStep(deps: ServiceDeps, request: OpenTransferStepRequest): Promise<void> {
  const transfer = await getTransfer(deps.store, request.transferId);
  if (!transfer) throw new Error(`Transfer ${request.transferId} not found`);
  const attempt = stepAttempt(transfer, request.step);
  const taskId = transferTaskId(transfer.id, request.step, attempt);
  const owner = await stepOwner(deps, transfer, request.step);
  const now = deps.clock.now();
  const label = TRANSFER_STEP_LABELS[request.step];
  const { created } = await openPendingTask(deps, {
    id: taskId, kind: 'transfer-step', title: `组织关系转接：${transfer.personName} ${label}`, orgId: owner.orgId, assigneeRole: owner.role,
    subject: { transferId: transfer.id, step: request.step, attempt: String(attempt) }, status: 'open', createdAt: now.toISOString(),
    dueAt: computePeriodEnd(await loadCalendar(deps.store), now, STEP_PERIOD).endsAtInstant.toISOString(), taskToken: request.taskToken,
  }, transferPk(transfer.id));
  if (transfer.currentTaskId !== taskId) {
    try {
      await transactWrite(deps.store, transferChange(deps, nextTransfer(transfer, { currentStep: request.step, currentTaskId: taskId }), {
        at: now.toISOString(), action: 'transfer.step-opened', actor: 'system', details: { step: request.step, attempt },
      }));
    } catch (error) {
      if (!(error instanceof StoreConditionFailedError)) throw error;
      return openTransferStep(deps, request);
    }
  }
  if (!created) return;
  const staff = (await staffToNotify(deps, owner.orgId)).filter((s) => s.role === owner.role || s.role === 'committee-staff');
  const own = staff.filter((s) => s.orgId === owner.orgId);
  const to = [...new Set((own.length > 0 ? own : staff).map((s) => s.email))];
  if (to.length === 0) return;
  await deps.mailer.send({
    to,
    subject: `【待办】组织关系转接：${transfer.personName} ${label}`,
    text: `${transfer.fromOrgName}${transfer.personName}同志的组织关系转往${transfer.destination.orgName}，待${label}：${deps.publicBaseUrl}/staff/transfers/${encodeURIComponent(transfer.id)}`,
  });
}

/**
 * The open task of `step` the transfer waits on, claimed with the output owed to the workflow (docs/domain/transfer.md
 * T2): refused while the workflow has not reached the step yet (a moment after the previous one).
 */
export async function claimStep(deps: ServiceDeps, transfer: Transfer, step: TransferStepKey, claim: { by: string; at: string; output: Record<string, unknown> }): Promise<{ item: TransactItem; task: StoredTask }> {
  const task = transfer.currentStep === step && transfer.currentTaskId ? await getTask(deps.store, transfer.currentTaskId) : undefined;
  if (!task || task.status !== 'open') throw new TransferChangeRefusedError(['该转接尚未到这一步或已办理，请稍后刷新页面查看。']);
  const output = { ...claim.output, taskId: task.id };
  return { item: claimTask(deps.store, task.id, { completedBy: claim.by, completedAt: claim.at, output }), task: { ...task, output } };
}

/** After the transaction: the workflow is told (a failure is retried by the scheduler from the callback listing). */
export async function tellWorkflow(deps: ServiceDeps, task: StoredTask): Promise<void> {
  await deliverTaskCallback(deps, task);
}
