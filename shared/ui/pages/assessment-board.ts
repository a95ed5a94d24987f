import { REPORT_STATUS_LABELS, type AssessmentReport } from '../../domain/assessment';
import type { AssessmentBoard, BoardRow } from '../../services/assessment';
import { distributionChart } from '../assessment-charts';
import { assessmentPaths } from '../assessment-paths';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';

export type BoardSort = 'name' | 'total' | `period:${string}`;

/** The rows in the order asked: by name (拼音), by the year's points, or by one period's score; highest first. */
export function sortedRows(rows: readonly BoardRow[], sort: string): BoardRow[] {
  const byName = (a: BoardRow, b: BoardRow) => a.orgName.localeCompare(b.orgName, 'zh-Hans-CN');
  if (sort === 'total') return [...rows].sort((a, b) => b.total - a.total || byName(a, b));
  if (sort.startsWith('period:')) {
    const key = sort.slice('period:'.length);
    return [...rows].sort((a, b) => (b.cells[key]?.score ?? -1) - (a.cells[key]?.score ?? -1) || byName(a, b));
  }
  return [...rows].sort(byName);
}

const scoredRows = (board: AssessmentBoard) => board.rows.filter((row) => row.fullMarks > 0);

function cell(report: AssessmentReport | undefined, board: AssessmentBoard): SafeHtml {
  if (!report) return html`<td class="muted">—</td>`;
  const text = report.status === 'scored' ? `${report.score} 分` : REPORT_STATUS_LABELS[report.status];
  return html`<td><a href="${assessmentPaths.report(board.committee.id, report.periodKey, report.orgId)}">${text}</a>${report.late ? html` <span class="tag overdue">逾期</span>` : ''}</td>`;
}

/** 考核看板: the committee's organizations × periods with status and score, sortable by any column. */
export function assessmentBoardPage(board: AssessmentBoard, staff: LayoutStaff, options: { sort: string; canEditScheme: boolean }): SafeHtml {
  const link = (sort: string, label: string) => html`<a href="${assessmentPaths.board(board.committee.id, board.year, sort)}"${options.sort === sort ? html` aria-current="true"` : ''}>${label}</a>`;
  const rows = sortedRows(board.rows, options.sort);
  const body = html`<h1>${board.committee.name} ${board.year} 年党建工作目标考核</h1>
    <p>
      <a href="${assessmentPaths.board(board.committee.id, board.year - 1)}">← ${board.year - 1} 年</a>
      <a href="${assessmentPaths.board(board.committee.id, board.year + 1)}">${board.year + 1} 年 →</a>
      ${options.canEditScheme ? html` · <a href="${assessmentPaths.scheme(board.committee.id, board.year)}">考核方案</a>` : ''}
      · <a href="${assessmentPaths.board(board.committee.id, board.year)}/export.xlsx">导出电子表格</a>
      · <a href="${assessmentPaths.yearEnd(board.committee.id, board.year)}">年终考核</a>
    </p>
    ${board.scheme !== 'published' ? html`<div class="alert" role="status"><p>${board.year} 年${board.scheme === 'draft' ? '的考核方案尚未发布' : '尚无考核方案'}，考核期不会开始。${options.canEditScheme
      ? html`请在<a href="${assessmentPaths.scheme(board.committee.id, board.year)}">考核方案</a>中${board.scheme === 'draft' ? '核对后发布' : '新建（复制默认的 24 项指标）并发布'}。`
      : '请联系系统管理员制定并发布考核方案。'}</p></div>` : ''}
    ${board.periods.length === 0 ? html`<p>本年度尚无开始报送的考核期。考核期按考核方案自动开始。</p>` : html`
    <p class="muted">点击列标题排序；得分为审核后的分数（已扣除逾期扣分）。</p>
    <div class="table-wrap" tabindex="0"><table>
      <thead><tr><th>${link('name', '党组织')}</th>${board.periods.map((p) => html`<th>${link(`period:${p.key}`, p.label)}</th>`)}<th>${link('total', '累计得分')}</th></tr></thead>
      <tbody>${rows.map((row) => html`<tr>
        <td><a href="${assessmentPaths.file(row.orgId)}">${row.orgName}</a></td>
        ${board.periods.map((p) => cell(row.cells[p.key], board))}
        <td>${row.fullMarks > 0 ? `${row.total} / ${row.fullMarks}` : '—'}</td>
      </tr>`)}</tbody>
    </table></div>
    ${scoredRows(board).length > 0 ? distributionChart(`${board.year} 年累计得分分布`, scoredRows(board).map((row) => Math.round((row.total / row.fullMarks) * 1000) / 10)) : ''}`}`;
  return layout({ title: `${board.year} 年党建工作目标考核`, body, staff });
}
