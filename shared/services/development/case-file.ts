import { chinaDate } from '../../domain/calendar';
import type { ApprovalDecision, ApprovalResolution, ApprovalState } from '../../domain/approval/approval';
import type { DevelopmentCase, StepRecord } from '../../domain/development/case';
import { caseDeadlines, type CaseDeadline } from '../../domain/development/deadlines';
import type { DevelopmentRuleSet } from '../../domain/development/rule-set';
import type { Notice } from '../../domain/notice/notice';
import type { Objection } from '../../domain/notice/objection';
import { getApproval, type StoredApprovalSubject } from '../../store/approvals-repo';
import { listAudit, type AuditEvent } from '../../store/audit';
import { casePk, listCaseRecords, listOrgCases } from '../../store/cases-repo';
import { getNotice } from '../../store/notices-repo';
import { listObjections } from '../../store/objections-repo';
import { listOpenTasks } from '../../store/tasks-repo';
import { canActIn, type Actor } from '../actor';
import { withActorNames } from '../audit-names';
import { authorize, loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { loadCase } from './case-writes';
import { getRuleSet } from './rule-sets';

export interface CaseApprovalView {
  id: string;
  stepKey: string;
  /** Title, kind and organization (the case file does not repeat the approval's summary). */
  subject: StoredApprovalSubject;
  status: ApprovalState;
  dueDate: string;
  approvers: string[];
  decisions: ApprovalDecision[];
  resolution?: ApprovalResolution;
}

export interface CaseFilingView {
  stepKey: string;
  filedWith: string;
  filedAt: string;
}

/** A form the case's running stage waits on: the page links to it. */
export interface OpenCaseStep {
  taskId: string;
  stepKey: string;
  title: string;
  dueAt: string;
  assigneeRole: string;
}

/** An open 公示异议处理 task of one of the case's notices: the page links to it. */
export interface OpenObjectionTask {
  taskId: string;
  title: string;
  dueAt: string;
}

/** Everything for the 全程纪实 page and the printable archive. */
export interface CaseFile {
  case: DevelopmentCase;
  /** The name of the case's organization (the archive's heading). */
  orgName: string;
  ruleSet: DevelopmentRuleSet;
  steps: StepRecord[];
  openSteps: OpenCaseStep[];
  objectionTasks: OpenObjectionTask[];
  notices: Array<{ notice: Notice; objections: Objection[] }>;
  approvals: CaseApprovalView[];
  filings: CaseFilingView[];
  deadlines: CaseDeadline[];
  audit: AuditEvent[];
}

export async function getCaseFile(deps: ServiceDeps, actor: Actor, caseId: string): Promise<CaseFile> {
  const devCase = await loadCase(deps, caseId);
  const tree = await loadOrgTree(deps.store);
  authorize(actor, 'case.view', devCase.orgId, tree);
  const [{ steps, refs }, ruleSet, audit, tasks] = await Promise.all([
    listCaseRecords(deps.store, caseId),
    getRuleSet(deps, devCase.ruleSetVersion),
    listAudit(deps.store, casePk(caseId)),
    listOpenTasks(deps.store, [devCase.orgId]),
  ]);
  const notices = await Promise.all(
    refs.filter((r) => r.kind === 'notice').map(async (r) => ({ notice: await getNotice(deps.store, r.refId), objections: await listObjections(deps.store, r.refId) })),
  );
  const noticeIds = new Set(refs.filter((r) => r.kind === 'notice').map((r) => r.refId));
  const approvals = (await Promise.all(refs.filter((r) => r.kind === 'approval').map(async (r) => ({ ref: r, approval: await getApproval(deps.store, r.refId) }))))
    .sort((a, b) => (a.approval?.createdAt ?? '').localeCompare(b.approval?.createdAt ?? ''));
  return {
    case: devCase,
    orgName: tree.get(devCase.orgId)?.name ?? '',
    ruleSet,
    steps,
    openSteps: tasks
      .filter((t) => t.kind === 'development-step' && t.subject.caseId === caseId)
      .map((t) => ({ taskId: t.id, stepKey: t.subject.stepKey, title: t.title, dueAt: t.dueAt, assigneeRole: t.assigneeRole })),
    objectionTasks: tasks.filter((t) => t.kind === 'notice-objections' && noticeIds.has(t.subject.noticeId)).map((t) => ({ taskId: t.id, title: t.title, dueAt: t.dueAt })),
    notices: notices.filter((n): n is { notice: Notice; objections: Objection[] } => n.notice !== undefined).map(({ notice, objections }) => ({ notice: { ...notice, executionArn: undefined }, objections }))
      .sort((a, b) => a.notice.publishedAt.localeCompare(b.notice.publishedAt)),
    approvals: approvals.flatMap(({ ref, approval }) =>
      approval
        ? [{ id: approval.id, stepKey: String(ref.stepKey), subject: approval.subject, status: approval.status, dueDate: approval.dueDate, approvers: approval.approvers.map((a) => a.name), decisions: approval.decisions, resolution: approval.resolution }]
        : [],
    ),
    filings: refs.filter((r) => r.kind === 'filing').map((r) => ({ stepKey: String(r.stepKey), filedWith: String(r.filedWith), filedAt: String(r.filedAt) })).sort((a, b) => a.filedAt.localeCompare(b.filedAt)),
    deadlines: caseDeadlines(devCase.dates, chinaDate(deps.clock.now()), ruleSet),
    audit: await withActorNames(deps, audit),
  };
}

/** The cases of an organization and the organizations below it that the actor may see, newest first. */
export async function listCases(deps: ServiceDeps, actor: Actor, orgId: string): Promise<DevelopmentCase[]> {
  const tree = await loadOrgTree(deps.store);
  authorize(actor, 'case.view', orgId, tree);
  const orgIds = tree.subtreeIds(orgId).filter((id) => actor.role === 'admin' || canActIn(actor, id));
  const lists = await Promise.all(orgIds.map((id) => listOrgCases(deps.store, id)));
  return lists.flat().sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
