import { CORRECTION_OUTCOME_LABELS, FOLLOW_UP_LABELS } from '../../domain/evaluation/follow-up';
import { GRADE_LABELS } from '../../domain/evaluation/grades';
import { EXCLUSION_REASON_LABELS, MEMBERSHIP_STATUS_LABELS, RECORDABLE_STATUSES, RIGHTS_STATE_LABELS, type Dated } from '../../domain/registry/person';
import type { PersonView } from '../../services/registry';
import { auditTrail } from '../audit-trail';
import { currentLetter, TRANSFER_STATUS_LABELS } from '../../domain/transfer/transfer';
import { formatSerial } from '../../domain/transfer/serial';
import { formatDateLong } from '../format';
import { csrfField, emptyForm, errorSummary, selectField, textField, type FormState } from '../form-fields';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';
import { orgLink } from '../registry-fields';

export type PersonFormName = 'status' | 'rights' | 'exclusion' | 'end-exclusion';

export interface PersonDetailOptions {
  view: PersonView;
  staff: LayoutStaff;
  today: string;
  flash?: string;
  failed?: { name: PersonFormName; form: FormState; message?: string };
}

const LABELS: Record<string, string> = { status: '党员状态', rightsState: '权利状态', from: '生效日期', to: '结束日期', note: '说明', reason: '原因', index: '情形' };

function history<T extends string>(entries: Dated<T>[], labels: Record<T, string>): SafeHtml {
  if (entries.length === 0) return html`<p class="muted">无记录。</p>`;
  return html`<ul>${entries.map((e) => html`<li>${e.from} 起：${labels[e.value]}${e.note ? `（${e.note}）` : ''}</li>`)}</ul>`;
}

function dateForm(options: PersonDetailOptions, name: PersonFormName, action: string, title: string, fields: (form: FormState) => SafeHtml): SafeHtml {
  const { person } = options.view;
  const failed = options.failed?.name === name ? options.failed : undefined;
  // Three forms share field names (from, note): the form's name scopes their ids.
  const form = { ...(failed?.form ?? emptyForm({ from: options.today })), scope: name };
  return html`<h3 id="${name}">${title}</h3>
    <form class="stacked" method="post" action="/staff/people/${person.id}/${action}" novalidate>
      ${csrfField(options.staff.csrfToken)}<input type="hidden" name="version" value="${String(person.version)}">
      ${errorSummary(failed?.message, form.errors, LABELS, { scope: name })}
      ${fields(form)}
      <button type="submit" class="secondary">保存</button>
    </form>`;
}

/** The person's transfers: when, from where to where, the letter and how it stands. */
function transferHistory(transfers: PersonView['transfers']): SafeHtml {
  if (transfers.length === 0) return html`<p class="muted">无转接记录。</p>`;
  return html`<ul>${transfers.map((t) => {
    const letter = currentLetter(t) ?? t.letters.at(-1);
    return html`<li><a href="/staff/transfers/${t.id}">${formatDateLong(t.createdAt)}：由${t.fromOrgName}转往${t.destination.orgName}</a>
      （${TRANSFER_STATUS_LABELS[t.status]}${letter ? `，介绍信${formatSerial(letter.serialYear, letter.serialNo)}` : ''}）</li>`;
  })}</ul>`;
}

/** One person: their record (the ID number masked; in full after 显示完整证件号码, for those allowed), status and rights histories, exclusions, file. */
export function personDetailPage(options: PersonDetailOptions): SafeHtml {
  const { person, idNumber, org, permissions } = options.view;
  const open = person.exclusions.map((e, i) => [String(i), `${EXCLUSION_REASON_LABELS[e.reason]}（${e.from} 起${e.to ? `，至 ${e.to}` : ''}）`] as const).filter(([i]) => !person.exclusions[Number(i)].to || person.exclusions[Number(i)].to! >= options.today);
  const body = html`<p>${org ? html`<a href="/staff/orgs/${org.id}/people">← ${org.name} 党员名册</a>` : ''}</p>
    <h1>${person.name}</h1>
    ${options.flash ? html`<div class="alert ok" role="status"><p>${options.flash}</p></div>` : ''}
    <p><span class="tag">${MEMBERSHIP_STATUS_LABELS[person.status]}</span> ${person.rightsState !== 'normal' ? html`<span class="tag overdue">${RIGHTS_STATE_LABELS[person.rightsState]}</span>` : ''}
      ${person.votesToday ? html`<span class="tag open">有表决权</span>` : html`<span class="tag">无表决权</span>`}</p>
    <dl class="facts">
      <dt>所属组织</dt><dd>${org ? orgLink(org) : person.orgId}</dd>
      <dt>性别</dt><dd>${person.gender}</dd><dt>民族</dt><dd>${person.ethnicity}</dd><dt>出生日期</dt><dd>${person.birthDate}</dd>
      <dt>身份证号</dt><dd class="id-number">${idNumber ?? person.idNumberMasked}${idNumber ? html` <span class="muted">（本次查看已记入全程纪实）</span>` : html` <span class="muted">（已隐藏）</span>`}
        ${!idNumber && permissions.viewIdNumber ? html`<form class="inline" method="post" action="/staff/people/${person.id}/id-number">${csrfField(options.staff.csrfToken)}<button type="submit" class="secondary">显示完整证件号码</button></form>` : ''}</dd>
      <dt>学历</dt><dd>${person.education}</dd><dt>单位及职务</dt><dd>${person.unitPost}</dd>
      <dt>联系电话</dt><dd>${person.phone}</dd><dt>电子邮箱</dt><dd>${person.email ?? ''}</dd><dt>家庭住址</dt><dd>${person.address ?? ''}</dd>
      <dt>递交入党申请书</dt><dd>${person.applicationDate ?? ''}</dd>
    </dl>
    ${permissions.edit ? html`<p><a class="button" href="/staff/people/${person.id}/edit">编辑人员信息</a></p>` : ''}
    <h2>党员状态</h2>
    ${history(person.statusHistory, MEMBERSHIP_STATUS_LABELS)}
    ${person.status === 'transferred-out' ? html`<p class="muted">该同志的组织关系已转出本系统，不在任何组织名册中；转回时请在“组织关系转接”中登记系统外转入。</p>` : ''}
    ${permissions.status && person.status !== 'transferred-out' ? dateForm(options, 'status', 'status', '变更党员状态', (form) => html`
      ${selectField({ name: 'status', label: LABELS.status, state: form, required: true, placeholder: '请选择', options: RECORDABLE_STATUSES.map((s) => [s, MEMBERSHIP_STATUS_LABELS[s]] as const) })}
      ${textField({ name: 'from', label: LABELS.from, type: 'date', state: form, required: true })}
      ${textField({ name: 'note', label: LABELS.note, state: form, maxLength: 200 })}`) : ''}
    <h2>权利状态</h2>
    ${history(person.rightsHistory, RIGHTS_STATE_LABELS)}
    ${permissions.rights ? dateForm(options, 'rights', 'rights', '设置或解除（留党察看、停止行使权利）', (form) => html`
      ${selectField({ name: 'rightsState', label: LABELS.rightsState, state: form, required: true, placeholder: '请选择', options: Object.entries(RIGHTS_STATE_LABELS) })}
      ${textField({ name: 'from', label: LABELS.from, type: 'date', state: form, required: true })}
      ${textField({ name: 'note', label: '说明（如处分决定文号）', state: form, maxLength: 200 })}`) : ''}
    <h2>不计入应到会人数的情形</h2>
    ${person.exclusions.length === 0 ? html`<p class="muted">无。</p>` : html`<ul>${person.exclusions.map((e) => html`<li>${EXCLUSION_REASON_LABELS[e.reason]}：${e.from} 起${e.to ? `，至 ${e.to}` : '（未结束）'}${e.note ? `；${e.note}` : ''}</li>`)}</ul>`}
    ${permissions.exclusion ? dateForm(options, 'exclusion', 'exclusions', '登记情形', (form) => html`
      ${selectField({ name: 'reason', label: LABELS.reason, state: form, required: true, placeholder: '请选择', options: Object.entries(EXCLUSION_REASON_LABELS) })}
      ${textField({ name: 'from', label: '开始日期', type: 'date', state: form, required: true })}
      ${textField({ name: 'to', label: '结束日期（可不填）', type: 'date', state: form })}
      ${textField({ name: 'note', label: LABELS.note, state: form, maxLength: 200 })}`) : ''}
    ${permissions.exclusion && open.length > 0 ? dateForm(options, 'end-exclusion', 'exclusions/end', '结束情形', (form) => html`
      ${selectField({ name: 'index', label: LABELS.index, state: form, required: true, options: open })}
      ${textField({ name: 'to', label: LABELS.to, type: 'date', state: { ...form, values: { to: options.today, ...form.values } }, required: true })}`) : ''}
    <h2>组织关系转接</h2>
    ${transferHistory(options.view.transfers)}
    <h2>民主评议党员等次</h2>
    ${options.view.grades.length ? html`<table><thead><tr><th>年度</th><th>等次</th><th>组织处置</th></tr></thead><tbody>${options.view.grades.map((g) => html`<tr><td>${g.year}</td><td><a href="/staff/evaluations/${g.evaluationId}">${GRADE_LABELS[g.grade]}</a></td><td>${g.followUp ? `${FOLLOW_UP_LABELS[g.followUp.kind]}（期限 ${g.followUp.dueDate}）${g.correction ? `：${CORRECTION_OUTCOME_LABELS[g.correction]}` : ''}` : ''}</td></tr>`)}</tbody></table>` : html`<p>无记录。</p>`}
    <h2>全程纪实</h2>
    ${auditTrail(options.view.history)}`;
  return layout({ title: person.name, body, staff: options.staff });
}
