import type { Organization } from '../../domain/registry/organization';
import type { PeopleSearchView } from '../../services/registry';
import { csrfField, emptyForm, errorSummary, textField, type FormState } from '../form-fields';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';
import { ROSTER_COLUMNS, ROSTER_HEAD, rosterRow } from './people-rows';

/**
 * The 人员查找 box: a POST (with the CSRF token), so that an ID number typed in never goes into an address, a browser's
 * history or an access log. A name may also come in the address (`?q=`).
 */
export function peopleSearchForm(options: { orgId: string; csrfToken: string; form?: FormState }): SafeHtml {
  const form = options.form ?? emptyForm();
  return html`<form class="search" method="post" action="/staff/people/search" role="search">
    ${csrfField(options.csrfToken)}
    <input type="hidden" name="orgId" value="${options.orgId}">
    ${textField({ name: 'q', label: '人员查找', state: form, maxLength: 60, autocomplete: 'off', hint: '输入完整姓名，或完整的 18 位身份证号（本组织及下级组织范围内）。' })}
    <button type="submit">查找</button>
  </form>`;
}

export interface PeopleSearchPageOptions {
  org: Organization;
  /** The search done; absent when the box is shown empty or the query was refused. */
  view?: PeopleSearchView;
  /** The box's value and its message when refused. */
  form?: FormState;
}

function results(view: PeopleSearchView): SafeHtml {
  if (!view.by) return html``;
  const what = view.by === 'idNumber' ? html`身份证号 ${view.shown} ` : html`姓名“${view.shown}”`;
  if (view.results.length === 0) return html`<p role="status">在${view.org.name}及下级组织中未找到${what}的人员。请核对后重新输入。</p>`;
  const showing = view.more ? html`同名人员较多，只列出前 ${view.results.length} 位，请改用身份证号查找。` : html`找到 ${view.results.length} 人。`;
  return html`<p role="status">按${what}查找：${showing}</p>
    <div class="table-wrap" tabindex="0"><table>${ROSTER_HEAD}
      <tbody>${view.results.map((person) => html`<tr class="group"><th colspan="${ROSTER_COLUMNS}" scope="rowgroup"><a href="/staff/orgs/${person.orgId}">${person.orgName}</a></th></tr>${rosterRow(person)}`)}</tbody>
    </table></div>`;
}

/** 人员查找: the box and what it found, each person under the organization they belong to. */
export function peopleSearchPage(options: PeopleSearchPageOptions, staff: LayoutStaff): SafeHtml {
  const form = options.form ?? emptyForm({ q: options.view?.by === 'name' ? options.view.shown : '' });
  const body = html`<p><a href="/staff/orgs/${options.org.id}/people">← 党员名册：${options.org.name}</a></p>
    <h1>人员查找：${options.org.name}</h1>
    ${errorSummary(undefined, form.errors, { q: '人员查找' })}
    ${peopleSearchForm({ orgId: options.org.id, csrfToken: staff.csrfToken, form })}
    ${options.view ? results(options.view) : ''}
    <p class="muted">只查找本组织及下级组织中您有权查看的人员；身份证号只显示前 3 位和后 4 位。</p>`;
  return layout({ title: `人员查找 - ${options.org.name}`, body, staff });
}
