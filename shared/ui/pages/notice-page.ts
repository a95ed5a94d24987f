import { acceptsObjections, type Notice } from '../../domain/notice/notice';
import { OBJECTION_LIMITS } from '../../domain/notice/objection';
import { errorSummary, textArea, textField, type FormState, emptyForm } from '../form-fields';
import { formatDateTime, publicStatusLabel } from '../format';
import { html, type SafeHtml } from '../html';
import { layout } from '../layout';
import { noticeFacts, noticeTitle, objectionChannel } from '../notice-facts';

export interface NoticePageOptions {
  now: Date;
  form?: FormState;
  /** Shown above the form after a 422. */
  formMessage?: string;
  /** True right after an objection was received (the redirect after POST). */
  received?: boolean;
}

const OBJECTION_LABELS = { content: '异议内容', name: '姓名', contact: '联系方式' };

function objectionForm(notice: Notice, form: FormState, message: string | undefined): SafeHtml {
  return html`<form class="stacked" method="post" action="/notices/${notice.id}/objections" novalidate>
    ${errorSummary(message, form.errors, OBJECTION_LABELS)}
    ${textArea({ name: 'content', label: OBJECTION_LABELS.content, state: form, required: true, maxLength: OBJECTION_LIMITS.content, rows: 7, hint: `请写明具体事实，不超过 ${OBJECTION_LIMITS.content} 字。` })}
    ${textField({ name: 'name', label: OBJECTION_LABELS.name, state: form, maxLength: OBJECTION_LIMITS.name, autocomplete: 'name', hint: '选填。提倡署名反映，便于核实和反馈。' })}
    ${textField({ name: 'contact', label: OBJECTION_LABELS.contact, state: form, maxLength: OBJECTION_LIMITS.contact, hint: '选填。电话或电子邮箱，仅用于核实情况，不会公开。' })}
    <button type="submit">提交意见</button>
  </form>`;
}

function closedMessage(notice: Notice): SafeHtml {
  if (notice.status === 'withdrawn') return html`<div class="alert info"><p>该公示已撤回，不再受理异议。</p></div>`;
  return html`<div class="alert info"><p>该公示已于 ${formatDateTime(notice.endsAt)} 结束，不再受理异议。如有情况反映，请直接联系公示所列的受理部门。</p></div>`;
}

/** One public notice: its content (docs/domain/notices-and-calendar.md), how to object, and the objection form while open. */
export function noticePage(notice: Notice, options: NoticePageOptions): SafeHtml {
  const open = acceptsObjections(notice, options.now);
  const body = html`<p class="no-print"><a href="/">← 返回公示栏</a></p>
    <h1>${noticeTitle(notice)}</h1>
    <p><span class="tag${open ? ' open' : ''}">${publicStatusLabel(notice, options.now)}</span>
      <a class="no-print" href="/notices/${notice.id}/print">打印版</a></p>
    ${options.received ? html`<div class="alert ok" role="status"><p>您的意见已收到，我们将认真核实。感谢您的监督！</p></div>` : ''}
    ${noticeFacts(notice)}
    <h2>意见反映</h2>
    ${objectionChannel(notice)}
    ${open ? objectionForm(notice, options.form ?? emptyForm(), options.formMessage) : closedMessage(notice)}`;
  return layout({ title: noticeTitle(notice), body, publicFooter: true });
}
