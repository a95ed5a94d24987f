import { csrfField, errorSummary, textArea, textField, type FormState } from '../form-fields';
import { formatDateTime } from '../format';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';

/** A year as the page lists it: stored by an administrator, or shipped with the system. */
export interface CalendarYearRow {
  year: number;
  daysOff: number;
  workingWeekendDays: number;
  source?: string;
  updatedAt?: string;
  updatedBy?: string;
  shipped: boolean;
}

export const CALENDAR_FIELD_LABELS: Record<string, string> = {
  year: '年份',
  daysOff: '放假日期',
  workingWeekendDays: '调休上班日期',
  source: '来源',
};

export interface CalendarAdminOptions {
  years: CalendarYearRow[];
  form: FormState;
  staff: LayoutStaff;
  message?: string;
  flash?: string;
}

/** The holiday calendar (administrators): years on file, and a form to add or replace a year. */
export function calendarAdminPage(options: CalendarAdminOptions): SafeHtml {
  const { form } = options;
  const L = CALENDAR_FIELD_LABELS;
  const body = html`<h1>节假日安排</h1>
    ${options.flash ? html`<div class="alert ok" role="status"><p>${options.flash}</p></div>` : ''}
    <p class="muted">工作日按周一至周五计算，扣除法定节假日，加上调休上班的周末。某年度未录入时，只扣除周末，公示结束日期标为“临时”；录入后系统自动重新计算未结束的公示。</p>
    <div class="table-wrap" tabindex="0"><table>
      <thead><tr><th>年份</th><th>放假天数</th><th>调休上班天数</th><th>来源</th><th>更新</th></tr></thead>
      <tbody>${options.years.map((y) => html`<tr><td>${y.year}</td><td>${y.daysOff}</td><td>${y.workingWeekendDays}</td><td>${y.source ?? ''}</td>
        <td>${y.shipped ? '系统内置' : html`${y.updatedBy ?? ''} ${formatDateTime(y.updatedAt)}`}</td></tr>`)}</tbody>
    </table></div>
    <h2>录入或替换某一年度</h2>
    <form class="stacked" method="post" action="/staff/calendar" novalidate>
      ${csrfField(options.staff.csrfToken)}
      ${errorSummary(options.message, form.errors, L)}
      ${textField({ name: 'year', label: L.year, type: 'number', state: form, required: true, min: '2000' })}
      ${textArea({ name: 'daysOff', label: L.daysOff, state: form, required: true, rows: 8, hint: '每行一个日期（YYYY-MM-DD）或一个区间，如“2027-02-05 至 2027-02-12”；也可用逗号分隔。' })}
      ${textArea({ name: 'workingWeekendDays', label: L.workingWeekendDays, state: form, rows: 4, hint: '调休上班的星期六、星期日，格式同上；没有可留空。' })}
      ${textField({ name: 'source', label: L.source, state: form, maxLength: 200, hint: '例如：国务院办公厅关于2027年部分节假日安排的通知。' })}
      <button type="submit">保存</button>
    </form>`;
  return layout({ title: '节假日安排', body, staff: options.staff });
}
