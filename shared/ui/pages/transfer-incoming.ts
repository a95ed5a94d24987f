import type { Organization } from '../../domain/registry/organization';
import { csrfField, errorSummary, radioGroup, selectField, textField, type FormState } from '../form-fields';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';

const LABELS: Record<string, string> = {
  orgId: '转入组织', fromOrgName: '转出组织（介绍信开具单位）', letterSerial: '介绍信编号', duesPaidTo: '党费交至（年-月）', name: '姓名', gender: '性别',
  ethnicity: '民族', birthDate: '出生日期', idNumber: '身份证号', education: '学历', unitPost: '单位及职务', phone: '联系电话', status: '党员状态', statusFrom: '状态起始日期',
};

/** 登记系统外转入: a member arriving with a letter from outside the system (docs/domain/transfer.md T10). */
export function incomingTransferPage(o: { orgs: readonly Pick<Organization, 'id' | 'name'>[]; form: FormState; staff: LayoutStaff; message?: string }): SafeHtml {
  const text = (name: string, extra: { type?: string; maxLength?: number; required?: boolean } = {}) =>
    textField({ name, label: LABELS[name], state: o.form, required: extra.required ?? true, ...(extra.type ? { type: extra.type } : {}), ...(extra.maxLength ? { maxLength: extra.maxLength } : {}) });
  const body = html`<p><a href="/staff/transfers">← 返回组织关系转接</a></p>
    <h1>登记系统外转入的组织关系</h1>
    <p>按介绍信登记。曾在本系统登记、已转出系统外的同志，按身份证号恢复其记录。</p>
    <form class="stacked" method="post" action="/staff/transfers/incoming" novalidate>
      ${csrfField(o.staff.csrfToken)}
      ${errorSummary(o.message, o.form.errors, LABELS)}
      ${selectField({ name: 'orgId', label: LABELS.orgId, state: o.form, required: true, placeholder: '请选择', options: o.orgs.map((org) => [org.id, org.name] as const) })}
      ${text('fromOrgName', { maxLength: 100 })}${text('letterSerial', { maxLength: 50, required: false })}${text('duesPaidTo', { maxLength: 20, required: false })}
      ${text('name', { maxLength: 30 })}
      ${radioGroup({ name: 'gender', label: LABELS.gender, state: o.form, required: true, options: [['男', '男'], ['女', '女']] })}
      ${text('ethnicity', { maxLength: 20 })}${text('birthDate', { type: 'date' })}${text('idNumber', { maxLength: 40 })}
      ${text('education', { maxLength: 30 })}${text('unitPost', { maxLength: 100 })}${text('phone', { maxLength: 30 })}
      ${radioGroup({ name: 'status', label: LABELS.status, state: o.form, required: true, options: [['full', '正式党员'], ['probationary', '预备党员']] })}
      ${text('statusFrom', { type: 'date' })}
      <button type="submit">登记转入</button>
    </form>`;
  return layout({ title: '登记系统外转入的组织关系', body, staff: o.staff });
}
