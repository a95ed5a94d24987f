import { ELECTION_STEPS, type ElectionStepKey } from '../../domain/election/election';
import { electionStepHref } from './election-file';
import { PENDING_TASK_KIND_LABELS, type PendingTask } from '../../domain/tasks/pending-task';
import { developmentPaths } from '../development/paths';
import { assessmentPaths } from '../assessment-paths';
import { isDueSoon } from '../../domain/assessment';
import { formatDateTime } from '../format';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';
import type { TermRow } from '../../services/registry/term-overview';
import { termWarningList } from '../term-table';

/** Where a pending step is handled: a development step on its step form, an overdue approval on its approval page, any other step on its task form. */
function taskHref(task: PendingTask): string {
  if (task.kind === 'development-step' && task.subject.caseId && task.subject.stepKey) return developmentPaths.step(task.subject.caseId, task.subject.stepKey);
  const approvalId = task.kind === 'approval-overdue' ? task.subject.approvalId : undefined;
  if (approvalId) return `/staff/approvals/${encodeURIComponent(approvalId)}`;
  const { electionId, stepKey } = task.subject;
  if (task.kind === 'election-step' && electionId && stepKey in ELECTION_STEPS) return electionStepHref(encodeURIComponent(electionId), stepKey as ElectionStepKey);
  if (task.kind === 'transfer-step' && task.subject.transferId) return `/staff/transfers/${encodeURIComponent(task.subject.transferId)}`;
  const { committeeId, periodKey, orgId } = task.subject;
  if ((task.kind === 'assessment-report' || task.kind === 'assessment-review') && committeeId && periodKey && orgId) return assessmentPaths.report(committeeId, periodKey, orgId);
  if (task.kind === 'assessment-year-end' && committeeId && task.subject.year) return assessmentPaths.yearEnd(committeeId, Number(task.subject.year));
  if (task.kind === 'evaluation-step' && task.subject.evaluationId) return `/staff/evaluations/${encodeURIComponent(task.subject.evaluationId)}`;
  return `/staff/tasks/${encodeURIComponent(task.id)}`;
}

function row(task: PendingTask, now: Date): SafeHtml {
  const overdue = new Date(task.dueAt).getTime() < now.getTime();
  const soon = (task.kind === 'assessment-report' || task.kind === 'assessment-review') && isDueSoon(task.dueAt, now);
  return html`<tr>
    <td><a href="${taskHref(task)}">${task.title}</a></td>
    <td>${PENDING_TASK_KIND_LABELS[task.kind] ?? task.kind}</td>
    <td>${formatDateTime(task.createdAt)}</td>
    <td>${formatDateTime(task.dueAt)}${overdue ? html` <span class="tag overdue">已逾期</span>` : soon ? html` <span class="tag provisional">即将到期</span>` : ''}</td>
  </tr>`;
}

/** The staff home: term warnings (换届预警), then pending human steps (待办) with their due dates, each linking to its form. */
/** `alerts`: lines above everything else (an administrator's undelivered mail). `pages`: a large scope's 待办 comes a page at a time. */
export function staffHomePage(tasks: PendingTask[], staff: LayoutStaff, now: Date, notice?: string, termWarnings: readonly TermRow[] = [], alerts: SafeHtml = html``, pages: { next?: string; paged?: boolean } = {}): SafeHtml {
  const sorted = [...tasks].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const body = html`<h1>待办事项</h1>
    ${alerts}
    ${notice ? html`<div class="alert ok" role="status"><p>${notice}</p></div>` : ''}
    ${termWarningList(termWarnings)}
    ${sorted.length === 0
      ? html`<p>目前没有待办事项。</p>`
      : html`<div class="table-wrap" tabindex="0"><table>
          <thead><tr><th>事项</th><th>类型</th><th>产生时间</th><th>办理期限</th></tr></thead>
          <tbody>${sorted.map((task) => row(task, now))}</tbody>
        </table></div>`}
    ${pages.next || pages.paged
      ? html`<p class="pager">${pages.paged ? html`<a href="/staff">回到最早到期的待办</a>` : ''}${pages.paged && pages.next ? ' · ' : ''}${pages.next ? html`<a href="/staff?cursor=${encodeURIComponent(pages.next)}">后面的待办事项</a>` : ''}</p>`
      : ''}
    <p><a href="/staff/notices/new">发布新的公示</a> · <a href="/staff/notices">查看全部公示</a> · <a href="/staff/elections">换届选举</a></p>`;
  return layout({ title: '待办事项', body, staff });
}
