import { ORG_KIND_LABELS, type Organization } from '../../domain/registry/organization';
import { MEMBERSHIP_STATUS_LABELS, type MembershipStatus } from '../../domain/registry/person';
import { csrfField, errorSummary, radioGroup, selectField, textField, type FormState } from '../form-fields';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';

export const PERSON_FIELD_LABELS: Record<string, string> = {
  orgId: '所属组织', name: '姓名', gender: '性别', ethnicity: '民族', birthDate: '出生日期', idNumber: '身份证号', education: '学历',
  unitPost: '单位及职务', phone: '联系电话', email: '电子邮箱', address: '家庭住址', applicationDate: '递交入党申请书日期',
  status: '党员状态', statusFrom: '状态起始日期', version: '表单',
};

export interface PersonFormOptions {
  mode: 'create' | 'edit';
  personId?: string;
  orgs: Organization[];
  /** The statuses a new person may be registered with (branch staff: 入党申请人 only). */
  statuses?: MembershipStatus[];
  form: FormState;
  staff: LayoutStaff;
  message?: string;
}

/** 添加人员 / 编辑人员信息. Editing never shows the stored ID number: a new one may be typed in to correct it. */
export function personFormPage(options: PersonFormOptions): SafeHtml {
  const { form, mode } = options;
  const L = PERSON_FIELD_LABELS;
  const title = mode === 'create' ? '添加人员' : '编辑人员信息';
  const action = mode === 'create' ? '/staff/people' : `/staff/people/${options.personId}`;
  const back = mode === 'create' ? `/staff/orgs/${form.values.orgId ?? ''}/people` : `/staff/people/${options.personId}`;
  const body = html`<p><a href="${back}">← 返回</a></p>
    <h1>${title}</h1>
    <form class="stacked" method="post" action="${action}" novalidate>
      ${csrfField(options.staff.csrfToken)}
      ${mode === 'edit' ? html`<input type="hidden" name="version" value="${form.values.version ?? ''}">` : ''}
      ${errorSummary(options.message, form.errors, L)}
      ${selectField({ name: 'orgId', label: L.orgId, state: form, required: true, placeholder: '请选择', options: options.orgs.map((o) => [o.id, `${o.name}（${ORG_KIND_LABELS[o.kind]}）`] as const) })}
      ${textField({ name: 'name', label: L.name, state: form, required: true, maxLength: 30 })}
      ${radioGroup({ name: 'gender', label: L.gender, state: form, required: true, options: [['男', '男'], ['女', '女']] })}
      ${textField({ name: 'ethnicity', label: L.ethnicity, state: form, required: true, maxLength: 20, hint: '例如：汉族' })}
      ${textField({ name: 'birthDate', label: L.birthDate, type: 'date', state: form, required: true })}
      ${mode === 'create'
        ? textField({ name: 'idNumber', label: L.idNumber, state: form, required: true, maxLength: 40, autocomplete: 'off', hint: '18 位，最后一位可能是 X；系统核对校验位，以及与出生日期、性别是否一致。' })
        : textField({ name: 'idNumber', label: `更正${L.idNumber}`, state: form, maxLength: 40, autocomplete: 'off', hint: '留空则不修改。如需更正，请填写新的完整号码（18 位）；系统核对校验位，以及与出生日期、性别是否一致。' })}
      ${textField({ name: 'education', label: L.education, state: form, required: true, maxLength: 30, hint: '例如：大学本科' })}
      ${textField({ name: 'unitPost', label: L.unitPost, state: form, required: true, maxLength: 100 })}
      ${textField({ name: 'phone', label: L.phone, state: form, required: true, maxLength: 30, autocomplete: 'off' })}
      ${textField({ name: 'email', label: L.email, type: 'email', state: form, maxLength: 100 })}
      ${textField({ name: 'address', label: L.address, state: form, maxLength: 200 })}
      ${textField({ name: 'applicationDate', label: L.applicationDate, type: 'date', state: form })}
      ${mode === 'create'
        ? html`${selectField({ name: 'status', label: L.status, state: form, required: true, placeholder: '请选择', options: (options.statuses ?? (Object.keys(MEMBERSHIP_STATUS_LABELS) as MembershipStatus[])).map((s) => [s, MEMBERSHIP_STATUS_LABELS[s]] as const) })}
          ${textField({ name: 'statusFrom', label: L.statusFrom, type: 'date', state: form, required: true, hint: '例如转为正式党员的日期，或确定为积极分子的日期。' })}`
        : ''}
      <button type="submit">保存</button>
    </form>`;
  return layout({ title, body, staff: options.staff });
}
