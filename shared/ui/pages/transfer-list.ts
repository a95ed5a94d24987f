import type { Organization } from '../../domain/registry/organization';
import { TRANSFER_STATUS_LABELS, currentLetter, type Transfer } from '../../domain/transfer/transfer';
import { formatSerial } from '../../domain/transfer/serial';
import { TRANSFER_WARNING_LABELS, type TransferWarning } from '../../domain/transfer/warnings';
import { csrfField, errorSummary, selectField, textField, radioGroup, type FormState } from '../form-fields';
import { formatDate } from '../format';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';

export interface TransferRowView {
  transfer: Transfer;
  warnings: TransferWarning[];
}

const serialText = (t: Transfer) => {
  const letter = currentLetter(t);
  return letter ? formatSerial(letter.serialYear, letter.serialNo) : '—';
};

/** A transfer within the organizations in scope is both outgoing and incoming: listed once among the warnings. */
const uniqueRows = (rows: readonly TransferRowView[]) => [...new Map(rows.map((r) => [r.transfer.id, r])).values()];

function table(rows: readonly TransferRowView[], side: 'outgoing' | 'incoming'): SafeHtml {
  if (rows.length === 0) return html`<p class="muted">暂无。</p>`;
  return html`<div class="table-wrap" tabindex="0"><table>
    <thead><tr><th>姓名</th><th>${side === 'outgoing' ? '转入组织' : '转出组织'}</th><th>介绍信编号</th><th>状态</th><th>预警</th><th>申请日期</th></tr></thead>
    <tbody>${rows.map(({ transfer: t, warnings }) => html`<tr>
      <td><a href="/staff/transfers/${t.id}">${t.personName}</a></td>
      <td>${side === 'outgoing' ? t.destination.orgName : t.fromOrgName}</td>
      <td>${serialText(t)}</td>
      <td>${TRANSFER_STATUS_LABELS[t.status]}</td>
      <td>${warnings.map((w) => html`<span class="tag overdue">${TRANSFER_WARNING_LABELS[w.code]}</span> `)}</td>
      <td>${formatDate(t.createdAt)}</td>
    </tr>`)}</tbody>
  </table></div>`;
}

/**
 * The warnings (预警) of the transfers in scope, one line each with what to do (docs/domain/transfer.md T7): on the
 * transfer list and the staff home (待办), besides the e-mails.
 */
export function transferWarningList(rows: readonly TransferRowView[]): SafeHtml {
  const warned = rows.filter((r) => r.warnings.length > 0);
  if (warned.length === 0) return html``;
  return html`<section class="alert" aria-labelledby="transfer-warnings"><h2 id="transfer-warnings">组织关系转接预警</h2>
    <ul>${warned.flatMap(({ transfer: t, warnings }) => warnings.map((w) => html`<li><span class="tag overdue">${TRANSFER_WARNING_LABELS[w.code]}</span>
      <a href="/staff/transfers/${t.id}">${t.personName}（${t.fromOrgName} → ${t.destination.orgName}）</a>：${w.message}</li>`))}</ul>
  </section>`;
}

/** 组织关系转接: the outgoing and the incoming transfers of the organizations in scope, with status and warnings. */
export function transferListPage(o: { outgoing: readonly TransferRowView[]; incoming: readonly TransferRowView[]; staff: LayoutStaff; canRegisterIncoming: boolean }): SafeHtml {
  const body = html`<h1>组织关系转接</h1>
    <p><a class="button" href="/staff/transfers/new">申请转出组织关系</a>
      ${o.canRegisterIncoming ? html` <a href="/staff/transfers/incoming/new">登记系统外转入</a>` : ''}</p>
    ${transferWarningList(uniqueRows([...o.outgoing, ...o.incoming]))}
    <h2>转出</h2>
    ${table(o.outgoing, 'outgoing')}
    <h2>转入</h2>
    ${table(o.incoming, 'incoming')}`;
  return layout({ title: '组织关系转接', body, staff: o.staff });
}

export interface TransferRequestPageOptions {
  branches: readonly Pick<Organization, 'id' | 'name'>[];
  /** The chosen branch's people who may transfer (full, probationary, activists, development targets). */
  people: readonly { id: string; name: string; statusLabel: string }[];
  destinations: readonly Pick<Organization, 'id' | 'name'>[];
  form: FormState;
  staff: LayoutStaff;
  message?: string;
  idempotencyKey: string;
}

const LABELS: Record<string, string> = {
  orgId: '转出组织', personIds: '转出人员', destinationKind: '转往何处', destinationOrgId: '转入组织（系统内）', outsideOrgName: '转入组织名称（系统外）',
  outsideAddress: '转入组织地址（系统外）', reason: '转接原因', leavingDate: '离开原单位日期', duesPaidTo: '党费交至（年-月）',
};

/** 申请转出组织关系: one or several members of a branch, one destination (a batch is one request). */
export function transferRequestPage(o: TransferRequestPageOptions): SafeHtml {
  const chosen = new Set((o.form.values.personIds ?? '').split(',').filter(Boolean));
  const body = html`<p><a href="/staff/transfers">← 返回组织关系转接</a></p>
    <h1>申请转出组织关系</h1>
    <form method="get" action="/staff/transfers/new" class="stacked">
      ${selectField({ name: 'orgId', label: LABELS.orgId, state: o.form, required: true, placeholder: '请选择', options: o.branches.map((b) => [b.id, b.name] as const) })}
      <button type="submit" class="secondary">列出该支部人员</button>
    </form>
    <form class="stacked" method="post" action="/staff/transfers" novalidate>
      ${csrfField(o.staff.csrfToken)}
      <input type="hidden" name="orgId" value="${o.form.values.orgId ?? ''}">
      <input type="hidden" name="idempotencyKey" value="${o.idempotencyKey}">
      ${errorSummary(o.message, o.form.errors, LABELS)}
      <fieldset id="personIds"><legend>${LABELS.personIds}（可选多人，同一去向）</legend>
        ${o.people.length === 0 ? html`<p class="muted">请先选择转出组织。</p>` : o.people.map((p) => html`<label class="choice"><input type="checkbox" name="person.${p.id}" value="on"${chosen.has(p.id) ? html` checked` : ''}> ${p.name}（${p.statusLabel}）</label>`)}
        ${o.form.errors.personIds ? html`<p class="error">${o.form.errors.personIds}</p>` : ''}
      </fieldset>
      ${radioGroup({ name: 'destinationKind', label: LABELS.destinationKind, state: { ...o.form, values: { destinationKind: 'within', ...o.form.values } }, required: true, options: [['within', '本系统内的党支部'], ['outside', '本系统以外的党组织']] })}
      ${selectField({ name: 'destinationOrgId', label: LABELS.destinationOrgId, state: o.form, placeholder: '请选择', options: o.destinations.map((d) => [d.id, d.name] as const) })}
      ${textField({ name: 'outsideOrgName', label: LABELS.outsideOrgName, state: o.form, maxLength: 100 })}
      ${textField({ name: 'outsideAddress', label: LABELS.outsideAddress, state: o.form, maxLength: 200 })}
      ${textField({ name: 'reason', label: LABELS.reason, state: o.form, required: true, maxLength: 200 })}
      ${textField({ name: 'leavingDate', label: LABELS.leavingDate, type: 'date', state: o.form, required: true })}
      ${textField({ name: 'duesPaidTo', label: LABELS.duesPaidTo, state: o.form, required: true, maxLength: 7 })}
      <button type="submit">提交转接申请</button>
    </form>`;
  return layout({ title: '申请转出组织关系', body, staff: o.staff });
}
