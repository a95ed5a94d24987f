import { NOTICE_KIND_LABELS } from '../../domain/notice/notice';
import type { ListedNotice } from '../../store/notices-repo';
import { formatDate, formatDateTime, staffStatusLabel } from '../format';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';
import { provisionalMark } from '../notice-facts';
import { pagerLinks } from '../pager';

function row(notice: ListedNotice, now: Date): SafeHtml {
  return html`<tr>
    <td><a href="/staff/notices/${notice.id}">${notice.headline}</a></td>
    <td>${NOTICE_KIND_LABELS[notice.kind]}</td>
    <td>${notice.orgName}</td>
    <td class="nowrap">${notice.audience === 'public' ? '公开' : '内部'}</td>
    <td class="nowrap">${formatDate(notice.publishedAt)}</td>
    <td><span class="nowrap">${formatDateTime(notice.endsAt)}</span>${provisionalMark(notice)}</td>
    <td>${staffStatusLabel(notice, now)}${notice.objectionCount > 0 ? `（异议 ${notice.objectionCount} 条）` : ''}</td>
  </tr>`;
}

/** The notices of the actor's organizations, newest first (a large scope: a page, with 下一页). */
export function staffNoticesPage(notices: ListedNotice[], staff: LayoutStaff, now: Date, publishedId?: string, page: { next?: string; firstPage: boolean } = { firstPage: true }): SafeHtml {
  const sorted = [...notices].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
  const body = html`<h1>公示管理</h1>
    ${publishedId ? html`<div class="alert ok" role="status"><p>公示已提交发布，系统正在生成公示，通常几秒内完成。<a href="/staff/notices/${publishedId}">查看该公示</a></p></div>` : ''}
    <p><a class="button" href="/staff/notices/new">发布公示</a></p>
    ${sorted.length === 0
      ? html`<p>${page.firstPage ? '还没有发布过公示。' : '没有更多公示。'}</p>`
      : html`<div class="table-wrap" tabindex="0"><table>
          <thead><tr><th>公示对象或事项</th><th>事项</th><th>党组织</th><th class="nowrap">范围</th><th class="nowrap">发布日期</th><th>截止时间</th><th>状态</th></tr></thead>
          <tbody>${sorted.map((notice) => row(notice, now))}</tbody>
        </table></div>`}
    ${pagerLinks('/staff/notices', {}, page)}`;
  return layout({ title: '公示管理', body, staff });
}
