import { ORG_KIND_LABELS } from '../../domain/registry/organization';
import type { OrgView } from '../../services/registry';
import { auditTrail } from '../audit-trail';
import { csrfField, emptyForm, errorSummary, selectField, textArea, textField, type FormState } from '../form-fields';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';
import { checkboxField, committeeList, committeeRows, committeeValues, orgLink, ORG_FIELD_LABELS } from '../registry-fields';

export type OrgFormName = 'edit' | 'move' | 'close';

export interface OrgDetailOptions {
  view: OrgView;
  staff: LayoutStaff;
  flash?: string;
  /** The form that failed, with the input kept and its messages. */
  failed?: { name: OrgFormName; form: FormState; message?: string };
}

function formState(options: OrgDetailOptions, name: OrgFormName, values: Record<string, string>): { form: FormState; message?: string } {
  return options.failed?.name === name ? options.failed : { form: emptyForm(values) };
}

function editForm(options: OrgDetailOptions): SafeHtml {
  const { org } = options.view;
  const { form, message } = formState(options, 'edit', {
    name: org.name, termStart: org.termStart ?? '', termEnd: org.termEnd ?? '', mayApprove: org.mayApprove ? 'on' : '', version: String(org.version), ...committeeValues(org.committee),
  });
  return html`<h2 id="edit">修改组织信息</h2>
    <form class="stacked" method="post" action="/staff/orgs/${org.id}" novalidate>
      ${csrfField(options.staff.csrfToken)}<input type="hidden" name="version" value="${form.values.version ?? ''}">
      ${errorSummary(message, form.errors, ORG_FIELD_LABELS)}
      ${textField({ name: 'name', label: ORG_FIELD_LABELS.name, state: form, required: true, maxLength: 100 })}
      ${textField({ name: 'termStart', label: ORG_FIELD_LABELS.termStart, type: 'date', state: form })}
      ${textField({ name: 'termEnd', label: ORG_FIELD_LABELS.termEnd, type: 'date', state: form })}
      ${org.kind === 'working-committee' || org.kind === 'committee' ? checkboxField('mayApprove', '有审批权', form) : ''}
      ${committeeRows(form)}
      <button type="submit">保存修改</button>
    </form>`;
}

function moveForm(options: OrgDetailOptions): SafeHtml {
  const { org, moveTargets } = options.view;
  const { form, message } = formState(options, 'move', { version: String(org.version) });
  if (moveTargets.length === 0) return html`<h2>调整隶属关系</h2><p class="muted">没有可以调整到的上级组织。</p>`;
  return html`<h2 id="move">调整隶属关系</h2>
    <form class="stacked" method="post" action="/staff/orgs/${org.id}/move" novalidate>
      ${csrfField(options.staff.csrfToken)}<input type="hidden" name="version" value="${form.values.version ?? ''}">
      ${errorSummary(message, form.errors, { parentId: '新的上级组织' })}
      ${selectField({ name: 'parentId', label: '新的上级组织', state: form, required: true, placeholder: '请选择', options: moveTargets.map((t) => [t.id, `${t.name}（${ORG_KIND_LABELS[t.kind]}）`] as const) })}
      <button type="submit" class="secondary">调整</button>
    </form>`;
}

function closeForm(options: OrgDetailOptions): SafeHtml {
  const { org } = options.view;
  const { form, message } = formState(options, 'close', { version: String(org.version) });
  return html`<h2 id="close">撤销组织</h2>
    <form class="stacked" method="post" action="/staff/orgs/${org.id}/close" novalidate>
      ${csrfField(options.staff.csrfToken)}<input type="hidden" name="version" value="${form.values.version ?? ''}">
      ${errorSummary(message, form.errors, ORG_FIELD_LABELS)}
      ${textArea({ name: 'reason', label: ORG_FIELD_LABELS.reason, state: form, required: true, rows: 3, maxLength: 500, hint: '有下级组织或人员的组织不能撤销。撤销后组织及其全程纪实保留备查。' })}
      <button type="submit" class="secondary">撤销组织</button>
    </form>`;
}

/** One organization: its facts, committee, children, history (全程纪实), and the forms the actor may use. */
export function orgDetailPage(options: OrgDetailOptions): SafeHtml {
  const { org, parent, children, approver, history, permissions } = options.view;
  const body = html`<p><a href="/staff/orgs">← 返回组织管理</a></p>
    <h1>${org.name}</h1>
    ${options.flash ? html`<div class="alert ok" role="status"><p>${options.flash}</p></div>` : ''}
    <p><span class="tag">${ORG_KIND_LABELS[org.kind]}</span>${org.status === 'closed' ? html` <span class="tag overdue">已于 ${org.closedAt ?? ''} 撤销</span>` : ''}</p>
    <dl class="facts">
      <dt>上级组织</dt><dd>${parent ? orgLink(parent) : '无'}</dd>
      <dt>任期</dt><dd>${org.termStart || org.termEnd ? `${org.termStart ?? '？'} 至 ${org.termEnd ?? '？'}` : '未登记'}</dd>
      <dt>审批权</dt><dd>${org.mayApprove ? '有' : '无'}</dd>
      <dt>审批组织</dt><dd>${approver ? orgLink(approver) : '无'}</dd>
    </dl>
    <p><a href="/staff/orgs/${org.id}/people">党员名册</a>
      ${permissions.createPerson ? html` · <a href="/staff/people/new?orgId=${org.id}">添加人员</a>` : ''}
      ${permissions.createChild ? html` · <a href="/staff/orgs/new?parentId=${org.id}">新建下级组织</a>` : ''}</p>
    <h2>委员会</h2>
    ${committeeList(org.committee)}
    <h2>下级组织（${children.length} 个）</h2>
    ${children.length === 0 ? html`<p>无。</p>` : html`<ul>${children.map((child) => html`<li>${orgLink(child)} <span class="muted">${ORG_KIND_LABELS[child.kind]}${child.status === 'closed' ? '，已撤销' : ''}</span></li>`)}</ul>`}
    <h2>全程纪实</h2>
    ${auditTrail(history)}
    ${permissions.edit ? editForm(options) : ''}
    ${permissions.move ? moveForm(options) : ''}
    ${permissions.close ? closeForm(options) : ''}`;
  return layout({ title: org.name, body, staff: options.staff });
}
