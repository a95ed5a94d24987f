import { chinaDate } from '../../domain/calendar';
import { stageExecutionName, type DevelopmentCase } from '../../domain/development/case';
import { CASE_ENDING_KIND_LABELS, caseAfterEnding, caseEndingText, checkCaseEnding, type CaseEnding } from '../../domain/development/case-ending';
import type { Notice } from '../../domain/notice/notice';
import { endCaseForm } from '../../schemas/case-ending-form';
import { parseForm } from '../../schemas/parse-form';
import { auditPut } from '../../store/audit';
import { approvalPk, cancelApproval, closeTask, getApproval, type StoredApproval } from '../../store/approvals-repo';
import { casePk, listCaseRecords, replaceCase } from '../../store/cases-repo';
import { getNotice } from '../../store/notices-repo';
import { listOpenTasks } from '../../store/tasks-repo';
import { commitWithRetry, type TransactItem } from '../../store/transact';
import type { Actor } from '../actor';
import { authorize, loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { withdrawNoticeItems } from '../notice/withdraw-notice';
import { objectionTaskId } from '../notice/objection-outcomes';
import { caseCountItems } from './case-counts';
import { closeCaseItems, loadCase } from './case-writes';
import { DevelopmentCaseStateError, DevelopmentRuleViolationError } from './errors';
import { caseEndedStatusItems } from './registry-status';
import { stageWorkflow } from './stages';

/** What ending a case touches besides the case: its open notices, pending approvals and open tasks. */
export interface OpenParts {
  notices: Notice[];
  approvals: StoredApproval[];
  taskIds: string[];
}

export async function openPartsOf(deps: ServiceDeps, devCase: DevelopmentCase): Promise<OpenParts> {
  const [{ refs }, tasks] = await Promise.all([listCaseRecords(deps.store, devCase.id), listOpenTasks(deps.store, [devCase.orgId])]);
  const notices = (await Promise.all(refs.filter((r) => r.kind === 'notice').map((r) => getNotice(deps.store, r.refId)))).filter((n) => n !== undefined);
  const approvals = (await Promise.all(refs.filter((r) => r.kind === 'approval').map((r) => getApproval(deps.store, r.refId)))).filter((a) => a?.status === 'pending') as StoredApproval[];
  const objectionTasks = new Set(notices.map((n) => objectionTaskId(n.id)));
  const overdueTasks = new Set(approvals.map((a) => a.overdueTaskId).filter(Boolean));
  return {
    notices: notices.filter((n) => n.status === 'open'),
    approvals,
    taskIds: tasks.filter((t) => t.subject.caseId === devCase.id || objectionTasks.has(t.id) || overdueTasks.has(t.id)).map((t) => t.id),
  };
}

/** The ending page: the case, and why it cannot be ended (if so). Refused (403) to whoever may not end it. */
export async function caseEndingView(deps: ServiceDeps, actor: Actor, caseId: string): Promise<{ devCase: DevelopmentCase; problems: string[] }> {
  const devCase = await loadCase(deps, caseId);
  authorize(actor, 'case.end', devCase.orgId, await loadOrgTree(deps.store));
  return { devCase, problems: checkCaseEnding(devCase).problems.map((p) => p.message) };
}

/**
 * Branch staff end a development case (终止发展: the applicant withdraws, leaves, dies, or is not continued), after a
 * confirmation step (the form's `confirmed`). In ONE transaction: the case closed with the ending recorded (and
 * closeCaseItems), its open notices withdrawn, its pending approvals cancelled (their links then say so and decide
 * nothing), its open tasks closed, the person's registry status, and the audit events. Then the running stage's
 * execution is stopped (its nested notice and approval executions with it); should the stop fail, every task the
 * execution could still run finds the case closed and does nothing. Ending an ended case is refused (409).
 */
export async function endCase(deps: ServiceDeps, actor: Actor, caseId: string, form: unknown): Promise<DevelopmentCase> {
  // A condition failed: the case or one of its parts changed meanwhile; read again.
  const { devCase, closed, why } = await commitWithRetry(deps.store, async () => {
    const devCase = await loadCase(deps, caseId);
    authorize(actor, 'case.end', devCase.orgId, await loadOrgTree(deps.store));
    const check = checkCaseEnding(devCase);
    if (!check.ok) {
      if (check.problems[0].code === 'CASE_CLOSED') throw new DevelopmentCaseStateError(check.problems[0].message);
      throw new DevelopmentRuleViolationError(check.problems);
    }
    const { kind, reason } = parseForm(endCaseForm, form);
    const now = deps.clock.now();
    const at = now.toISOString();
    const ending: CaseEnding = { kind, reason, date: chinaDate(now), at, byName: actor.displayName };
    const closed = caseAfterEnding(devCase, ending);
    const parts = await openPartsOf(deps, devCase);
    const why = `${devCase.personName}的发展党员案件已终止（${CASE_ENDING_KIND_LABELS[kind]}）`;
    const items: TransactItem[] = [
      replaceCase(deps.store, closed, devCase.version, devCase),
      ...closeCaseItems(deps, closed),
      ...(await caseCountItems(deps, devCase, closed)),
      auditPut(deps.store, casePk(caseId), {
        at, action: 'case.ended', actor: actor.id,
        details: { endingKind: CASE_ENDING_KIND_LABELS[kind], reason, stage: devCase.stage, noticesWithdrawn: parts.notices.length, approvalsCancelled: parts.approvals.length, tasksClosed: parts.taskIds.length },
      }),
      ...parts.notices.flatMap((notice) => withdrawNoticeItems(deps, notice, { at: now, byName: actor.displayName, actor: actor.id, reason: why })),
      ...parts.approvals.flatMap((approval) => [
        ...cancelApproval(deps.store, approval, { at, reason: why }),
        auditPut(deps.store, approvalPk(approval.id), { at, action: 'approval.cancelled', actor: actor.id, details: { reason: why } }),
      ]),
      ...parts.taskIds.map((id) => closeTask(deps.store, id, actor.displayName, at)),
      ...(await caseEndedStatusItems(deps, devCase, { date: ending.date, note: caseEndingText(ending) }, at)),
    ];
    return { write: items, answer: { devCase, closed, why } };
  }, { attempts: 6 });
  if (devCase.stageState === 'running') await stopStage(deps, devCase, why);
  return closed;
}

/**
 * Stops the running stage's execution of a case just closed (its nested notice and approval executions with it);
 * should the stop fail, every task the execution could still run finds the case closed and does nothing.
 */
export async function stopStage(deps: ServiceDeps, devCase: DevelopmentCase, cause: string): Promise<void> {
  const executionArn = deps.workflow.executionArnOf({ stateMachine: stageWorkflow(devCase.stage), name: stageExecutionName(devCase.id, devCase.stage, devCase.attempt) });
  await deps.workflow.stopExecution({ executionArn, cause }).catch(() => undefined);
}
