import type { StepRecord } from '../../domain/development/case';
import { OUTCOME_LABELS, type Objection } from '../../domain/notice/objection';
import type { Notice } from '../../domain/notice/notice';
import { noticeHeading } from '../../domain/notice/notice-headline';
import { isFormStepKey, stepFormFields } from '../../schemas/development-steps';
import type { CaseApprovalView, CaseFilingView } from '../../services/development';
import { fieldLabel, fieldValue, isHiddenField } from '../field-text';
import { formatDateTime, staffStatusLabel } from '../format';
import { html, multiline, type SafeHtml } from '../html';

/** Pieces of the case file (全程纪实) and the printable archive: a step record, a notice with objections, an approval, a filing. */

const APPROVAL_LABELS: Record<string, string> = { pending: '待决定', approved: '同意', rejected: '不同意', cancelled: '已撤销（案件已终止）' };

/** The record's values with the form's labels and options; the rest (derived values: names, a vote's explanation, an approval's decision) through the central renderer. */
export function recordValues(record: StepRecord): Array<[string, string]> {
  const key = String(record.stepKey);
  const fields = isFormStepKey(key) || key.startsWith('noticeReview-') ? stepFormFields(key as Parameters<typeof stepFormFields>[0]) : [];
  return Object.entries(record.values)
    .filter(([name]) => !isHiddenField(name))
    .map(([name, value]) => {
      const field = fields.find((f) => f.name === name);
      const option = field?.options?.find((o) => o.value === value)?.label;
      const text = option ?? (Array.isArray(value) && field?.options ? value.map((v) => field.options?.find((o) => o.value === v)?.label ?? fieldValue(name, v, 'case')).join('、') : fieldValue(name, value, 'case'));
      return [field?.label ?? fieldLabel(name, 'case'), text] as [string, string];
    })
    .filter(([, text]) => text !== '');
}

export function stepRecordBlock(record: StepRecord): SafeHtml {
  return html`<div class="record">
    <p><strong>${formatDateTime(record.at)}</strong> ${record.actorName}${record.lateFlag ? html` <span class="tag overdue">逾期办理</span>` : ''}${record.attempt > 1 ? html` <span class="tag">第 ${record.attempt} 次</span>` : ''}</p>
    <dl class="facts">${recordValues(record).map(([label, text]) => html`<dt>${label}</dt><dd>${multiline(text)}</dd>`)}</dl>
    ${record.explanations.length > 0 ? html`<ul class="explanations">${record.explanations.map((f) => html`<li>${f.message}</li>`)}</ul>` : ''}
    ${record.notes ? html`<p>备注：${record.notes}</p>` : ''}
    ${record.attachments.length > 0 ? html`<p>附件：${record.attachments.map((a) => html`<span class="attachment">${a.name}（${Math.ceil(a.size / 1024)} KB，SHA-256 ${a.sha256.slice(0, 12)}…）</span> `)}</p>` : ''}
  </div>`;
}

function objectionBlock(objection: Objection, index: number): SafeHtml {
  return html`<div class="objection">
    <p><strong>异议 ${index + 1}</strong>（${formatDateTime(objection.filedAt)}，${objection.name ? `署名：${objection.name}` : '匿名'}）</p>
    <blockquote>${objection.content}</blockquote>
    ${objection.outcome
      ? html`<p>调查结论：${OUTCOME_LABELS[objection.outcome.decision]}${objection.outcome.reviewDate ? `（复核日期 ${objection.outcome.reviewDate}）` : ''}；${objection.outcome.note}（${objection.outcome.decidedBy}，${formatDateTime(objection.outcome.decidedAt)}）</p>`
      : html`<p class="muted">尚未记录调查结论。</p>`}
  </div>`;
}

export function noticeBlock(entry: { notice: Notice; objections: Objection[] }, now: Date, link = true): SafeHtml {
  const { notice, objections } = entry;
  return html`<div class="notice-card">
    <h3>${link ? html`<a href="/staff/notices/${notice.id}">${noticeHeading(notice)}</a>` : noticeHeading(notice)}</h3>
    <p>公示期：${formatDateTime(notice.publishedAt)} 至 ${formatDateTime(notice.endsAt)}；状态：${staffStatusLabel(notice, now)}；收到异议 ${objections.length} 件。</p>
    ${objections.map(objectionBlock)}
  </div>`;
}

export function approvalBlock(approval: CaseApprovalView): SafeHtml {
  return html`<div class="record">
    <p><strong>${approval.subject.title}</strong>：<span class="tag${approval.status === 'rejected' ? ' overdue' : approval.status === 'approved' ? ' open' : ''}">${APPROVAL_LABELS[approval.status] ?? approval.status}</span>（审批人：${approval.approvers.join('、')}；期限 ${formatDateTime(approval.dueDate)}）</p>
    ${approval.decisions.length > 0
      ? html`<ul>${approval.decisions.map((d) => html`<li>${d.decidedBy}：${APPROVAL_LABELS[d.outcome] ?? d.outcome}，会议日期 ${d.meetingDate}${d.comment ? `，${d.comment}` : ''}（${formatDateTime(d.decidedAt)}${d.byLink ? '，通过邮件链接' : '，书面决定'}）</li>`)}</ul>`
      : ''}
  </div>`;
}

export function filingBlock(filing: CaseFilingView): SafeHtml {
  return html`<div class="record"><p>已报${filing.filedWith}备案（${formatDateTime(filing.filedAt)}）</p></div>`;
}
