import { linkExpired, type ApprovalPolicy, type ApprovalState, type ApprovalSubject } from '../../domain/approval/approval';
import { approvalSummary, getApproval, getLink, type StoredApproval, type StoredLink } from '../../store/approvals-repo';
import type { ServiceDeps } from '../deps';
import { approvalContact, decisionView } from './format';
import { hashLinkId, isWellFormedLinkId } from './links';

export interface ApprovalPublicView {
  id: string;
  subject: ApprovalSubject;
  policy: ApprovalPolicy;
  dueDate: string;
  approvers: { name: string }[];
}

export interface LinkDecisionView {
  outcome: 'approved' | 'rejected';
  outcomeLabel: string;
  comment?: string;
  meetingDate?: string;
  decidedBy: string;
  decidedAt: string;
  /** false: recorded by staff from a decision taken on paper. */
  byLink: boolean;
}

/** What the link page shows. Never carries the raw link id, the task token or an e-mail address. */
export type ApprovalLinkView =
  | { state: 'pending'; approval: ApprovalPublicView; approver: { name: string }; expiresAt: string }
  | { state: 'decided'; approval: ApprovalPublicView; decision: LinkDecisionView; overall: ApprovalState }
  | { state: 'expired'; approval: { subject: { title: string } }; expiredAt: string; contact: string }
  | { state: 'cancelled'; approval: { subject: { title: string } }; reason: string }
  | { state: 'invalid' };

export const INVALID_VIEW: ApprovalLinkView = { state: 'invalid' };

export function publicApproval(approval: StoredApproval, summary: string): ApprovalPublicView {
  return {
    id: approval.id,
    subject: { ...approval.subject, summary },
    policy: approval.policy,
    dueDate: approval.dueDate,
    approvers: approval.approvers.map((a) => ({ name: a.name })),
  };
}

/** The link's own decision if it was used, else the approval's resolution (decided by others, or on paper). */
export function decidedView(approval: StoredApproval, link: StoredLink, summary = ''): ApprovalLinkView | undefined {
  const own = link.status === 'used'
    ? [...approval.decisions].reverse().find((d) => d.byLink && d.approverIndex === link.approverIndex)
    : undefined;
  if (own) return { state: 'decided', approval: publicApproval(approval, summary), decision: decisionView(own, true), overall: approval.status };
  if (approval.resolution) {
    const byLink = approval.decisions[approval.decisions.length - 1]?.byLink ?? false;
    return { state: 'decided', approval: publicApproval(approval, summary), decision: decisionView(approval.resolution, byLink), overall: approval.status };
  }
  return undefined;
}

/**
 * Reads what a link stands for: the link, its approval and the view, with no write at all. The view's case summary
 * (its own item) is read only when `withSummary` (a page shows it; a decision being recorded does not need it).
 */
export async function readLink(deps: Pick<ServiceDeps, 'store' | 'clock'>, rawLinkId: unknown, withSummary = true) {
  if (!isWellFormedLinkId(rawLinkId)) return { view: INVALID_VIEW };
  const link = await getLink(deps.store, hashLinkId(rawLinkId));
  if (!link || link.status === 'revoked') return { view: INVALID_VIEW };
  const approval = await getApproval(deps.store, link.approvalId);
  if (!approval || approval.approvers[link.approverIndex]?.linkHash !== link.linkHash) return { view: INVALID_VIEW };
  if (approval.status === 'cancelled') {
    const view: ApprovalLinkView = {
      state: 'cancelled',
      approval: { subject: { title: approval.subject.title } },
      reason: approval.cancelled?.reason ?? '',
    };
    return { view, link, approval };
  }
  const summary = () => (withSummary ? approvalSummary(deps.store, approval) : Promise.resolve(''));
  if (link.status === 'used' || approval.resolution) {
    const decided = decidedView(approval, link, await summary());
    if (decided) return { view: decided, link, approval };
  }
  if (link.status !== 'pending' || linkExpired(link.expiresAt, deps.clock.now())) {
    const view: ApprovalLinkView = {
      state: 'expired',
      approval: { subject: { title: approval.subject.title } },
      expiredAt: link.expiresAt,
      contact: await approvalContact(deps, approval.subject.orgId),
    };
    return { view, link, approval };
  }
  const view: ApprovalLinkView = {
    state: 'pending',
    approval: publicApproval(approval, await summary()),
    approver: { name: link.approverName },
    expiresAt: link.expiresAt,
  };
  return { view, link, approval, open: true as const };
}

/**
 * GET and HEAD of a link: what it stands for, with no side effect (mail scanners open links). Unknown, forged or
 * altered ids, and links that were replaced, reveal nothing.
 */
export async function viewApprovalLink(deps: Pick<ServiceDeps, 'store' | 'clock'>, rawLinkId: string): Promise<ApprovalLinkView> {
  return (await readLink(deps, rawLinkId)).view;
}
