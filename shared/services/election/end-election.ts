import { z } from 'zod';
import type { ApprovalRequest } from '../../domain/approval/approval';
import { computePeriodEnd } from '../../domain/calendar';
import { ELECTION_FORM_LABELS, electionExecutionName, type Election } from '../../domain/election/election';
import { auditPut } from '../../store/audit';
import { requiredText } from '../../schemas/form-fields';
import { parseForm } from '../../schemas/parse-form';
import { approvalPk, cancelApproval, closeTask, getApproval, type StoredApproval } from '../../store/approvals-repo';
import { loadCalendar } from '../../store/calendar-repo';
import { deletePendingElectionEnd, listPendingElectionEnds, putPendingElectionEnd } from '../../store/election-ends-repo';
import { getElection } from '../../store/elections-repo';
import { claimTask, getTask } from '../../store/tasks-repo';
import { commitWithRetry, StoreConditionFailedError, transactWrite, type TransactItem } from '../../store/transact';
import type { Actor } from '../actor';
import { startApprovalProcess } from '../approval/start';
import { authorize, loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { RecordNotFoundError } from '../../errors';
import { WorkflowExecutionExistsError, WorkflowTaskClosedError } from '../ports';
import { approverOf } from '../registry/questions';
import { approversFor, electionApprovalId, type ElectionApprovalKind } from './approvals';
import { electionChange, nextVersion } from './commit';
import { ElectionEndNotPossibleError } from './errors';

const endRequestSchema = z.object({ reason: requiredText('终止原因', 500) });

/** The higher committee decides within 20 working days (a date for reminders). */
const APPROVAL_PERIOD = { unit: 'workingDays', count: 20 } as const;

/** The error the election workflow's waiting step is failed with when the election ends: the execution stops there. */
export const ELECTION_ENDED_ERROR = 'ElectionEnded';

function endApproval(election: Election, reason: string, approvalId: string, approvers: ApprovalRequest['approvers'], dueDate: string, baseUrl: string): ApprovalRequest {
  return {
    approvalId,
    subject: {
      kind: 'other',
      title: `关于终止${election.orgName}换届选举的请示`,
      summary: `${election.orgName}换届选举（${ELECTION_FORM_LABELS[election.form]}），委员名额 ${election.seats} 名。\n终止原因：${reason}\n批准后本次选举终止，该组织可以重新发起换届选举。`,
      orgId: election.orgId,
      orgName: election.orgName,
      caseUrl: `${baseUrl}/staff/elections/${election.id}`,
    },
    approvers,
    policy: 'any',
    dueDate,
  };
}

/**
 * Committee staff ask to end (终止) a running election, with a reason: the request is recorded on the election with
 * its audit event (and listed for the scheduler) in one transaction, then the approving organization above decides
 * through the approval-by-link process. Approved: endElection; rejected: the election goes on.
 */
export async function requestElectionEnd(deps: ServiceDeps, actor: Actor, electionId: string, rawForm: unknown): Promise<Election> {
  const election = await getElection(deps.store, electionId);
  if (!election) throw new RecordNotFoundError('该选举');
  authorize(actor, 'election.end', election.orgId, await loadOrgTree(deps.store));
  const { reason } = parseForm(endRequestSchema, rawForm);
  if (election.status !== 'running') throw new ElectionEndNotPossibleError('本次选举已经结束，不能再终止。');
  if (election.endRequest) throw new ElectionEndNotPossibleError('已报请上级党组织批准终止本次选举，请等待批复。');
  const approving = await approverOf(deps, election.orgId);
  const approvers = approving ? await approversFor(deps, approving) : [];
  if (approvers.length === 0) throw new ElectionEndNotPossibleError('上级党组织没有可以接收审批邮件的审批人，请先在组织管理中登记。');
  const now = deps.clock.now();
  const at = now.toISOString();
  const approvalId = `${election.id}-end-${election.version}`;
  const dueDate = computePeriodEnd(await loadCalendar(deps.store), now, APPROVAL_PERIOD).endsAtInstant.toISOString();
  const next = nextVersion(election, { endRequest: { approvalId, reason, requestedBy: actor.displayName, requestedAt: at } });
  try {
    await transactWrite(deps.store, electionChange(deps.store, next, { at, action: 'election.end-requested', actor: actor.id, details: { reason } }, [putPendingElectionEnd(deps.store, { electionId, approvalId })]));
  } catch (error) {
    if (error instanceof StoreConditionFailedError) throw new ElectionEndNotPossibleError('已报请上级党组织批准终止本次选举，请等待批复。', { cause: error });
    throw error;
  }
  try {
    await startApprovalProcess(deps, endApproval(election, reason, approvalId, approvers, dueDate, deps.publicBaseUrl));
  } catch (error) {
    if (!(error instanceof WorkflowExecutionExistsError)) throw error;
  }
  return next;
}

/**
 * The approvals of the election still waiting for the higher organization (at most one of each kind: the next
 * attempt's id), with their overdue tasks still open: ending the election cancels them.
 */
async function pendingApprovalsOf(deps: ServiceDeps, election: Election): Promise<{ approvals: StoredApproval[]; overdueTaskIds: string[] }> {
  const kinds: ElectionApprovalKind[] = ['request', 'candidate-list', 'election-result'];
  const ids = kinds.map((kind) => electionApprovalId(election.id, kind, election.approvals.filter((a) => a.kind === kind).length + 1));
  const approvals = (await Promise.all(ids.map((id) => getApproval(deps.store, id)))).filter((a): a is StoredApproval => a?.status === 'pending');
  const overdue = await Promise.all(approvals.flatMap((a) => (a.overdueTaskId ? [getTask(deps.store, a.overdueTaskId)] : [])));
  return { approvals, overdueTaskIds: overdue.filter((t) => t?.status === 'open').map((t) => t!.id) };
}

/**
 * THE one place an election ends (终止): the election marked ended with the reason, its open step closed, its
 * pending approvals cancelled (their links then say the matter was ended and decide nothing), the end request
 * cleared, the audit events — one transaction; then the execution is stopped, at the step it waits on, or as a
 * whole while it waits on an approval. A later step of an ended election is refused when it opens
 * (openElectionStep). Already ended: nothing more.
 */
export async function endElection(deps: ServiceDeps, electionId: string, end: { reason: string; approvalId?: string; actor: string; actorName: string }): Promise<Election> {
  const { next, open, approving } = await commitWithRetry(deps.store, async () => {
    const election = await getElection(deps.store, electionId);
    if (!election) throw new RecordNotFoundError('该选举');
    if (election.status === 'ended') return { answer: { next: election, open: undefined, approving: false } };
    const at = deps.clock.now().toISOString();
    const task = election.currentTaskId ? await getTask(deps.store, election.currentTaskId) : undefined;
    const open = task?.status === 'open' ? task : undefined;
    const pending = await pendingApprovalsOf(deps, election);
    const why = `${election.orgName}换届选举已终止`;
    const cancelled: TransactItem[] = [
      ...pending.approvals.flatMap((approval) => [
        ...cancelApproval(deps.store, approval, { at, reason: why }),
        auditPut(deps.store, approvalPk(approval.id), { at, action: 'approval.cancelled', actor: end.actor, details: { reason: why } }),
      ]),
      ...pending.overdueTaskIds.map((id) => closeTask(deps.store, id, end.actorName, at)),
    ];
    const details = { reason: end.reason, ...(end.approvalId ? { approvedBy: end.actorName } : {}), ...(pending.approvals.length > 0 ? { approvalsCancelled: pending.approvals.length } : {}) };
    const next = nextVersion(election, { status: 'ended', completedAt: at, endReason: end.reason, endRequest: undefined, currentStep: undefined, currentTaskId: undefined });
    const write = electionChange(deps.store, next, { at, action: 'election.ended', actor: end.actor, details }, [
      ...(election.endRequest ? [deletePendingElectionEnd(deps.store, electionId)] : []),
      ...(open ? [claimTask(deps.store, open.id, { completedBy: end.actorName, completedAt: at, output: { ended: true } })] : []),
      ...cancelled,
    ]);
    return { write, answer: { next, open, approving: pending.approvals.length > 0 } };
  }, { attempts: 6 });
  if (open?.taskToken) await stopAtStep(deps, open.taskToken, end.reason);
  else if (approving) await stopWhileApproving(deps, electionId, end.reason);
  return next;
}

/** The execution waits on a nested approval execution: stopping it stops that one too. */
async function stopWhileApproving(deps: ServiceDeps, electionId: string, reason: string): Promise<void> {
  const executionArn = deps.workflow.executionArnOf({ stateMachine: 'election', name: electionExecutionName(electionId) });
  await deps.workflow.stopExecution({ executionArn, cause: `选举已终止：${reason}` }).catch(() => undefined); // already finished: nothing to stop
}

/** The execution waits on the step's callback: failing it with ElectionEnded stops the execution there. */
export async function stopAtStep(deps: ServiceDeps, taskToken: string, reason: string): Promise<void> {
  try {
    await deps.workflow.sendTaskFailure({ taskToken, error: ELECTION_ENDED_ERROR, cause: `选举已终止：${reason}` });
  } catch (error) {
    if (!(error instanceof WorkflowTaskClosedError)) throw error;
  }
}

/**
 * Scheduler: the end requests the higher committee has decided. Approved: endElection. Rejected: the request is
 * cleared with its audit event, the election goes on. Undecided ones wait.
 */
export async function applyElectionEndDecisions(deps: ServiceDeps): Promise<number> {
  let applied = 0;
  for (const pending of await listPendingElectionEnds(deps.store)) {
    const approval = await getApproval(deps.store, pending.approvalId);
    const resolution = approval?.resolution;
    if (!resolution) continue;
    const election = await getElection(deps.store, pending.electionId);
    if (!election) continue;
    const by = resolution.decidedBy ?? '上级党组织';
    if (resolution.outcome === 'approved') {
      await endElection(deps, election.id, { reason: election.endRequest?.reason ?? '', approvalId: pending.approvalId, actor: 'system', actorName: by });
    } else {
      const at = deps.clock.now().toISOString();
      const next = nextVersion(election, { endRequest: undefined });
      await transactWrite(deps.store, electionChange(deps.store, next, { at, action: 'election.end-rejected', actor: 'system', details: { approvalId: pending.approvalId } }, [deletePendingElectionEnd(deps.store, election.id)])).catch((error: unknown) => {
        if (!(error instanceof StoreConditionFailedError)) throw error; // changed meanwhile: the next tick sees it again
      });
    }
    applied++;
  }
  return applied;
}
