import {
  APPROVAL_OUTCOME_LABELS, APPROVAL_SUBJECT_KIND_LABELS, decideBy, type ApprovalDecision, type ApprovalResolution,
} from '../../domain/approval/approval';
import type { StoredApproval } from '../../store/approvals-repo';
import { staffToNotify } from '../registry/questions';
import type { ServiceDeps } from '../deps';
import { approvalLinkUrl } from './links';

/** An instant in China time, e.g. 2026-10-07 09:00. */
export function chinaTimeText(iso: string): string {
  const shifted = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}

const GENERIC_CONTACT = '请联系上级党组织的组织工作人员重新发送审批链接。';

/** How an approver whose link expired gets a new one: the committee staff responsible for the organization. */
export async function approvalContact(deps: Pick<ServiceDeps, 'store'>, orgId: string): Promise<string> {
  try {
    const staff = (await staffToNotify(deps, orgId)).filter((s) => s.role === 'committee-staff');
    if (staff.length === 0) return GENERIC_CONTACT;
    return `请联系${staff.slice(0, 3).map((s) => `${s.displayName}（${s.email}）`).join('、')}重新发送审批链接。`;
  } catch {
    return GENERIC_CONTACT;
  }
}

export function requestMail(deps: ServiceDeps, approval: StoredApproval, summary: string, approverIndex: number, rawLinkId: string, expiresAt: string, contact: string) {
  const approver = approval.approvers[approverIndex];
  return {
    to: [approver.email],
    subject: `【审批】${approval.subject.title}`,
    text:
      `${approver.name}同志：\n\n` +
      `现报请审批“${approval.subject.title}”（${APPROVAL_SUBJECT_KIND_LABELS[approval.subject.kind]}），请于 ${chinaTimeText(decideBy(approval.dueDate, expiresAt))}（北京时间）前作出决定。\n\n` +
      `案情摘要：\n${summary}\n\n` +
      `请打开以下链接查阅材料并作出决定（同意或不同意，并填写作出决定的党委会议日期）：\n` +
      `${approvalLinkUrl(deps.publicBaseUrl, rawLinkId)}\n\n` +
      `打开链接只用于查阅，不会作出任何决定；只有在页面上选择“同意”或“不同意”并提交，才会记录您的决定。\n` +
      `此链接仅供您本人使用，只能提交一次。如链接过期，${contact}\n`,
  };
}

export function reminderMail(approval: StoredApproval, approverIndex: number, expiresAt: string) {
  const approver = approval.approvers[approverIndex];
  return {
    to: [approver.email],
    subject: `【审批提醒】${approval.subject.title}`,
    text:
      `${approver.name}同志：\n\n` +
      `“${approval.subject.title}”尚待您审批。此前发送给您的审批链接将于 ${chinaTimeText(expiresAt)}（北京时间）失效，` +
      `请使用该邮件中的链接及时作出决定。\n为安全起见，本提醒不再附带链接；如找不到原邮件，请联系组织工作人员重新发送。\n`,
  };
}

/** The decision as shown to people (no approver index). */
export function decisionView(decision: ApprovalDecision | ApprovalResolution, byLink: boolean) {
  return {
    outcome: decision.outcome,
    outcomeLabel: APPROVAL_OUTCOME_LABELS[decision.outcome],
    ...(decision.comment ? { comment: decision.comment } : {}),
    ...(decision.meetingDate ? { meetingDate: decision.meetingDate } : {}),
    decidedBy: decision.decidedBy,
    decidedAt: decision.decidedAt,
    byLink,
  };
}
