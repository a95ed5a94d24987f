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
    <p class="muted">本栏公开发布党组织的公示：发展党员各环节的人选（入党积极分子、发展对象、拟接收预备党员、预备党员拟转正），换届选举的候选人预备人选等。公示期内，对公示的人员或事项有意见、需要反映问题的，可在截止时间前向公示所列受理部门反映，提倡署名反映。标有“临时”的截止时间，是因该年度国家节假日安排尚未发布而暂按只扣除周末计算的，发布后将重新计算，截止时间可能顺延。</p>
    <h2>正在公示</h2>
    ${board.open.length > 0 ? board.open.map((notice) => card(notice, now)) : html`<p>目前没有正在公示的事项。</p>`}
    <h2>近 30 天已结束的公示</h2>
    ${board.closed.length > 0 ? board.closed.map((notice) => card(notice, now)) : html`<p>近 30 天没有已结束的公示。</p>`}`;
  return layout({ title: '公示栏', body, publicFooter: true });
}
