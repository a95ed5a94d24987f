import type { StaffApprovalView } from '../../services/approval/staff';
import { auditTrail } from '../audit-trail';
import { csrfField, emptyForm, errorSummary, radioGroup, textArea, textField, type FormState } from '../form-fields';
import { formatDateLong, formatDateTime } from '../format';
import { html, multiline, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';
import { OUTCOME_LABELS, OVERALL_LABELS, kindLabel, policyLabel } from './approval-link';
import { approvalStatusTag } from './staff-approvals';

type StaffApprover = StaffApprovalView['approvers'][number];

const LINK_STATE_LABELS: Record<StaffApprover['link']['state'], string> = {
  pending: '已发送，待决定',
  used: '已决定',
  expired: '已过期',
  revoked: '已作废',
  closed: '审批已结束',
};

/** Which form failed, with its input and messages, to show it again. */
export interface ApprovalFormError {
  form: 'resend' | 'reassign' | 'paper-decision';
  approverIndex?: number;
  state: FormState;
  message?: string;
}

export interface StaffApprovalDetailOptions {
  view: StaffApprovalView;
  staff: LayoutStaff;
  now: Date;
  flash?: string;
  error?: ApprovalFormError;
}

function linkState(approver: StaffApprover): SafeHtml {
  const { link } = approver;
  const label = link.state === 'pending' && link.remindedAt ? '已发送，已提醒' : LINK_STATE_LABELS[link.state];
  return html`${label}<br><span class="muted">发送 ${formatDateTime(link.issuedAt)}${link.remindedAt ? html`，提醒 ${formatDateTime(link.remindedAt)}` : ''}，有效期至 ${formatDateTime(link.expiresAt)}</span>`;
}

function decisionText(decision: StaffApprover['decision']): SafeHtml {
  if (!decision) return html`<span class="muted">尚未决定</span>`;
  return html`<strong>${OUTCOME_LABELS[decision.outcome]}</strong>（会议日期 ${formatDateLong(decision.meetingDate)}，${formatDateTime(decision.decidedAt)}）${decision.comment ? html`<br>${multiline(decision.comment)}` : ''}`;
}

function approverActions(options: StaffApprovalDetailOptions, approver: StaffApprover): SafeHtml {
  if (options.view.status !== 'pending' || approver.decision) return html``;
  const path = `/staff/approvals/${encodeURIComponent(options.view.id)}`;
  const error = options.error?.approverIndex === approver.index ? options.error : undefined;
  const reassignState = error?.form === 'reassign' ? error.state : emptyForm();
  return html`<form method="post" action="${path}/resend" class="inline">${csrfField(options.staff.csrfToken)}
      <input type="hidden" name="approverIndex" value="${approver.index}">
      <button type="submit">重新发送链接</button></form>
    <details${error?.form === 'reassign' ? html` open` : ''}><summary>更换审批人</summary>
      <form method="post" action="${path}/reassign">${csrfField(options.staff.csrfToken)}
        <input type="hidden" name="approverIndex" value="${approver.index}">
        ${error?.form === 'reassign' ? errorSummary(error.message, error.state.errors, { name: '审批人姓名', email: '电子邮箱' }) : ''}
        ${textField({ name: 'name', label: '新审批人姓名', state: reassignState, required: true, maxLength: 50 })}
        ${textField({ name: 'email', label: '新审批人电子邮箱', type: 'email', state: reassignState, required: true })}
        <button type="submit">更换并发送链接</button>
      </form></details>`;
}

function paperDecisionForm(options: StaffApprovalDetailOptions): SafeHtml {
  const error = options.error?.form === 'paper-decision' ? options.error : undefined;
  const state = error?.state ?? emptyForm();
  return html`<h2>录入书面决定</h2>
    <p class="muted">上级党委已在会议上作出决定、但未通过链接提交时，由工作人员据书面材料录入；录入后审批结束，尚未使用的链接全部作废。</p>
    ${error ? errorSummary(error.message, error.state.errors, { outcome: '审批结果', decidedBy: '决定人', decidedAt: '决定日期', meetingDate: '会议日期', comment: '意见说明' }) : ''}
    <form method="post" action="/staff/approvals/${encodeURIComponent(options.view.id)}/paper-decision">${csrfField(options.staff.csrfToken)}
      ${radioGroup({ name: 'outcome', label: '审批结果', state, required: true, options: [['approved', '同意'], ['rejected', '不同意']] })}
      ${textField({ name: 'decidedBy', label: '决定人', state, required: true, maxLength: 100, hint: '作出决定的审批人或会议（如：机关党委委员会）。' })}
      ${textField({ name: 'decidedAt', label: '决定日期', type: 'date', state, required: true })}
      ${textField({ name: 'meetingDate', label: '会议日期', type: 'date', state, required: true })}
      ${textArea({ name: 'comment', label: '意见说明', state, rows: 3, maxLength: 2000 })}
      <button type="submit">录入书面决定</button>
    </form>`;
}

/** One approval for committee staff: the case, each approver's link state and decision, the forms, the audit trail. */
export function staffApprovalDetailPage(options: StaffApprovalDetailOptions): SafeHtml {
  const { view } = options;
  const body = html`<h1>审批：${view.subject.title}</h1>
    ${options.flash ? html`<div class="alert ok" role="status"><p>${options.flash}</p></div>` : ''}
    ${options.error && options.error.form !== 'reassign' && options.error.form !== 'paper-decision' ? errorSummary(options.error.message, options.error.state.errors) : ''}
    <p>${approvalStatusTag(view)}</p>
    <dl class="facts">
      <dt>类别</dt><dd>${kindLabel(view.subject.kind)}</dd>
      <dt>审批方式</dt><dd>${policyLabel(view.policy)}</dd>
      <dt>办理期限</dt><dd>${formatDateTime(view.dueDate)}</dd>
      <dt>发起时间</dt><dd>${formatDateTime(view.createdAt)}</dd>
      ${view.resolution ? html`<dt>审批结果</dt><dd>${OVERALL_LABELS[view.status]}：${view.resolution.decidedBy}，${formatDateTime(view.resolution.decidedAt)}${view.resolution.meetingDate ? html`（会议日期 ${formatDateLong(view.resolution.meetingDate)}）` : ''}</dd>` : ''}
    </dl>
    <h2>情况说明</h2>
    <p>${multiline(view.subject.summary)}</p>
    <h2>审批人</h2>
    <div class="table-wrap" tabindex="0"><table>
      <thead><tr><th>审批人</th><th>链接状态</th><th>意见</th><th>办理</th></tr></thead>
      <tbody>${view.approvers.map((approver) => html`<tr>
        <td>${approver.name}<br><span class="muted">${approver.email}</span></td>
        <td>${linkState(approver)}</td>
        <td>${decisionText(approver.decision)}</td>
        <td>${approverActions(options, approver)}</td>
      </tr>`)}</tbody>
    </table></div>
    ${view.decisions.filter((d) => !d.byLink).map((d) => html`<h2>书面决定</h2><p><strong>${OUTCOME_LABELS[d.outcome]}</strong>：${d.decidedBy}，决定日期 ${formatDateLong(d.decidedAt)}，会议日期 ${formatDateLong(d.meetingDate)}${d.comment ? html`。${d.comment}` : ''}</p>`)}
    ${view.status === 'pending' ? paperDecisionForm(options) : ''}
    <h2>全程纪实</h2>
    ${auditTrail(view.audit)}
    <p><a href="/staff/approvals">返回审批事项</a></p>`;
  return layout({ title: `审批：${view.subject.title}`, body, staff: options.staff });
}
