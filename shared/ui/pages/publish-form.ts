import { NOTICE_KIND_LABELS } from '../../domain/notice/notice';
import { csrfField, errorSummary, radioGroup, selectField, textField, type FormState } from '../form-fields';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';
import { orgPicker } from '../development/org-picker';

/** The picker: the organization whose people are offered, the organizations to choose from, its people (undefined: too many organizations, choose one first). */
export interface PublishPicker {
  org: { id: string; name: string };
  orgChoices: ReadonlyArray<{ id: string; name: string }>;
  candidates?: PublishCandidate[];
}

/** A person the actor may publish a notice about (only what the picker shows). */
export interface PublishCandidate {
  id: string;
  name: string;
  orgName: string;
  statusLabel: string;
}

export const PUBLISH_FIELD_LABELS: Record<string, string> = {
  personId: '公示对象',
  kind: '公示事项',
  audience: '公示范围',
  applicationDate: '递交入党申请书日期',
  previousStageLabel: '上一阶段名称',
  previousStageDate: '上一阶段日期',
  proposedStep: '拟办事项',
  office: '受理部门',
  contact: '联系方式',
  periodUnit: '公示期计算方式',
  periodCount: '公示期天数',
};

/** Defaults: 5 working days, public. The idempotency key makes a double submission publish once. */
export function publishFormDefaults(idempotencyKey: string): Record<string, string> {
  return { audience: 'public', periodUnit: 'workingDays', periodCount: '5', idempotencyKey };
}

/** The kinds a member-development notice can have (candidate lists belong to elections). */
const KIND_OPTIONS = (['activist', 'development-target', 'admission', 'conversion', 'other'] as const).map((kind) => [kind, NOTICE_KIND_LABELS[kind]] as const);

/** 发布公示: pick a person of the actor's organizations, the step, the period and where to object. */
export function publishFormPage(picker: PublishPicker, form: FormState, staff: LayoutStaff, message?: string): SafeHtml {
  const L = PUBLISH_FIELD_LABELS;
  const people = (picker.candidates ?? []).map((p) => [p.id, `${p.name}（${p.orgName} · ${p.statusLabel}）`] as const);
  const body = html`<p><a href="/staff/notices">← 返回公示管理</a></p>
    <h1>发布公示</h1>
    ${orgPicker('/staff/notices/new', picker.orgChoices, picker.org.id)}
    <form class="stacked" method="post" action="/staff/notices" novalidate>
      ${csrfField(staff.csrfToken)}
      <input type="hidden" name="idempotencyKey" value="${form.values.idempotencyKey ?? ''}">
      <input type="hidden" name="orgId" value="${picker.org.id}">
      ${errorSummary(message, form.errors, L)}
      ${picker.candidates === undefined
        ? html`<p class="alert info">${picker.org.name}下属组织较多，请先在上方选择公示对象所在的机关党委或党支部，再选择公示对象。</p>`
        : people.length === 0 ? html`<p class="alert info">${picker.org.name}及其下属组织还没有人员档案，请先由管理员录入人员。</p>` : ''}
      ${selectField({ name: 'personId', label: L.personId, state: form, options: people, placeholder: '请选择', required: true, hint: '公示只显示姓名、性别、出生年月、学历、工作单位及职务等必要信息，不显示身份证号、电话和住址。' })}
      ${selectField({ name: 'kind', label: L.kind, state: form, options: KIND_OPTIONS, placeholder: '请选择', required: true })}
      ${radioGroup({ name: 'audience', label: L.audience, state: form, required: true, options: [['public', '公开（公示栏）'], ['internal', '内部（本单位党员）']] })}
      ${textField({ name: 'proposedStep', label: L.proposedStep, state: form, required: true, maxLength: 200, hint: '例如：拟确定为发展对象、拟接收为中共预备党员。' })}
      ${textField({ name: 'applicationDate', label: L.applicationDate, type: 'date', state: form, hint: '留空时使用人员档案中的申请日期。' })}
      ${textField({ name: 'previousStageLabel', label: L.previousStageLabel, state: form, maxLength: 50, hint: '例如：确定为入党积极分子时间。' })}
      ${textField({ name: 'previousStageDate', label: L.previousStageDate, type: 'date', state: form })}
      ${selectField({ name: 'periodUnit', label: L.periodUnit, state: form, required: true, options: [['workingDays', '工作日'], ['calendarDays', '自然日']] })}
      ${textField({ name: 'periodCount', label: L.periodCount, type: 'number', state: form, required: true, min: '1', hint: '默认 5 个工作日，自发布之日起算，至最后一日 24 时止（北京时间）。' })}
      ${textField({ name: 'office', label: L.office, state: form, required: true, maxLength: 100, hint: '例如：机关党委组织科（办公楼 305 室）。' })}
      ${textField({ name: 'contact', label: L.contact, state: form, required: true, maxLength: 100, hint: '例如：电话 010-12345678，或电子邮箱。' })}
      <button type="submit">发布</button>
    </form>`;
  return layout({ title: '发布公示', body, staff });
}
