import { TRANSFER_STATUS_LABELS, TRANSFER_STEP_LABELS, currentLetter, type Transfer } from '../../domain/transfer/transfer';
import { formatSerial } from '../../domain/transfer/serial';
import { TRANSFER_WARNING_LABELS, type TransferWarning } from '../../domain/transfer/warnings';
import { MEMBERSHIP_STATUS_LABELS } from '../../domain/registry/person';
import type { AcceptanceOffer } from '../../domain/transfer/case-move';
import type { ReceiptCaseNotice } from '../../services/transfer/case-leaving';
import { auditTrail, type AuditEntry } from '../audit-trail';
import { csrfField, emptyForm, textField, type FormState } from '../form-fields';
import { formatDateLong, formatDateTime, formatYearMonth } from '../format';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';

/** What the actor may do on this transfer now (each refused anyway by the service otherwise). */
export interface TransferActions {
  issue: boolean;
  reissue: boolean;
  accept: boolean;
  refuse: boolean;
  receipt: boolean;
}

export interface TransferFileOptions {
  transfer: Transfer;
  /** For whoever may accept: accept now, or what the person's development case waits for (docs/domain/transfer.md T8a). */
  acceptOffer?: AcceptanceOffer;
  /** For whoever records the receipt: the person's open development case, and what it waits for (T8b). */
  receiptCase?: ReceiptCaseNotice;
  warnings: TransferWarning[];
  events: AuditEntry[];
  actions: TransferActions;
  staff: LayoutStaff;
  today: string;
  flash?: string;
  failed?: { form: string; state: FormState; message?: string };
}

function actionForm(o: TransferFileOptions, name: string, title: string, button: string, fields: (state: FormState) => SafeHtml = () => html``, confirm?: string): SafeHtml {
  const failed = o.failed?.form === name ? o.failed : undefined;
  const state = { ...(failed?.state ?? emptyForm(name === 'issue' ? { validityMonths: '3' } : name === 'receipt' || name === 'wait-receipt' ? { receiptDate: o.today } : {})), scope: name };
  return html`<section class="action"><h3>${title}</h3>
    <form class="stacked" method="post" action="/staff/transfers/${o.transfer.id}/${name}" novalidate>
      ${csrfField(o.staff.csrfToken)}<input type="hidden" name="version" value="${String(o.transfer.version)}">
      ${failed?.message ? html`<div class="alert error" role="alert"><p>${failed.message}</p></div>` : ''}
      ${fields(state)}
      ${confirm ? html`<p class="hint">${confirm}</p>` : ''}
      <button type="submit">${button}</button>
    </form></section>`;
}

/**
 * 接收: the button, or, while the person's development case cannot move, what it waits for and the offer to have the
 * system accept once it is over (or, that chosen, who chose it and how to take it back).
 */
function acceptSection(o: TransferFileOptions): SafeHtml {
  const offer = o.acceptOffer;
  if (offer?.kind !== 'wait') return actionForm(o, 'accept', '接收', '确认接收', undefined, '接收后，该同志即转入本支部，其在原支部担任的委员职务同时终止；如有发展党员材料，随同移交本支部继续办理。');
  const waiting = o.transfer.acceptWhenFree;
  return html`<div class="alert" role="note"><p>该同志的发展党员材料暂不能移交，现在还不能接收：</p><ul>${offer.blockers.map((b) => html`<li>${b}</li>`)}</ul></div>
    ${waiting
      ? html`<p class="alert info">已登记自动接收（${waiting.byName}，${formatDateTime(waiting.at)}）：上述事项结束后，系统即以登记人的名义接收，并通知双方。</p>
        ${actionForm(o, 'wait-accept-cancel', '取消自动接收', '取消自动接收')}`
      : actionForm(o, 'wait-accept', '等待后自动接收', '待上述事项结束后自动接收', undefined, '登记后无需再来办理：上述事项一结束，系统即以您的名义接收并移交发展党员材料，通知双方；介绍信若先到期，则不再自动接收。')}`;
}

/**
 * 登记回执 (outside the system): the form, saying what happens to the person's open development case; or, while an
 * approval or notice of it is open, what it waits for, and that the receipt is recorded afterwards with its own date.
 */
function receiptSection(o: TransferFileOptions): SafeHtml {
  const open = o.receiptCase;
  if (open && open.blockers.length > 0) {
    const waiting = o.transfer.receiptWhenFree;
    return html`<div class="alert" role="note"><p>该同志的发展党员材料尚有未结束的事项，现在还不能登记回执：</p>
      <ul>${open.blockers.map((b) => html`<li>${b}。</li>`)}</ul>
      <p>回执日期按回执上所填写的日期登记，稍后登记不影响转接；可先<a href="/staff/cases/${open.caseId}">查看发展党员材料</a>。</p></div>
    ${waiting
      ? html`<p class="alert info">已登记自动登记回执（${waiting.byName}，${formatDateTime(waiting.at)}，回执日期 ${formatDateLong(waiting.receiptDate)}）：上述事项结束后，系统即以登记人的名义登记回执，发展党员案件随之办结，并通知本支部。</p>
        ${actionForm(o, 'wait-receipt-cancel', '取消自动登记回执', '取消自动登记回执')}`
      : actionForm(o, 'wait-receipt', '登记回执，待上述事项结束后自动办结', '待上述事项结束后自动登记回执',
        (s) => textField({ name: 'receiptDate', label: '回执日期', type: 'date', state: s, required: true }),
        `登记后无需再来办理：上述事项一结束，系统即以您的名义按此日期登记回执，该同志的发展党员案件（${open.progress}）随组织关系转出本系统而办结，并通知本支部。`)}`;
  }
  const confirm = open
    ? `该同志的发展党员案件（${open.progress}）将随组织关系转出本系统而办结：材料在本系统存档备查，不再提醒和预警；请确认已将介绍信所附的发展党员材料交给对方。`
    : undefined;
  return actionForm(o, 'receipt', '登记回执', '登记回执', (s) => textField({ name: 'receiptDate', label: '回执日期', type: 'date', state: s, required: true }), confirm);
}

/** A transfer's file (全程纪实): particulars, letters with their serial numbers, warnings, what to do next, its events. */
export function transferFilePage(o: TransferFileOptions): SafeHtml {
  const t = o.transfer;
  const letter = currentLetter(t);
  const body = html`<p><a href="/staff/transfers">← 返回组织关系转接</a></p>
    <h1>组织关系转接：${t.personName}</h1>
    ${o.flash ? html`<div class="alert ok" role="status"><p>${o.flash}</p></div>` : ''}
    <p><span class="tag">${TRANSFER_STATUS_LABELS[t.status]}</span>
      ${t.currentStep && (t.status === 'requested' || t.status === 'issued') ? html` 当前步骤：${TRANSFER_STEP_LABELS[t.currentStep]}` : ''}
      ${o.warnings.map((w) => html` <span class="tag overdue">${TRANSFER_WARNING_LABELS[w.code]}</span>`)}</p>
    ${o.warnings.length > 0 ? html`<ul class="warnings">${o.warnings.map((w) => html`<li>${w.message}</li>`)}</ul>` : ''}
    <dl class="facts">
      <dt>姓名</dt><dd><a href="/staff/people/${t.personId}">${t.personName}</a>（${MEMBERSHIP_STATUS_LABELS[t.memberStatus]}）</dd>
      <dt>转出组织</dt><dd>${t.fromOrgName}</dd>
      <dt>转入组织</dt><dd>${t.destination.orgName}${t.destination.kind === 'outside' ? `（系统外，${t.destination.address}）` : ''}</dd>
      <dt>转接原因</dt><dd>${t.reason}</dd>
      <dt>离开原单位日期</dt><dd>${formatDateLong(t.leavingDate)}</dd>
      <dt>党费交至</dt><dd>${formatYearMonth(t.duesPaidTo)}</dd>
      ${t.refusalReason ? html`<dt>退回原因</dt><dd>${t.refusalReason}</dd>` : ''}
      ${t.receiptDate ? html`<dt>回执日期</dt><dd>${formatDateLong(t.receiptDate)}</dd>` : ''}
      ${t.movedCaseId ? html`<dt>发展党员材料</dt><dd><a href="/staff/cases/${t.movedCaseId}">已随转接移交接收支部</a></dd>` : ''}
      ${t.closedCaseId ? html`<dt>发展党员材料</dt><dd><a href="/staff/cases/${t.closedCaseId}">已随组织关系转出本系统（本系统存档备查）</a></dd>` : ''}
    </dl>
    <h2>介绍信</h2>
    ${t.letters.length === 0 ? html`<p class="muted">尚未开具。</p>` : html`<div class="table-wrap" tabindex="0"><table>
      <thead><tr><th>编号</th><th>开具单位</th><th>开具时间</th><th>有效期至</th><th>状态</th></tr></thead>
      <tbody>${t.letters.map((l) => html`<tr><td>${formatSerial(l.serialYear, l.serialNo)}</td><td>${l.issuerOrgName}</td><td>${formatDateTime(l.issuedAt)}</td>
        <td>${formatDateTime(l.validUntil)}</td><td>${l.status === 'void' ? `作废（${l.voidReason ?? ''}）` : '有效'}</td></tr>`)}</tbody></table></div>`}
    ${letter ? html`<p><a class="button" href="/staff/transfers/${t.id}/letter">打印介绍信</a></p>` : ''}
    ${o.actions.issue ? actionForm(o, 'issue', '开具介绍信', '开具介绍信', (s) => textField({ name: 'validityMonths', label: '有效期（月）', type: 'number', state: s, required: true, hint: '一般为 3 个月，可填 1 至 6。' })) : ''}
    ${o.actions.accept ? acceptSection(o) : ''}
    ${o.actions.refuse ? actionForm(o, 'refuse', '退回', '退回转出方', (s) => textField({ name: 'reason', label: '退回原因', state: s, required: true, maxLength: 500 })) : ''}
    ${o.actions.receipt ? receiptSection(o) : ''}
    ${o.actions.reissue ? actionForm(o, 'reissue', '作废并重新开具介绍信', '作废此介绍信', (s) => textField({ name: 'reason', label: '作废原因', state: s, required: true, maxLength: 200 }), '作废的介绍信保留原编号并注明“作废”，重新开具的介绍信使用新编号。') : ''}
    <h2>全程纪实</h2>
    ${auditTrail(o.events)}`;
  return layout({ title: `组织关系转接：${t.personName}`, body, staff: o.staff });
}
