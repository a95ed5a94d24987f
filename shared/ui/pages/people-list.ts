import { MEMBERSHIP_STATUS_LABELS } from '../../domain/registry/person';
import type { OrgPeopleGroup, OrgPeopleView, PersonSummary } from '../../services/registry';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';
import { orgLink } from '../registry-fields';
import { formatDateLong } from '../format';
import { ROSTER_COLUMNS, ROSTER_HEAD, rosterRow } from './people-rows';
import { peopleSearchForm } from './people-search';

/** One organization's people on the page, under its name (a roster by organization). */
function rosterGroup(group: OrgPeopleGroup): SafeHtml {
  return html`<tbody>
    <tr class="group"><th colspan="${ROSTER_COLUMNS}" scope="rowgroup"><a href="/staff/orgs/${group.orgId}">${group.orgName}</a>（本页 ${group.people.length} 人）</th></tr>
    ${group.people.map(rosterRow)}
  </tbody>`;
}

function leftRow(person: PersonSummary): SafeHtml {
  return html`<tr>
    <td><a href="/staff/people/${person.id}">${person.name}</a></td>
    <td>${person.orgName}</td>
    <td>${MEMBERSHIP_STATUS_LABELS[person.status]}</td>
    <td>${formatDateLong(person.statusHistory.at(-1)?.from ?? '')}</td>
  </tr>`;
}

export interface PeopleListPageOptions {
  /** The position of the page's first person in the list (1 on the first page), when known. */
  from?: number;
  flash?: string;
}

const listPath = (view: OrgPeopleView, query: Record<string, string> = {}) => {
  const params = new URLSearchParams({ ...(view.list === 'left' ? { list: 'left' } : {}), ...query }).toString();
  return `/staff/orgs/${encodeURIComponent(view.org.id)}/people${params ? `?${params}` : ''}`;
};

/** The address of the page after `view`, carrying the next page's first position when known. */
export function nextPagePath(view: OrgPeopleView, from?: number): string | undefined {
  if (!view.next) return undefined;
  return listPath(view, { cursor: view.next, ...(from !== undefined ? { from: String(from + view.people.length) } : {}) });
}

function summary(view: OrgPeopleView, from: number | undefined): SafeHtml {
  if (view.totals && view.list === 'roster') return html`共 ${view.totals.people} 人，其中有表决权的正式党员 ${view.totals.voting} 人。`;
  if (view.totals) return html`共 ${view.totals.people} 人。`;
  const range = from !== undefined && view.people.length > 0 ? html`本页为第 ${from}–${from + view.people.length - 1} 人。` : html`本页 ${view.people.length} 人。`;
  return html`按组织排列（本组织及下级共 ${view.orgCount} 个组织），每页最多 50 人。${range}`;
}

function pager(view: OrgPeopleView, from: number | undefined): SafeHtml {
  const next = nextPagePath(view, from);
  if (!next && view.first) return html``;
  return html`<nav class="pager" aria-label="翻页">
    ${view.first ? '' : html`<a href="${listPath(view)}">回到第一页</a>`}
    ${next ? html`<a class="button" href="${next}">下一页</a>` : html`<span class="muted">已是最后一页。</span>`}
  </nav>`;
}

/** 党员名册 of an organization and those below it, a page at a time, grouped by organization; or those who left the system. */
export function peopleListPage(view: OrgPeopleView, staff: LayoutStaff, options: PeopleListPageOptions = {}): SafeHtml {
  const from = view.first ? 1 : options.from;
  const left = view.list === 'left';
  const heading = left ? `已转出本系统的人员：${view.org.name}` : `党员名册：${view.org.name}`;
  const table = left
    ? html`<div class="table-wrap" tabindex="0"><table>
        <thead><tr><th>姓名</th><th>原所在组织</th><th>党员状态</th><th>转出本系统日期</th></tr></thead>
        <tbody>${view.people.map(leftRow)}</tbody>
      </table></div>`
    : html`<div class="table-wrap" tabindex="0"><table>${ROSTER_HEAD}${view.groups.map(rosterGroup)}</table></div>`;
  const empty = left ? '没有已转出本系统的人员。' : view.first ? '名册中还没有人员。' : '这一页没有人员了。';
  const body = html`<p><a href="/staff/orgs/${view.org.id}">← ${view.org.name}</a></p>
    <h1>${heading}</h1>
    ${options.flash ? html`<div class="alert ok" role="status"><p>${options.flash}</p></div>` : ''}
    ${peopleSearchForm({ orgId: view.org.id, csrfToken: staff.csrfToken })}
    <p>${summary(view, from)}${!left && view.canCreate ? html` <a class="button" href="/staff/people/new?orgId=${view.org.id}">添加人员</a>` : ''}</p>
    ${view.people.length === 0 ? html`<p>${empty}</p>` : table}
    ${pager(view, from)}
    <p>${left
      ? html`<a href="${listPath({ ...view, list: 'roster' })}">← 回到党员名册</a>`
      : html`<a href="${listPath({ ...view, list: 'left' })}">已转出本系统的人员（不计入名册）</a>`}</p>
    <p class="muted">身份证号只显示前 3 位和后 4 位；完整号码仅在人员页面向有权限的组织员、管理员显示。所在组织：${orgLink(view.org)}</p>`;
  return layout({ title: `${left ? '已转出本系统的人员' : '党员名册'} - ${view.org.name}`, body, staff });
}
