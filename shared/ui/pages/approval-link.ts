import {
  APPROVAL_OUTCOME_LABELS, APPROVAL_POLICY_LABELS, APPROVAL_SUBJECT_KIND_LABELS, decideBy,
} from '../../domain/approval/approval';
import { errorSummary, textArea, textField, type FormState } from '../form-fields';
import { formatDateLong, formatDateTime } from '../format';
import { html, multiline, type SafeHtml } from '../html';
import { layout } from '../layout';

/**
 * The page an approver reaches from the e-mail (审批链接). What it shows mirrors the approval service's link views;
 * the types here name only what the page reads, so any view with these fields renders.
 */
export interface ApprovalSubjectView {
  kind: string;
  title: string;
  summary: string;
  orgId: string;
  orgName?: string;
  caseUrl?: string;
}

export interface ApprovalCaseView {
  subject: ApprovalSubjectView;
  policy: string;
  dueDate: string;
  approvers: ReadonlyArray<{ name: string }>;
}

export interface ApprovalDecisionView {
  outcome: 'approved' | 'rejected';
  comment?: string;
  meetingDate?: string;
  decidedBy: string;
  decidedAt: string;
  byLink: boolean;
}

export type ApprovalOverall = 'pending' | 'approved' | 'rejected' | 'cancelled';

export const OUTCOME_LABELS = APPROVAL_OUTCOME_LABELS;
export const OVERALL_LABELS: Record<ApprovalOverall, string> = { pending: '尚待其他审批人决定', approved: '审批通过', rejected: '审批未通过', cancelled: '已撤销' };

export const kindLabel = (kind: string): string => (APPROVAL_SUBJECT_KIND_LABELS as Record<string, string>)[kind] ?? kind;
export const policyLabel = (policy: string): string => (APPROVAL_POLICY_LABELS as Record<string, string>)[policy] ?? policy;

/** The case as the approver reads it. */
export function approvalFacts(approval: ApprovalCaseView, deadline: string = approval.dueDate): SafeHtml {
  const { subject } = approval;
  return html`<dl class="facts">
    <dt>事项</dt><dd>${subject.title}</dd>
    <dt>类别</dt><dd>${kindLabel(subject.kind)}</dd>
    <dt>报送组织</dt><dd>${subject.orgName ?? subject.orgId}</dd>
    <dt>审批方式</dt><dd>${policyLabel(approval.policy)}</dd>
    <dt>审批人</dt><dd>${approval.approvers.map((a) => a.name).join('、')}</dd>
    <dt>办理期限</dt><dd>${formatDateTime(deadline)}</dd>
  </dl>
  <h2>情况说明</h2>
  <div class="summary"><p>${multiline(subject.summary)}</p></div>`;
}

function decisionFacts(decision: ApprovalDecisionView): SafeHtml {
  return html`<dl class="facts decision">
    <dt>意见</dt><dd><strong>${OUTCOME_LABELS[decision.outcome]}</strong></dd>
    ${decision.comment ? html`<dt>说明</dt><dd>${multiline(decision.comment)}</dd>` : ''}
    ${decision.meetingDate ? html`<dt>会议日期</dt><dd>${formatDateLong(decision.meetingDate)}</dd>` : ''}
    <dt>决定人</dt><dd>${decision.decidedBy}</dd>
    <dt>提交时间</dt><dd>${formatDateTime(decision.decidedAt)}${decision.byLink ? '' : '（书面决定，由工作人员录入）'}</dd>
  </dl>`;
}

export interface PendingLinkPage {
  approval: ApprovalCaseView;
  approver: { name: string };
  expiresAt: string;
  /** Where the form posts: the link itself. */
  action: string;
  csrfToken: string;
  form?: FormState;
  message?: string;
}

const DECISION_LABELS = { comment: '意见说明', meetingDate: '会议日期', outcome: '审批意见' };

/** Pending: the case, then the form with 同意 / 不同意. Opening the page decides nothing. */
export function approvalPendingPage(page: PendingLinkPage): SafeHtml {
  const form = page.form ?? { values: {}, errors: {} };
  const body = html`<h1>审批：${page.approval.subject.title}</h1>
    <div class="alert ok" role="status"><p>打开本页面不会作出任何决定。请阅读情况后填写会议日期，再点击“同意”或“不同意”提交；提交后不能更改。</p></div>
    <p>审批人：<strong>${page.approver.name}</strong></p>
    ${approvalFacts(page.approval, decideBy(page.approval.dueDate, page.expiresAt))}
    <h2>审批意见</h2>
    ${errorSummary(page.message, form.errors, DECISION_LABELS)}
    <form method="post" action="${page.action}" class="approval-decision">
      <input type="hidden" name="_csrf" value="${page.csrfToken}">
      ${textField({ name: 'meetingDate', label: '会议日期', type: 'date', required: true, state: form, hint: '作出决定的委员会会议日期。' })}
      ${textArea({ name: 'comment', label: '意见说明', state: form, rows: 4, maxLength: 2000, hint: '不同意时请说明理由。' })}
      <p class="actions">
        <button type="submit" name="outcome" value="approved">同意</button>
        <button type="submit" name="outcome" value="rejected" class="secondary">不同意</button>
      </p>
    </form>`;
  return layout({ title: '审批', body });
}

export interface DecidedLinkPage {
  approval: ApprovalCaseView;
  decision: ApprovalDecisionView;
  overall: ApprovalOverall;
  /** This request recorded the decision (a POST that won); otherwise the link had been used before. */
  justDecided?: boolean;
}

/** A used link: who decided what and when, and where the approval as a whole stands. */
export function approvalDecidedPage(page: DecidedLinkPage): SafeHtml {
  const body = html`<h1>${page.justDecided ? '您的审批意见已提交' : '此审批链接已使用'}</h1>
    <div class="alert ok" role="status"><p>${page.justDecided
      ? '审批意见已记录，感谢您的办理。本链接不能再次提交。'
      : '该审批已经办理，无需重复提交。以下是已记录的审批意见。'}</p></div>
    <p>事项：<strong>${page.approval.subject.title}</strong></p>
    ${decisionFacts(page.decision)}
    <p>审批结果：<span class="tag">${OVERALL_LABELS[page.overall]}</span></p>`;
  return layout({ title: '审批已办理', body });
}

/** An expired link: says so, and whom to ask for a new one. */
export function approvalExpiredPage(page: { approval: { subject: { title: string } }; expiredAt: string; contact: string }): SafeHtml {
  const body = html`<h1>审批链接已过期</h1>
    <div class="alert" role="alert"><p>此审批链接已于 ${formatDateTime(page.expiredAt)} 过期，不能再用于提交审批意见。</p></div>
    <p>事项：<strong>${page.approval.subject.title}</strong></p>
    <p>如需重新办理，请联系 ${page.contact}，由工作人员重新发送审批链接。</p>`;
  return layout({ title: '审批链接已过期', body });
}

/** An approval withdrawn before a decision (its case was ended): says so; nothing can be decided here any more. */
export function approvalCancelledPage(page: { approval: { subject: { title: string } }; reason: string }): SafeHtml {
  const body = html`<h1>此审批事项已撤销</h1>
    <div class="alert" role="alert"><p>该事项已终止办理，此审批已撤销，无需再作出审批决定；本链接不再接受提交。</p></div>
    <p>事项：<strong>${page.approval.subject.title}</strong></p>
    ${page.reason ? html`<p>撤销原因：${page.reason}。</p>` : ''}`;
  return layout({ title: '审批事项已撤销', body });
}

/** Forged, altered or unknown: the same page whatever was wrong, naming nothing. */
export function approvalInvalidPage(): SafeHtml {
  const body = html`<h1>链接无效</h1>
    <div class="alert" role="alert"><p>此链接无效。请检查是否完整复制了邮件中的链接；如有疑问，请联系发送邮件的组织部门。</p></div>`;
  return layout({ title: '链接无效', body });
}

/** A POST whose form did not come from the page (no or wrong CSRF token): nothing was decided. */
export function approvalForbiddenPage(): SafeHtml {
  const body = html`<h1>无法确认提交来源</h1>
    <div class="alert" role="alert"><p>页面已过期或请求来源无法确认，审批意见未提交。请重新打开邮件中的链接，刷新页面后再提交。</p></div>`;
  return layout({ title: '无法确认提交来源', body });
}
