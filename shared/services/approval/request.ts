import { linkDates, type ApprovalRequest } from '../../domain/approval/approval';
import {
  approvalPk, getApproval, putNewApproval, putNewLink, renewApprovalToken, type StoredApproval, type StoredLink,
} from '../../store/approvals-repo';
import { auditPut } from '../../store/audit';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { deliverApprovalCallback } from './callback';
import { approvalContact, requestMail } from './format';
import { hashLinkId, newRawLinkId } from './links';

/** A fresh link for approver `approverIndex` of `approval`: the raw id (for the e-mail only) and the stored link. */
export function issueLink(approval: Pick<StoredApproval, 'id' | 'linkValidDays' | 'reminderDaysBefore'>, approverIndex: number, approverName: string, now: Date) {
  const rawLinkId = newRawLinkId();
  const link: StoredLink = {
    linkHash: hashLinkId(rawLinkId),
    approvalId: approval.id,
    approverIndex,
    approverName,
    status: 'pending',
    issuedAt: now.toISOString(),
    ...linkDates(now, approval),
  };
  return { rawLinkId, link };
}

/**
 * Task RequestDecision (callback): records the approval with one link per approver, in one transaction with its
 * audit event, then e-mails each approver their link. Asked again (retry, redrive): a pending approval takes the new
 * task token and no link is sent again; an approval already resolved answers the workflow with its resolution.
 */
export async function createApprovalRequest(
  deps: ServiceDeps,
  request: { approval: ApprovalRequest; taskToken: string; executionArn: string },
): Promise<void> {
  const { approval: input, taskToken, executionArn } = request;
  const existing = await getApproval(deps.store, input.approvalId);
  if (existing) {
    if (existing.status === 'pending') {
      if (existing.taskToken === taskToken || (await renewApprovalToken(deps.store, existing.id, taskToken, executionArn))) return;
      return createApprovalRequest(deps, request); // resolved in between
    }
    await deliverApprovalCallback(deps, { ...existing, taskToken });
    return;
  }
  const now = deps.clock.now();
  const base = {
    id: input.approvalId,
    linkValidDays: input.linkValidDays,
    reminderDaysBefore: input.reminderDaysBefore,
  };
  const issued = input.approvers.map((approver, index) => issueLink(base, index, approver.name, now));
  const approval: StoredApproval & { subject: ApprovalRequest['subject'] } = {
    ...base,
    subject: input.subject,
    policy: input.policy,
    dueDate: input.dueDate,
    ...(input.decisionWindow ? { decisionWindow: input.decisionWindow } : {}),
    approvers: input.approvers.map((approver, index) => ({ name: approver.name, email: approver.email, linkHash: issued[index].link.linkHash })),
    status: 'pending',
    decisions: [],
    taskToken,
    executionArn,
    createdAt: now.toISOString(),
    version: 1,
  };
  try {
    await transactWrite(deps.store, [
      ...putNewApproval(deps.store, approval),
      ...issued.map(({ link }) => putNewLink(deps.store, link)),
      auditPut(deps.store, approvalPk(approval.id), {
        at: approval.createdAt,
        action: 'approval.requested',
        actor: 'system',
        details: {
          title: input.subject.title,
          kind: input.subject.kind,
          policy: input.policy,
          dueDate: input.dueDate,
          approvers: input.approvers.map((a) => a.name),
          linksExpireAt: issued[0].link.expiresAt,
        },
      }),
    ]);
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error;
    return createApprovalRequest(deps, request); // a concurrent attempt created it
  }
  const contact = await approvalContact(deps, input.subject.orgId);
  for (const [index, { rawLinkId, link }] of issued.entries()) {
    await deps.mailer.send(requestMail(deps, approval, input.subject.summary, index, rawLinkId, link.expiresAt, contact));
  }
}
