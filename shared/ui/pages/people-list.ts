import { EXCLUSION_REASON_LABELS, MEMBERSHIP_STATUS_LABELS, RIGHTS_STATE_LABELS } from '../../domain/registry/person';
import type { OrgPeopleView, PersonSummary } from '../../services/registry';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';
import { orgLink } from '../registry-fields';
import { formatDateLong } from '../format';

function row(person: PersonSummary, showOrg: boolean): SafeHtml {
  return html`<tr>
    <td><a href="/staff/people/${person.id}">${person.name}</a></td>
    <td>${person.gender}</td>
    <td>${person.birthDate.slice(0, 7)}</td>
    <td class="id-number">${person.idNumberMasked}</td>
    ${showOrg ? html`<td>${person.orgName}</td>` : ''}
    <td>${MEMBERSHIP_STATUS_LABELS[person.status]}</td>
    <td>${person.rightsState === 'normal' ? '正常' : html`<span class="tag overdue">${RIGHTS_STATE_LABELS[person.rightsState]}</span>`}</td>
    <td>${person.exclusionToday ? EXCLUSION_REASON_LABELS[person.exclusionToday.reason] : ''}</td>
  </tr>`;
}

/** 党员名册 of an organization and those below it: ID numbers masked; status, rights and today's exclusion. */
export function peopleListPage(view: OrgPeopleView, staff: LayoutStaff, flash?: string): SafeHtml {
  const showOrg = view.people.some((p) => p.orgId !== view.org.id);
  const voting = view.people.filter((p) => p.votesToday).length;
  const body = html`<p><a href="/staff/orgs/${view.org.id}">← ${view.org.name}</a></p>
    <h1>党员名册：${view.org.name}</h1>
    ${flash ? html`<div class="alert ok" role="status"><p>${flash}</p></div>` : ''}
    <p>共 ${view.people.length} 人，其中有表决权的正式党员 ${voting} 人。${view.canCreate ? html` <a class="button" href="/staff/people/new?orgId=${view.org.id}">添加人员</a>` : ''}</p>
    ${view.people.length === 0
      ? html`<p>名册中还没有人员。</p>`
      : html`<div class="table-wrap" tabindex="0"><table>
          <thead><tr><th>姓名</th><th>性别</th><th>出生年月</th><th>身份证号</th>${showOrg ? html`<th>所在组织</th>` : ''}<th>党员状态</th><th>权利状态</th><th>不计入应到会</th></tr></thead>
          <tbody>${view.people.map((person) => row(person, showOrg))}</tbody>
        </table></div>`}
    ${view.left.length > 0 ? html`<h2>已转出本系统的人员（不计入名册）</h2>
      <ul>${view.left.map((person) => html`<li><a href="/staff/people/${person.id}">${person.name}</a>（${person.orgName}，${MEMBERSHIP_STATUS_LABELS[person.status]}，自${formatDateLong(person.statusHistory.at(-1)?.from ?? '')}）</li>`)}</ul>` : ''}
    <p class="muted">身份证号只显示前 3 位和后 4 位；完整号码仅在人员页面向有权限的组织员、管理员显示。所在组织：${orgLink(view.org)}</p>`;
  return layout({ title: `党员名册 - ${view.org.name}`, body, staff });
}
