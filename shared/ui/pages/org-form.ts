import { ORG_KIND_LABELS, type Organization } from '../../domain/registry/organization';
import { csrfField, errorSummary, selectField, textField, type FormState } from '../form-fields';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';
import { checkboxField, committeeRows, ORG_FIELD_LABELS } from '../registry-fields';

export interface OrgFormOptions {
  /** Organizations the actor may create under (active, in scope). */
  parents: Organization[];
  /** May the actor create a top-level working committee? */
  canCreateRoot: boolean;
  form: FormState;
  staff: LayoutStaff;
  message?: string;
}

/** 新建组织: name, kind, parent, term, approval right, committee. */
export function orgCreatePage(options: OrgFormOptions): SafeHtml {
  const { form } = options;
  const L = ORG_FIELD_LABELS;
  const parentOptions = options.parents.map((org) => [org.id, `${org.name}（${ORG_KIND_LABELS[org.kind]}）`] as const);
  const body = html`<p><a href="/staff/orgs">← 返回组织管理</a></p>
    <h1>新建组织</h1>
    <form class="stacked" method="post" action="/staff/orgs" novalidate>
      ${csrfField(options.staff.csrfToken)}
      ${errorSummary(options.message, form.errors, L)}
      ${textField({ name: 'name', label: L.name, state: form, required: true, maxLength: 100, hint: '全称，例如：中共示例市数据管理局办公室支部委员会。' })}
      ${selectField({ name: 'kind', label: L.kind, state: form, required: true, placeholder: '请选择', options: Object.entries(ORG_KIND_LABELS) })}
      ${selectField({ name: 'parentId', label: L.parentId, state: form, placeholder: options.canCreateRoot ? '（无，作为最上级的机关党工委）' : '请选择', options: parentOptions, hint: '机关党委设在机关党工委之下；党总支、党支部设在党委之下；党小组设在党支部之下。' })}
      ${textField({ name: 'termStart', label: L.termStart, type: 'date', state: form })}
      ${textField({ name: 'termEnd', label: L.termEnd, type: 'date', state: form, hint: '机关党委每届 5 年，党总支、党支部每届 3 年。' })}
      ${checkboxField('mayApprove', '有审批权（审批接收预备党员、预备党员转正和选举结果）', form, '只有机关党工委、机关党委可以审批；党总支只审查、不审批。')}
      ${committeeRows(form)}
      <button type="submit">保存</button>
    </form>`;
  return layout({ title: '新建组织', body, staff: options.staff });
}
