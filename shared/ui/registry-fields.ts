import { COMMITTEE_POST_LABELS, ORG_KIND_LABELS, type CommitteeMember, type Organization } from '../domain/registry/organization';
import { COMMITTEE_ROWS } from '../schemas/organization-forms';
import { describedByAttrs, fieldError, fieldId, type FormState } from './form-fields';
import { html, type SafeHtml } from './html';

/** Pieces the registry pages share: labels, the committee rows of an organization form, a checkbox. */

export const ORG_FIELD_LABELS: Record<string, string> = {
  name: '组织名称', kind: '组织类别', parentId: '上级组织', termStart: '任期开始日期', termEnd: '任期届满日期', mayApprove: '审批权',
  reason: '撤销原因', version: '表单',
};

export const orgKindTag = (org: Pick<Organization, 'kind'>): SafeHtml => html`<span class="tag">${ORG_KIND_LABELS[org.kind]}</span>`;

export function committeeList(committee: CommitteeMember[]): SafeHtml {
  if (committee.length === 0) return html`<p class="muted">未登记委员会成员。</p>`;
  return html`<div class="table-wrap" tabindex="0"><table><thead><tr><th>职务</th><th>姓名</th><th>分工</th></tr></thead>
    <tbody>${committee.map((m) => html`<tr><td>${COMMITTEE_POST_LABELS[m.post]}</td><td>${m.name}</td><td>${m.duty ?? ''}</td></tr>`)}</tbody></table></div>`;
}

/** The form values of a committee: `committee.<n>.name|post|duty`. */
export function committeeValues(committee: CommitteeMember[]): Record<string, string> {
  const values: Record<string, string> = {};
  committee.forEach((member, n) => {
    values[`committee.${n}.name`] = member.name;
    values[`committee.${n}.post`] = member.post;
    values[`committee.${n}.duty`] = member.duty ?? '';
  });
  return values;
}

/** The committee as rows of inputs: the members so far and a few empty rows. */
export function committeeRows(form: FormState): SafeHtml {
  const filled = Array.from({ length: COMMITTEE_ROWS }, (_, n) => n).filter((n) => form.values[`committee.${n}.name`]).length;
  const rows = Math.min(COMMITTEE_ROWS, Math.max(filled + 3, 5));
  const cell = (n: number, field: string, control: SafeHtml) => html`<td>${control}${fieldError(fieldId(`committee.${n}.${field}`, form.scope), form.errors[`committee.${n}.${field}`])}</td>`;
  const invalid = (n: number, field: string) => describedByAttrs(fieldId(`committee.${n}.${field}`, form.scope), false, form.errors[`committee.${n}.${field}`]);
  return html`<fieldset class="committee"><legend><strong>委员会（书记、副书记、委员及分工）</strong></legend>
    <div class="table-wrap" tabindex="0"><table><thead><tr><th>姓名</th><th>职务</th><th>分工（如组织委员）</th></tr></thead><tbody>
    ${Array.from({ length: rows }, (_, n) => {
      const name = `committee.${n}.name`;
      const post = form.values[`committee.${n}.post`] ?? 'member';
      return html`<tr>
        ${cell(n, 'name', html`<input type="text" id="${fieldId(name, form.scope)}" name="${name}" value="${form.values[name] ?? ''}" maxlength="30" aria-label="第 ${n + 1} 行姓名"${invalid(n, 'name')}>`)}
        ${cell(n, 'post', html`<select id="${fieldId(`committee.${n}.post`, form.scope)}" name="committee.${n}.post" aria-label="第 ${n + 1} 行职务"${invalid(n, 'post')}>${Object.entries(COMMITTEE_POST_LABELS).map(([value, label]) => html`<option value="${value}"${value === post ? html` selected` : ''}>${label}</option>`)}</select>`)}
        ${cell(n, 'duty', html`<input type="text" id="${fieldId(`committee.${n}.duty`, form.scope)}" name="committee.${n}.duty" value="${form.values[`committee.${n}.duty`] ?? ''}" maxlength="30" aria-label="第 ${n + 1} 行分工"${invalid(n, 'duty')}>`)}
      </tr>`;
    })}
    </tbody></table></div><p class="hint">不需要的行留空即可。</p></fieldset>`;
}

export function checkboxField(name: string, label: string, form: FormState, hint?: string): SafeHtml {
  const error = form.errors[name];
  const checked = ['on', 'true', '1'].includes(form.values[name] ?? '');
  const id = fieldId(name, form.scope);
  return html`<div class="field${error ? ' invalid' : ''}">
    <label class="choice"><input type="checkbox" id="${id}" name="${name}" value="on"${checked ? html` checked` : ''}${describedByAttrs(id, Boolean(hint), error)}> ${label}</label>
    ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : ''}
    ${fieldError(id, error)}
  </div>`;
}

/** An organization's name as a link, with its kind. */
export const orgLink = (org: Pick<Organization, 'id' | 'name'>): SafeHtml => html`<a href="/staff/orgs/${org.id}">${org.name}</a>`;
