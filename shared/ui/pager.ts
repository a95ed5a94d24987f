import { html, type SafeHtml } from './html';

/**
 * The links under a list shown one page at a time (org-pages.ts): 下一页 (the cursor of the next page) and, after
 * the first page, 回到第一页. `params` keeps the list's own filters (the organization chosen) on both links.
 */
export function pagerLinks(path: string, params: Record<string, string | undefined>, page: { next?: string; firstPage: boolean }): SafeHtml {
  if (!page.next && page.firstPage) return html``;
  const href = (cursor?: string) => {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) if (value) query.set(name, value);
    if (cursor) query.set('cursor', cursor);
    const text = query.toString();
    return text ? `${path}?${text}` : path;
  };
  return html`<nav class="pager" aria-label="翻页">
    ${page.firstPage ? '' : html`<a href="${href()}">回到第一页</a>`}
    ${page.next ? html` <a href="${href(page.next)}" rel="next">下一页</a>` : html` <span class="muted">已是最后一页</span>`}
  </nav>`;
}
