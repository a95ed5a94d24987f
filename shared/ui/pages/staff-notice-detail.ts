import { isMatterKind, staffMayWithdraw, type Notice } from '../../domain/notice/notice';
import { OUTCOME_LABELS, type Objection } from '../../domain/notice/objection';
import { csrfField, errorSummary, textArea, type FormState, emptyForm } from '../form-fields';
import { formatDateTime, staffStatusLabel } from '../format';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';
import { noticeFacts, noticeTitle, objectionChannel } from '../notice-facts';
import { auditTrail, type AuditEntry } from '../audit-trail';

function objectionItem(objection: Objection, index: number): SafeHtml {
  const outcome = objection.outcome;
  return html`<section class="objection">
    <h3>异议 ${index + 1} <span class="muted">（${formatDateTime(objection.filedAt)}）</span></h3>
    <p class="muted">${objection.name ? `署名：${objection.name}` : '匿名'}${objection.contact ? ` · 联系方式：${objection.contact}` : ''}</p>
    <blockquote>${objection.content}</blockquote>
    ${outcome
      ? html`<p><strong>调查结论：</strong>${OUTCOME_LABELS[outcome.decision]}${outcome.reviewDate ? `（复核日期 ${outcome.reviewDate}）` : ''}</p>
          <p>${outcome.note}</p><p class="muted">${outcome.decidedBy} 于 ${formatDateTime(outcome.decidedAt)} 记录</p>`
      : html`<p class="muted">尚未记录调查结论。</p>`}
  </section>`;
}

function withdrawForm(notice: Notice, staff: LayoutStaff, form: FormState, message: string | undefined): SafeHtml {
  return html`<h2>撤回公示</h2>
    <form class="stacked" method="post" action="/staff/notices/${notice.id}/withdraw" novalidate>
      ${csrfField(staff.csrfToken)}
      ${errorSummary(message, form.errors, { reason: '撤回原因' })}
      ${textArea({ name: 'reason', label: '撤回原因', state: form, required: true, rows: 3, maxLength: 500, hint: '撤回后公示立即结束，不再受理异议；撤回原因记入全程纪实。' })}
      <button type="submit" class="secondary">撤回公示</button>
    </form>`;
}

export interface StaffNoticeDetailOptions {
  notice: Notice;
  objections: Objection[];
  audit: AuditEntry[];
  staff: LayoutStaff;
  now: Date;
  withdrawForm?: FormState;
  withdrawMessage?: string;
  flash?: string;
}

/** One notice for staff: content, objections with outcomes, the 全程纪实 and, while open, withdrawal. */
export function staffNoticeDetailPage(options: StaffNoticeDetailOptions): SafeHtml {
  const { notice, staff } = options;
  const body = html`<p><a href="/staff/notices">← 返回公示管理</a></p>
    <h1>${noticeTitle(notice)}</h1>
    ${options.flash ? html`<div class="alert ok" role="status"><p>${options.flash}</p></div>` : ''}
    <p><span class="tag">${staffStatusLabel(notice, options.now)}</span>
      ${notice.audience === 'public'
        ? html` <a href="/notices/${notice.id}">公示页面</a> · <a href="/notices/${notice.id}/print">打印版</a>`
        : html` 内部公示 · <a href="/staff/notices/${notice.id}/print">打印版（在单位内部张贴）</a>`}</p>
    ${notice.withdrawReason ? html`<p>撤回原因：${notice.withdrawReason}</p>` : ''}
    ${noticeFacts(notice)}
    <h2>意见受理</h2>
    ${objectionChannel(notice)}
    ${isMatterKind(notice.kind) ? '' : html`<h2>异议（${options.objections.length} 条）</h2>
    ${options.objections.length === 0 ? html`<p>未收到异议。</p>` : options.objections.map(objectionItem)}`}
    <h2>全程纪实</h2>
    ${auditTrail(options.audit)}
    ${notice.status === 'open' && staffMayWithdraw(notice) ? withdrawForm(notice, staff, options.withdrawForm ?? emptyForm(), options.withdrawMessage) : ''}`;
  return layout({ title: noticeTitle(notice), body, staff });
}
