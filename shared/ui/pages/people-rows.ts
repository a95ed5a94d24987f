import { EXCLUSION_REASON_LABELS, MEMBERSHIP_STATUS_LABELS, RIGHTS_STATE_LABELS } from '../../domain/registry/person';
import type { PersonSummary } from '../../services/registry';
import { html, type SafeHtml } from '../html';

/** The roster's columns (党员名册, 人员查找). */
export const ROSTER_COLUMNS = 7;

/** A person's row on the roster: ID number masked; status, rights and today's exclusion. */
export function rosterRow(person: PersonSummary): SafeHtml {
  return html`<tr>
    <td><a href="/staff/people/${person.id}">${person.name}</a></td>
    <td>${person.gender}</td>
    <td>${person.birthDate.slice(0, 7)}</td>
    <td class="id-number">${person.idNumberMasked}</td>
    <td>${MEMBERSHIP_STATUS_LABELS[person.status]}</td>
    <td>${person.rightsState === 'normal' ? '正常' : html`<span class="tag overdue">${RIGHTS_STATE_LABELS[person.rightsState]}</span>`}</td>
    <td>${person.exclusionToday ? EXCLUSION_REASON_LABELS[person.exclusionToday.reason] : ''}</td>
  </tr>`;
}

export const ROSTER_HEAD = html`<thead><tr><th>姓名</th><th>性别</th><th>出生年月</th><th>身份证号</th><th>党员状态</th><th>权利状态</th><th>不计入应到会</th></tr></thead>`;

