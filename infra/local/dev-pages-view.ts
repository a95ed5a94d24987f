import { csrfField, errorSummary, textField, type FormState } from '../../shared/ui/form-fields';
import { formatDateTime } from '../../shared/ui/format';
import { html, type SafeHtml } from '../../shared/ui/html';
import { layout, type LayoutStaff } from '../../shared/ui/layout';
import type { OutboxMail } from './outbox';

const devNav = html`<p class="muted">本地开发工具：<a href="/dev/outbox">发件箱</a> · <a href="/dev/clock">虚拟时钟</a>（仅本地运行环境提供）</p>`;

const URL_PATTERN = /https?:\/\/[^\s<>"'，。；）)]+/g;

/** Mail text with its http(s) links clickable; everything else escaped. */
export function linkify(text: string): SafeHtml {
  const parts: SafeHtml[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const index = match.index ?? 0;
    parts.push(html`${text.slice(last, index)}`, html`<a href="${match[0]}">${match[0]}</a>`);
    last = index + match[0].length;
  }
  parts.push(html`${text.slice(last)}`);
  return html`${parts}`;
}

export function outboxPage(mails: OutboxMail[], staff: LayoutStaff, options: { demoApproval?: boolean } = {}): SafeHtml {
  const body = html`<h1>发件箱</h1>${devNav}
    <p class="muted">本地运行时不真正发送邮件，系统发出的每封邮件都保存在这里（最新的在前）。</p>
    ${options.demoApproval ? html`<form method="post" action="/dev/approvals/demo"><input type="hidden" name="_csrf" value="${staff.csrfToken}">
      <button type="submit">发起一项演示审批</button> <span class="muted">审批人会收到带链接的邮件（显示在下方）。</span></form>` : html``}
    ${mails.length === 0 ? html`<p>还没有邮件。</p>` : mails.map((mail) => html`<article class="mail">
      <h3>${mail.subject}</h3>
      <p class="muted">收件人：${mail.to.join('，')} · 发送时间：${formatDateTime(mail.sentAt)}</p>
      <pre>${linkify(mail.text)}</pre>
    </article>`)}`;
  return layout({ title: '发件箱', body, staff });
}

export interface ClockView {
  now: Date;
  rate: number;
}

function rateText(rate: number): string {
  if (rate === 0) return '已暂停';
  if (rate === 1) return '与真实时间同速';
  return `${rate} 倍速（真实 1 秒 = 虚拟 ${rate} 秒）`;
}

export function clockPage(clock: ClockView, staff: LayoutStaff, form: FormState, message?: string): SafeHtml {
  const body = html`<h1>虚拟时钟</h1>${devNav}
    <dl class="facts"><dt>当前虚拟时间</dt><dd>${formatDateTime(clock.now)}（北京时间）</dd><dt>速率</dt><dd>${rateText(clock.rate)}</dd></dl>
    <p class="muted">时钟只能向前。公示期、待办期限和提醒都按虚拟时间计算。</p>
    ${errorSummary(message, form.errors)}
    <h2>向前拨</h2>
    <form class="stacked" method="post" action="/dev/clock">${csrfField(staff.csrfToken)}<input type="hidden" name="action" value="advance">
      ${textField({ name: 'amount', label: '拨快多少', type: 'number', state: form, min: '1' })}
      <div class="field"><label class="choice"><input type="radio" name="unit" value="hours"${form.values.unit === 'days' ? '' : html` checked`}> 小时</label>
        <label class="choice"><input type="radio" name="unit" value="days"${form.values.unit === 'days' ? html` checked` : ''}> 天</label></div>
      <button type="submit">拨快</button></form>
    <h2>跳到某一时刻</h2>
    <form class="stacked" method="post" action="/dev/clock">${csrfField(staff.csrfToken)}<input type="hidden" name="action" value="jump">
      ${textField({ name: 'at', label: '目标时间（北京时间）', type: 'datetime-local', state: form })}
      <button type="submit">跳转</button></form>
    <h2>设置速率</h2>
    <form class="stacked" method="post" action="/dev/clock">${csrfField(staff.csrfToken)}<input type="hidden" name="action" value="rate">
      ${textField({ name: 'rate', label: '速率（0 为暂停，1 为正常，60 为 1 秒当 1 分钟）', type: 'number', state: form, min: '0' })}
      <button type="submit">设置</button></form>`;
  return layout({ title: '虚拟时钟', body, staff });
}
