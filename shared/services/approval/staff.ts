import { linkExpired, type ApprovalDecision, type ApprovalSubject } from '../../domain/approval/approval';
import { approverForm, paperDecisionForm } from '../../schemas/approval';
import { parseForm } from '../../schemas/parse-form';
import {
  APPROVAL_ENTRY_BYTES, approvalPk, approvalSummary, getApproval, getLink, listedApproval, listOrgApprovals, pageProvinceApprovals, putNewLink, replaceApproval, revokeLink, type ListedApproval, type StoredApproval,
} from '../../store/approvals-repo';
import { LIST_PAGE_SIZE } from '../../store/org-pages';
import { auditPut, listAudit, type AuditEvent } from '../../store/audit';
import { commitWithRetry, type TransactItem } from '../../store/transact';
import { canActIn, type Actor } from '../actor';
import { provinceListShare } from '../large-scope';
import { withActorNames } from '../audit-names';
import { authorize, loadOrgTree, PERMISSIONS } from '../authorization';
import type { ServiceDeps } from '../deps';
import { AuthForbiddenError, InputInvalidError, RecordNotFoundError } from '../../errors';
import { deliverApprovalCallback } from './callback';
import { checkDecisionWindow, closeOverdueItems, resolutionOf, type ClientInfo } from './decide';
import { ApprovalNotPendingError, ApproverAlreadyDecidedError } from './errors';
import { approvalContact, requestMail } from './format';
import { issueLink } from './request';

/** An approval as staff see it in the list: everything but the task token, the link hashes and the summary. */
export type StaffApprovalSummary = ListedApproval;

export type StaffLinkState = 'pending' | 'used' | 'expired' | 'revoked' | 'closed';

export interface StaffApprovalView extends StaffApprovalSummary {
  subject: ApprovalSubject;
  approvers: {
    index: number;
    name: string;
    email: string;
    link: { state: StaffLinkState; issuedAt: string; expiresAt: string; remindedAt?: string; usedAt?: string };
    decision?: ApprovalDecision;
  }[];
  decisions: ApprovalDecision[];
  audit: AuditEvent[];
}

const summary = listedApproval;

async function loadForStaff(deps: ServiceDeps, actor: Actor, approvalId: string): Promise<StoredApproval> {
  const approval = await getApproval(deps.store, approvalId);
  if (!approval) throw new RecordNotFoundError('该审批事项');
  authorize(actor, 'approval.manage', approval.subject.orgId, await loadOrgTree(deps.store));
  return approval;
}

export interface StaffApprovalPage {
  approvals: StaffApprovalSummary[];
  /** Where the next page starts (`/staff/approvals?cursor=`); absent when every approval in scope is shown. */
  next?: string;
}

/**
 * Approvals of the organizations in the actor's scope, newest first (committee staff and administrators;
 * docs/domain/lists-and-counts.md). A scope of more than 100 organizations reads a page of the province-wide list of
 * approvals (once its backfill is done and when it reads less than one query per organization); a smaller one all
 * its approvals, one query per organization.
 */
export async function approvalsPage(deps: ServiceDeps, actor: Actor, cursor?: string): Promise<StaffApprovalPage> {
  if (!PERMISSIONS['approval.manage'].includes(actor.role)) throw new AuthForbiddenError({ detail: `actor ${actor.id} may not list approvals` });
  const share = await provinceListShare(deps, actor, 'approval-list', APPROVAL_ENTRY_BYTES);
  if (share !== undefined) {
    const page = await pageProvinceApprovals(deps.store, (orgId) => canActIn(actor, orgId), { limit: LIST_PAGE_SIZE, cursor, share });
    return { approvals: page.approvals, ...(page.next ? { next: page.next } : {}) };
  }
  return { approvals: (await listOrgApprovals(deps.store, actor.scopeOrgIds)).map(summary) };
}

/** The approvals list's first page (all of a small scope's approvals). */
export async function listApprovals(deps: ServiceDeps, actor: Actor): Promise<StaffApprovalSummary[]> {
  return (await approvalsPage(deps, actor)).approvals;
}

/** One approval with its approvers' link states (never a link id), its decisions and its audit trail. */
export async function getApprovalForStaff(deps: ServiceDeps, actor: Actor, approvalId: string): Promise<StaffApprovalView> {
  const approval = await loadForStaff(deps, actor, approvalId);
  const now = deps.clock.now();
  const links = await Promise.all(approval.approvers.map((a) => getLink(deps.store, a.linkHash)));
  const approvers = approval.approvers.map((approver, index) => {
    const link = links[index];
    const state: StaffLinkState = !link ? 'revoked'
      : link.status !== 'pending' ? link.status
        : approval.status !== 'pending' ? 'closed'
          : linkExpired(link.expiresAt, now) ? 'expired' : 'pending';
    const decision = approval.decisions.find((d) => d.byLink && d.approverIndex === index);
    return {
      index,
      name: approver.name,
      email: approver.email,
      link: {
        state,
        issuedAt: link?.issuedAt ?? '',
        expiresAt: link?.expiresAt ?? '',
        ...(link?.remindedAt ? { remindedAt: link.remindedAt } : {}),
        ...(link?.usedAt ? { usedAt: link.usedAt } : {}),
      },
      ...(decision ? { decision } : {}),
    };
  });
  const subject = { ...approval.subject, summary: await approvalSummary(deps.store, approval) };
  return { ...summary(approval), subject, approvers, decisions: approval.decisions, audit: await withActorNames(deps, await listAudit(deps.store, approvalPk(approval.id))) };
}

/**
 * Replaces the link of approver `approverIndex` (resend to the same person, or reassignment to another): the old link
 * is invalidated, a new one issued with a new expiry, the overdue task (if any) settled, all in one transaction with
 * the audit event; then the e-mail goes out.
 */
async function replaceLink(
  deps: ServiceDeps, actor: Actor, approvalId: string, approverIndex: number, client: ClientInfo,
  change: { newApprover?: { name: string; email: string }; action: string },
): Promise<{ expiresAt: string }> {
  const replaced = await commitWithRetry(deps.store, async () => {
    const approval = await loadForStaff(deps, actor, approvalId);
    if (approval.status !== 'pending') throw new ApprovalNotPendingError();
    const current = approval.approvers[approverIndex];
    if (!Number.isInteger(approverIndex) || !current) throw new RecordNotFoundError('该审批人');
    if (approval.decisions.some((d) => d.byLink && d.approverIndex === approverIndex)) throw new ApproverAlreadyDecidedError(current.name);
    const now = deps.clock.now();
    const at = now.toISOString();
    const approver = change.newApprover ?? { name: current.name, email: current.email };
    const { rawLinkId, link } = issueLink(approval, approverIndex, approver.name, now);
    const next: StoredApproval = {
      ...approval,
      approvers: approval.approvers.map((a, i) => (i === approverIndex ? { ...approver, linkHash: link.linkHash } : a)),
      overdueTaskId: undefined,
      version: approval.version + 1,
    };
    const items: TransactItem[] = [
      revokeLink(deps.store, current.linkHash, at),
      putNewLink(deps.store, link),
      ...replaceApproval(deps.store, next, approval.version),
      auditPut(deps.store, approvalPk(approval.id), {
        at,
        action: change.action,
        actor: actor.id,
        details: {
          approverIndex,
          approver: approver.name,
          ...(change.newApprover ? { previousApprover: current.name } : {}),
          expiresAt: link.expiresAt,
          ip: client.ip,
          userAgent: client.userAgent,
        },
      }),
      ...closeOverdueItems(deps, approval, actor.displayName, at),
    ];
    return { write: items, answer: { next, rawLinkId, expiresAt: link.expiresAt } };
  });
  const { next, rawLinkId, expiresAt } = replaced;
  await deps.mailer.send(requestMail(deps, next, await approvalSummary(deps.store, next), approverIndex, rawLinkId, expiresAt, await approvalContact(deps, next.subject.orgId)));
  return { expiresAt };
}

/** A new link for the same approver (the old one stops working), with a new expiry, by e-mail. */
export async function resendApprovalLink(deps: ServiceDeps, actor: Actor, approvalId: string, approverIndex: number, client: ClientInfo): Promise<{ expiresAt: string }> {
  return replaceLink(deps, actor, approvalId, approverIndex, client, { action: 'approval.link-resent' });
}

/** Another approver in the place of approver `approverIndex` (whose link stops working); the new one gets a link. */
export async function reassignApprover(
  deps: ServiceDeps, actor: Actor, approvalId: string, approverIndex: number, approver: unknown, client: ClientInfo,
): Promise<{ expiresAt: string }> {
  const newApprover = parseForm(approverForm, approver);
  const approval = await loadForStaff(deps, actor, approvalId);
  if (approval.approvers.some((a, i) => i !== approverIndex && a.email.toLowerCase() === newApprover.email.toLowerCase())) {
    throw new InputInvalidError({ email: '该审批人已在审批人名单中。' });
  }
  return replaceLink(deps, actor, approvalId, approverIndex, client, { newApprover, action: 'approval.approver-reassigned' });
}

/**
 * A decision the committee took on paper, recorded by staff with who decided and when: it resolves the approval as a
 * whole (a link still unused then shows this decision) and completes the workflow.
 */
export async function recordPaperDecision(deps: ServiceDeps, actor: Actor, approvalId: string, form: unknown, client: ClientInfo): Promise<StaffApprovalView> {
  const input = parseForm(paperDecisionForm, form);
  const next = await commitWithRetry(deps.store, async () => {
    const approval = await loadForStaff(deps, actor, approvalId);
    if (approval.status !== 'pending') throw new ApprovalNotPendingError();
    const now = deps.clock.now();
    const at = now.toISOString();
    checkDecisionWindow(approval, new Date(`${input.decidedAt}T00:00:00+08:00`).toISOString(), input.comment);
    const decision: ApprovalDecision = {
      approverIndex: -1,
      outcome: input.outcome,
      ...(input.comment ? { comment: input.comment } : {}),
      meetingDate: input.meetingDate,
      decidedBy: input.decidedBy,
      decidedAt: input.decidedAt,
      byLink: false,
    };
    const decisions = [...approval.decisions, decision];
    const resolution = { ...resolutionOf({ ...approval, policy: 'any' }, [decision], input.outcome, now), decidedAt: input.decidedAt };
    const next: StoredApproval = { ...approval, decisions, status: input.outcome, resolution, overdueTaskId: undefined, version: approval.version + 1 };
    // The links stay as they are: opened, they show the recorded decision.
    const items: TransactItem[] = [
      ...replaceApproval(deps.store, next, approval.version),
      auditPut(deps.store, approvalPk(approval.id), {
        at,
        action: 'approval.paper-decision',
        actor: actor.id,
        details: {
          outcome: input.outcome, decidedBy: input.decidedBy, decidedAt: input.decidedAt, meetingDate: input.meetingDate,
          ...(input.comment ? { comment: input.comment } : {}), ip: client.ip, userAgent: client.userAgent,
        },
      }),
      auditPut(deps.store, approvalPk(approval.id), { at, action: 'approval.resolved', actor: 'system', details: { outcome: input.outcome, decidedBy: input.decidedBy } }),
      ...closeOverdueItems(deps, approval, actor.displayName, at),
    ];
    return { write: items, answer: next };
  });
  await deliverApprovalCallback(deps, next);
  return getApprovalForStaff(deps, actor, approvalId);
}
