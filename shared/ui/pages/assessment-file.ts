import { REPORT_STATUS_LABELS, type AssessmentReport } from '../../domain/assessment';
import { trendChart } from '../assessment-charts';
import { assessmentPaths } from '../assessment-paths';
import { formatDateTime } from '../format';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';

/** The score rate of each year's periods, oldest first (the file lists the newest first). */
function trends(reports: readonly AssessmentReport[]): SafeHtml {
  const years = [...new Set(reports.map((r) => r.year))].sort((a, b) => b - a);
  return html`${years.map((year) => {
    const own = reports.filter((r) => r.year === year).reverse();
    if (!own.some((r) => r.status === 'scored')) return '';
    return trendChart(`${year} 年得分趋势`, own.map((r) => ({ label: r.periodLabel, percent: r.status === 'scored' && r.fullMarks > 0 ? Math.round(((r.score ?? 0) / r.fullMarks) * 1000) / 10 : undefined })));
  })}`;
}

/** An organization's assessment file: every period's report with its status, due time and score. */
export function assessmentFilePage(org: { id: string; name: string }, reports: AssessmentReport[], staff: LayoutStaff): SafeHtml {
  const body = html`<h1>${org.name} 党建工作目标考核档案</h1>
    ${reports.length === 0 ? html`<p>尚无考核报告。考核期开始后，待报送的报告会出现在这里和“待办”中。</p>` : html`
    <div class="table-wrap" tabindex="0"><table>
      <thead><tr><th>考核期</th><th>状态</th><th>报送期限</th><th>报送时间</th><th>得分</th><th>退回次数</th></tr></thead>
      <tbody>${reports.map((r) => html`<tr>
        <td><a href="${assessmentPaths.report(r.committeeId, r.periodKey, r.orgId)}">${r.periodLabel}</a></td>
        <td>${REPORT_STATUS_LABELS[r.status]}${r.late ? html` <span class="tag overdue">逾期</span>` : ''}</td>
        <td>${formatDateTime(r.dueAt)}</td>
        <td>${r.submittedAt ? formatDateTime(r.submittedAt) : '—'}</td>
        <td>${r.score !== undefined ? `${r.score} / ${r.fullMarks}` : '—'}</td>
        <td>${r.returns.length}</td>
      </tr>`)}</tbody>
    </table></div>
    ${trends(reports)}`}`;
  return layout({ title: `${org.name} 考核档案`, body, staff });
}
