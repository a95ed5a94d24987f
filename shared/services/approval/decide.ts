import {
  resolveDecision, type ApprovalDecision, type ApprovalOutcome, type ApprovalResolution, type ApprovalState,
} from '../../domain/approval/approval';
import { approvalDecisionForm } from '../../schemas/approval';
import { parseForm } from '../../schemas/parse-form';
import { approvalPk, closeTask, replaceApproval, useLink, type StoredApproval } from '../../store/approvals-repo';
import { auditPut } from '../../store/audit';
import { commitWithRetry, type TransactItem } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { InputInvalidError } from '../../errors';
import { deliverApprovalCallback } from './callback';
import { ApprovalWindowClosedError } from './errors';
import { readLink, type ApprovalLinkView } from './view';

/** Who sent a request: recorded with every decision, resend and reassignment. */
export interface ClientInfo {
  ip: string;
  userAgent: string;
}

/** The resolution the workflow receives when the decisions resolved the approval. */
export function resolutionOf(approval: StoredApproval, decisions: ApprovalDecision[], state: ApprovalOutcome, now: Date): ApprovalResolution {
  const deciding = approval.policy === 'any' ? [decisions[0]] : decisions.filter((d) => d.outcome === state);
  const comments = deciding.map((d) => (d.comment ? (deciding.length > 1 ? `${d.decidedBy}：${d.comment}` : d.comment) : undefined)).filter(Boolean);
  const meetingDates = deciding.map((d) => d.meetingDate).sort();
  return {
    approvalId: approval.id,
    outcome: state,
    decidedAt: now.toISOString(),
    meetingDate: meetingDates[meetingDates.length - 1],
    ...(comments.length ? { comment: comments.join('；') } : {}),
    decidedBy: deciding.map((d) => d.decidedBy).join('、'),
  };
}

/** The next version of an approval with `decisions`, resolved if the policy says so. */
export function withDecisions(approval: StoredApproval, decisions: ApprovalDecision[], now: Date): { next: StoredApproval; state: ApprovalState } {
  const state = resolveDecision(approval.policy, approval.approvers, decisions);
  const next: StoredApproval = {
    ...approval,
    decisions,
    status: state,
    version: approval.version + 1,
    ...(state !== 'pending' ? { resolution: resolutionOf(approval, decisions, state, now), overdueTaskId: undefined } : {}),
  };
  return { next, state };
}

/**
 * The decision window (DecisionWindow): after its hard stop no decision is taken (ApprovalWindowClosedError); after
 * the due date a decision must give its reason in the comment (InputInvalidError on `comment`).
 */
export function checkDecisionWindow(approval: Pick<StoredApproval, 'decisionWindow'>, decidedAt: string, comment: string | undefined): void {
  const window = approval.decisionWindow;
  if (!window) return;
  if (decidedAt > window.closesAt) throw new ApprovalWindowClosedError(window.closesAt);
  if (decidedAt > window.reasonRequiredAfter && !comment) {
    throw new InputInvalidError({ comment: `已超过审批期限（${window.reasonRequiredAfter.slice(0, 10)}），请在“意见说明”中写明延期审批的原因（最迟 ${window.closesAt.slice(0, 10)}）。` });
  }
}

/** Items that settle an open overdue task together with a change that answers it. */
export function closeOverdueItems(deps: ServiceDeps, approval: StoredApproval, by: string, at: string): TransactItem[] {
  return approval.overdueTaskId ? [closeTask(deps.store, approval.overdueTaskId, by, at)] : [];
}

/**
 * The approver's POST from the link page. Exactly once: in ONE transaction the link is used (condition: still
 * pending), the decision is added to the approval (condition: its version unchanged and still pending), the approval
 * is resolved if the policy says so, and the audit event is written; only then is the workflow told. A second POST,
 * a race lost to another approver, an expired, replaced or unknown link answer with the corresponding view.
 */
export async function decideByLink(deps: ServiceDeps, rawLinkId: string, form: unknown, client: ClientInfo): Promise<ApprovalLinkView> {
  let parsed: ReturnType<typeof approvalDecisionForm.parse> | undefined;
  const decided = await commitWithRetry<{ view: ApprovalLinkView } | { next: StoredApproval; state: ApprovalState }>(deps.store, async () => {
    const read = await readLink(deps, rawLinkId, false);
    if (!read.open) return { answer: { view: (await readLink(deps, rawLinkId)).view } };
    const { link, approval } = read;
    parsed ??= parseForm(approvalDecisionForm, form);
    const now = deps.clock.now();
    checkDecisionWindow(approval, now.toISOString(), parsed.comment);
    const decision: ApprovalDecision = {
      approverIndex: link.approverIndex,
      outcome: parsed.outcome,
      ...(parsed.comment ? { comment: parsed.comment } : {}),
      meetingDate: parsed.meetingDate,
      decidedBy: link.approverName,
      decidedAt: now.toISOString(),
      byLink: true,
    };
    const { next, state } = withDecisions(approval, [...approval.decisions, decision], now);
    const at = now.toISOString();
    const items: TransactItem[] = [
      useLink(deps.store, link.linkHash, at),
      ...replaceApproval(deps.store, next, approval.version),
      auditPut(deps.store, approvalPk(approval.id), {
        at,
        action: 'approval.decided',
        actor: 'public',
        details: {
          approver: link.approverName,
          approverIndex: link.approverIndex,
          outcome: decision.outcome,
          meetingDate: decision.meetingDate,
          ...(decision.comment ? { comment: decision.comment } : {}),
          ip: client.ip,
          userAgent: client.userAgent,
        },
      }),
    ];
    if (state !== 'pending') {
      items.push(
        auditPut(deps.store, approvalPk(approval.id), { at, action: 'approval.resolved', actor: 'system', details: { outcome: state, decidedBy: next.resolution?.decidedBy } }),
        ...closeOverdueItems(deps, approval, link.approverName, at),
      );
    }
    return { write: items, answer: { next, state } };
  });
  if (!('next' in decided)) return decided.view;
  if (decided.state !== 'pending') await deliverApprovalCallback(deps, decided.next);
  return (await readLink(deps, rawLinkId)).view;
}
