import { actionLabel, domainOf, fieldPairs } from './field-text';
import { formatDateTime } from './format';
import { html, type SafeHtml } from './html';

export { actionLabel } from './field-text';

/** One event of a file (全程纪实), as the services return it. */
export interface AuditEntry {
  at: string;
  action: string;
  actor: string;
  actorName?: string;
  details?: Record<string, unknown>;
}

const ACTOR_LABELS: Record<string, string> = { system: '系统', public: '公众' };

/** Who did it: the system, the public, or a staff member by name (never the login name). */
export function actorText(entry: Pick<AuditEntry, 'actor' | 'actorName'>): string {
  return ACTOR_LABELS[entry.actor] ?? entry.actorName ?? '工作人员';
}

function details(entry: AuditEntry): SafeHtml {
  const pairs = fieldPairs(entry.details ?? {}, domainOf(entry.action));
  if (pairs.length === 0) return html``;
  return html`<ul>${pairs.map(([label, text]) => html`<li>${label}：${text}</li>`)}</ul>`;
}

/** The file as a table, oldest first. */
export function auditTrail(entries: AuditEntry[]): SafeHtml {
  if (entries.length === 0) return html`<p>暂无记录。</p>`;
  const sorted = [...entries].sort((a, b) => a.at.localeCompare(b.at));
  return html`<div class="table-wrap" tabindex="0"><table class="audit">
    <thead><tr><th>时间</th><th>事项</th><th>办理人</th><th>详情</th></tr></thead>
    <tbody>${sorted.map((entry) => html`<tr><td>${formatDateTime(entry.at)}</td><td>${actionLabel(entry.action)}</td><td>${actorText(entry)}</td><td>${details(entry)}</td></tr>`)}</tbody>
  </table></div>`;
}
