import { NOTICE_KIND_LABELS, type Notice } from '../../domain/notice/notice';
import { formatDate, formatDateTime, publicStatusLabel } from '../format';
import { html, type SafeHtml } from '../html';
import { layout } from '../layout';
import { noticeTitle, provisionalMark } from '../notice-facts';

function card(notice: Notice, now: Date): SafeHtml {
  const status = publicStatusLabel(notice, now);
  return html`<article class="notice-card">
    <h3><a href="/notices/${notice.id}">${noticeTitle(notice)}</a></h3>
    <p class="muted">${notice.orgName} · ${NOTICE_KIND_LABELS[notice.kind]} · 发布于 ${formatDate(notice.publishedAt)}</p>
    <p><span class="tag${status === '公示中' ? ' open' : ''}">${status}</span>
      ${status === '公示中' ? html`异议受理截至 ${formatDateTime(notice.endsAt)}${provisionalMark(notice)}` : html`公示期 ${formatDate(notice.publishedAt)} 至 ${notice.endsAt.slice(0, 10)}`}</p>
  </article>`;
}

/** The public notice board (公示栏): open notices, then those closed in the last 30 days. */
export function publicBoardPage(board: { open: Notice[]; closed: Notice[] }, now: Date): SafeHtml {
  const body = html`<h1>公示栏</h1>
    <p class="muted">以下为正在公示的党员发展事项。公示期内，任何人均可对公示对象提出意见或反映问题。</p>
    <h2>正在公示</h2>
    ${board.open.length > 0 ? board.open.map((notice) => card(notice, now)) : html`<p>目前没有正在公示的事项。</p>`}
    <h2>近 30 天已结束的公示</h2>
    ${board.closed.length > 0 ? board.closed.map((notice) => card(notice, now)) : html`<p>近 30 天没有已结束的公示。</p>`}`;
  return layout({ title: '公示栏', body, publicFooter: true });
}
