import type { FilingLinkView } from '../../services/development/filings';
import { html, type SafeHtml } from '../html';
import { layout } from '../layout';

const time = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** The filing acknowledgment page (备案回执): what was filed; only the button acknowledges (opening the link does not). */
export function filingAckPage(view: FilingLinkView, action: string, options: { csrfToken?: string; justAcknowledged?: boolean } = {}): SafeHtml {
  const { csrfToken = '', justAcknowledged = false } = options;
  const title = '发展党员备案回执';
  if (view.state !== 'pending' && view.state !== 'acknowledged') {
    const message = view.state === 'expired' ? '该备案回执链接已过期。如需确认备案，请联系报送单位。' : '该备案回执链接无效。如需确认备案，请联系报送单位。';
    return layout({ title, body: html`<h1>${title}</h1><div class="alert" role="alert"><p>${message}</p></div>` });
  }
  const facts = html`<dl>
      <dt>报送单位</dt><dd>${view.orgName}</dd>
      <dt>备案事项</dt><dd>${view.personName}：${view.stepLabel}</dd>
      <dt>报送至</dt><dd>${view.filedWith}</dd>
      <dt>报送时间</dt><dd>${time(view.filedAt)}</dd>
    </dl>`;
  const status = view.state === 'acknowledged'
    ? html`<p class="notice" role="status">${justAcknowledged ? '已确认收到备案，谢谢。' : '该备案已确认收到'}（${time(view.acknowledgedAt ?? '')}）。</p>`
    : html`<form method="post" action="${action}"><input type="hidden" name="_csrf" value="${csrfToken}"><p>打开本页面不会作出任何确认。核对无误后，请点击下方按钮。</p><button type="submit">确认收到备案</button></form>`;
  return layout({ title, body: html`<h1>${title}</h1>${facts}${status}` });
}

/** A POST without the page's own token (another site, a scanner, a page kept open too long): nothing is acknowledged. */
export function filingForbiddenPage(): SafeHtml {
  const title = '无法确认提交来源';
  const body = html`<h1>${title}</h1>
    <div class="alert" role="alert"><p>页面已过期或请求来源无法确认，备案尚未确认收到。请重新打开邮件中的链接，刷新页面后再点击确认。</p></div>`;
  return layout({ title, body });
}
