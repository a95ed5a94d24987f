import type { LoggedMail } from '../../store/mail-log-repo';
import type { MailLogView } from '../../services/mail/mail-log';
import { formatDateTime } from '../format';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';

function statusText(mail: LoggedMail): SafeHtml {
  if (mail.status === 'sent') return html`<span class="tag">已送达邮件服务器</span> ${formatDateTime(mail.settledAt)}`;
  if (mail.status === 'failed') return html`<span class="tag overdue">发送失败</span> ${formatDateTime(mail.settledAt)}`;
  if (mail.attempts === 0) return html`<span class="tag">等待发送</span>`;
  return html`<span class="tag">第 ${mail.attempts} 次发送未成功，将于 ${formatDateTime(mail.nextAttemptAt)} 重试</span>`;
}

function table(mails: LoggedMail[]): SafeHtml {
  return html`<div class="table-wrap"><table>
    <thead><tr><th>主题</th><th>收件人</th><th>提交时间</th><th>状态</th><th>尝试次数</th></tr></thead>
    <tbody>${mails.map((mail) => html`<tr>
      <td>${mail.subject}</td><td>${mail.to.join('，')}</td><td>${formatDateTime(mail.queuedAt)}</td>
      <td>${statusText(mail)}${mail.lastError ? html`<br><span class="muted">邮件服务器的答复（原文）：${mail.lastError}</span>` : ''}</td>
      <td>${mail.attempts}</td></tr>`)}</tbody>
  </table></div>`;
}

function section(title: string, mails: LoggedMail[], empty: string): SafeHtml {
  return html`<h2>${title}（${mails.length}）</h2>${mails.length === 0 ? html`<p class="muted">${empty}</p>` : table(mails)}`;
}

/** 发件记录: every mail handed to the SMTP server, with its delivery status (administrators only). */
export function mailLogPage(view: MailLogView, staff: LayoutStaff): SafeHtml {
  const body = html`<h1>发件记录</h1>
    <p class="muted">系统通过邮件服务器发出的每封邮件及其发送状态。邮件服务器暂时无法连接时，系统会自动重试（1 分钟、5 分钟、30 分钟、2 小时、6 小时后）；
      被拒收或多次重试仍未成功的邮件标为“发送失败”，请核对收件地址和邮件服务器设置，必要时通过其他方式通知收件人（审批可在“审批”页面重新发送或改派）。</p>
    ${section('发送失败', view.failed, '没有发送失败的邮件。')}
    ${section('等待发送或重试', view.pending, '没有等待发送的邮件。')}
    ${section('最近已发送', view.sent, '还没有已发送的邮件。')}`;
  return layout({ title: '发件记录', body, staff });
}

/** The home page's line for administrators when mail could not be delivered. */
export function undeliveredMailAlert(count: number, days: number): SafeHtml {
  if (count === 0) return html``;
  return html`<div class="alert" role="alert"><p>最近 ${days} 天有 ${count} 封邮件发送失败（可能包括审批链接或待办提醒），收件人没有收到。
    <a href="/staff/mail-log">查看发件记录</a></p></div>`;
}
