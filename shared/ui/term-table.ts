import type { TermReminder } from '../domain/election/term-reminders';
import { ORG_KIND_LABELS } from '../domain/registry/organization';
import type { TermRow } from '../services/registry/term-overview';
import { html, type SafeHtml } from './html';

/** Organizations' terms (换届): the overview table and the warnings on the staff home. */

const REMINDER_LABELS = { notice: '换届提醒', 'request-deadline': '换届请示截止' } as const;

export function reminderLabel(reminder: TermReminder): string {
  return `${reminder.date} ${REMINDER_LABELS[reminder.kind]}（届满前 ${reminder.monthsBefore} 个月）`;
}

function stateCell(row: TermRow): SafeHtml {
  const { status } = row;
  switch (status.state) {
    case 'overdue':
      return html`<span class="tag overdue">换届逾期 ${status.daysOverdue} 天</span>`;
    case 'reminding':
      return html`<span class="tag provisional">${status.due!.kind === 'request-deadline' ? '应报送换届请示' : '即将届满'}</span>`;
    case 'renewed':
      return html`<span class="tag open">已完成换届</span>`;
    case 'running':
      return html`任期内`;
    default:
      return html`<span class="muted">未登记任期</span>`;
  }
}

/** Every organization in scope with its term, the next reminder and its state; overdue rows marked. */
export function termTable(rows: readonly TermRow[]): SafeHtml {
  if (rows.length === 0) return html`<p>没有可查看的组织。</p>`;
  return html`<div class="table-wrap" tabindex="0"><table class="terms">
    <thead><tr><th>组织</th><th>类别</th><th>任期</th><th>下一次提醒</th><th>状态</th></tr></thead>
    <tbody>${rows.map(
      (row) => html`<tr${row.status.state === 'overdue' ? html` class="overdue"` : ''}>
        <td><a href="/staff/orgs/${row.org.id}">${row.org.name}</a></td>
        <td>${ORG_KIND_LABELS[row.org.kind]}</td>
        <td>${row.org.termStart ?? '—'} 至 ${row.org.termEnd ?? '—'}</td>
        <td>${row.status.next ? reminderLabel(row.status.next) : '—'}</td>
        <td>${stateCell(row)}</td>
      </tr>`,
    )}</tbody>
  </table></div>`;
}

/** The staff home's warnings: overdue elections and terms with a reminder due. Nothing when there are none. */
export function termWarningList(rows: readonly TermRow[]): SafeHtml {
  if (rows.length === 0) return html``;
  return html`<section class="alert" aria-labelledby="term-warnings"><h2 id="term-warnings">换届预警</h2><ul>${rows.map((row) =>
    row.status.state === 'overdue'
      ? html`<li><strong>${row.org.name}</strong>：任期已于 ${row.org.termEnd} 届满，已逾期 ${row.status.daysOverdue} 天，尚无经批准的换届选举结果。</li>`
      : html`<li>${row.org.name}：任期将于 ${row.org.termEnd} 届满；${reminderLabel(row.status.due!)}。</li>`,
  )}</ul><p><a href="/staff/elections">查看换届选举</a></p></section>`;
}
