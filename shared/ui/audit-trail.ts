import { formatDateTime } from './format';
import { html, type SafeHtml } from './html';

/** One event of a case's file (全程纪实), as the notice services return it. */
export interface AuditEntry {
  at: string;
  action: string;
  actor: string;
  details?: Record<string, unknown>;
}

/** Known actions in Chinese; an unknown one is shown as it is stored rather than hidden. */
const ACTION_LABELS: Record<string, string> = {
  'notice.published': '发布公示',
  'notice.objection-filed': '收到异议',
  'notice.withdrawn': '撤回公示',
  'notice.closed': '公示结束',
  'notice.period-recomputed': '重新计算公示期',
  'notice.outcomes-recorded': '记录异议调查结论',
  'task.created': '生成待办',
  'task.completed': '办结待办',
};

const DETAIL_LABELS: Record<string, string> = {
  reason: '原因',
  result: '结果',
  reviewDate: '复核日期',
  endsAt: '截止时间',
  previousEndsAt: '原截止时间',
  provisional: '临时',
  objectionId: '异议编号',
  taskId: '待办编号',
};

function detailValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function details(entry: AuditEntry): SafeHtml {
  const pairs = Object.entries(entry.details ?? {});
  if (pairs.length === 0) return html``;
  return html`<ul>${pairs.map(([key, value]) => html`<li>${DETAIL_LABELS[key] ?? key}：${detailValue(value)}</li>`)}</ul>`;
}

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

/** The file as a table, oldest first. */
export function auditTrail(entries: AuditEntry[]): SafeHtml {
  if (entries.length === 0) return html`<p>暂无记录。</p>`;
  const sorted = [...entries].sort((a, b) => a.at.localeCompare(b.at));
  return html`<div class="table-wrap"><table>
    <thead><tr><th>时间</th><th>事项</th><th>办理人</th><th>详情</th></tr></thead>
    <tbody>${sorted.map((entry) => html`<tr><td>${formatDateTime(entry.at)}</td><td>${actionLabel(entry.action)}</td><td>${entry.actor}</td><td>${details(entry)}</td></tr>`)}</tbody>
  </table></div>`;
}
