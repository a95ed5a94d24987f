import { YEAR_END_STATUS_LABELS } from '../../domain/assessment';
import type { YearEndRow, YearEndView } from '../../services/assessment';
import { assessmentPaths } from '../assessment-paths';
import { auditTrail } from '../audit-trail';
import { csrfField, errorSummary, fieldId, type FormState } from '../form-fields';
import { formatDateTime } from '../format';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';

function scoreCell(row: YearEndRow, view: YearEndView, form: FormState): SafeHtml {
  if (!view.canRate) return html`<td>${row.reviewScore ?? '—'}</td>`;
  const name = `review_${row.orgId}`;
  const error = form.errors[name];
  return html`<td>${error ? html`<p class="error" id="${fieldId(name)}-error">${error}</p>` : ''}
    <input id="${fieldId(name)}" aria-label="${row.orgName}述职评议得分" name="${name}" type="number" min="0" max="100" step="0.1" form="year-end-form" value="${form.values[name] ?? (row.reviewScore !== undefined ? String(row.reviewScore) : '')}"${error ? ' aria-invalid="true"' : ''}></td>`;
}

function resultsTable(view: YearEndView, form: FormState): SafeHtml {
  return html`<div class="table-wrap" tabindex="0"><table>
    <thead><tr><th>党组织</th><th>平时考核（得分 / 满分）</th><th>平时考核折合百分制</th><th>加减分</th><th>述职评议（0–100）</th><th>年终总分</th><th>等次</th></tr></thead>
    <tbody>${view.rows.map((row) => html`<tr>
      <td><a href="${assessmentPaths.file(row.orgId)}">${row.orgName}</a></td>
      <td>${row.scored} / ${row.fullMarks}${row.unscored > 0 ? html` <span class="tag overdue">${row.unscored} 期未评分，按 0 分计</span>` : ''}</td>
      <td>${row.result?.periodPercent ?? '—'}</td>
      <td>${row.result ? `${row.result.adjustments >= 0 ? '+' : ''}${row.result.adjustments}` : '—'}</td>
      ${scoreCell(row, view, form)}
      <td>${row.result?.total ?? '—'}</td>
      <td>${row.result ? html`${row.result.grade}${row.result.advancedCandidate ? html` <span class="tag">先进基层党组织推荐对象</span>` : ''}` : '—'}</td>
    </tr>`)}</tbody>
  </table></div>`;
}

/**
 * 年终考核: each organization's period part, bonuses and deductions, the 述职评议 score and the total and grade as they
 * stand; committee staff start it after the year, enter the scores, and submit for the committee's approval by link.
 */
export function assessmentYearEndPage(view: YearEndView, staff: LayoutStaff, form: FormState, options: { message?: string; flash?: string } = {}): SafeHtml {
  const path = assessmentPaths.yearEnd(view.committee.id, view.year);
  const { yearEnd } = view;
  const candidates = yearEnd?.status === 'published' ? (yearEnd.results ?? []).filter((r) => r.advancedCandidate).map((r) => r.orgName) : [];
  const lastReturn = yearEnd?.approvals.at(-1);
  const body = html`<p><a href="${assessmentPaths.board(view.committee.id, view.year)}">← 考核看板</a></p>
    <h1>${view.committee.name} ${view.year} 年党建工作目标考核年终考核</h1>
    ${options.flash ? html`<div class="alert ok" role="status"><p>${options.flash}</p></div>` : ''}
    ${errorSummary(options.message, form.errors)}
    <p class="muted">年终总分 = （平时考核折合百分制 + 加分 − 减分）× 平时考核权重 + 述职评议得分 × 述职评议权重；按分数线评定好、较好、一般、差等次，评定为“好”的组织列为先进基层党组织推荐对象。</p>
    ${yearEnd ? html`<dl class="facts">
      <dt>状态</dt><dd>${YEAR_END_STATUS_LABELS[yearEnd.status]}</dd>
      <dt>开始</dt><dd>${yearEnd.startedByName} ${formatDateTime(yearEnd.startedAt)}</dd>
      ${yearEnd.submittedAt ? html`<dt>提交审批</dt><dd>${formatDateTime(yearEnd.submittedAt)}</dd>` : ''}
      ${yearEnd.publishedAt ? html`<dt>公布</dt><dd>${formatDateTime(yearEnd.publishedAt)}</dd>` : ''}
    </dl>
    ${yearEnd.status === 'rating' && lastReturn?.outcome === 'rejected' ? html`<div class="alert" role="status"><p>审批退回：${lastReturn.comment ?? ''}（${lastReturn.decidedBy ?? ''} ${formatDateTime(lastReturn.decidedAt)}）。请复核后重新提交。</p></div>` : ''}
    ${yearEnd.status === 'approval' ? html`<p>结果已提交，等待${view.committee.name}负责人通过邮件链接审批。</p>` : ''}
    ${yearEnd.status === 'published' ? html`<h2>先进基层党组织推荐对象</h2><p>${candidates.length > 0 ? candidates.join('、') : '无（没有评定为“好”的组织）'}</p>` : ''}`
    : html`<p>${!view.hasScheme ? `${view.year} 年没有已发布的考核方案，无法进行年终考核。` : view.notYet ?? '年终考核尚未开始。'}</p>
      ${view.canStart ? html`<form method="post" action="${path}/start" class="stacked">${csrfField(staff.csrfToken)}<button type="submit">开始年终考核</button></form>` : ''}`}
    <h2>各组织得分</h2>
    ${resultsTable(view, form)}
    ${view.canRate ? html`<form id="year-end-form" method="post" action="${path}" class="stacked">
      ${csrfField(staff.csrfToken)}
      <button type="submit" name="decision" value="save">保存述职评议得分</button>
      <button type="submit" name="decision" value="submit">提交审批</button>
    </form>` : ''}
    ${view.audit.length > 0 ? html`<h2>全程纪实</h2>${auditTrail(view.audit)}` : ''}`;
  return layout({ title: `${view.year} 年年终考核`, body, staff });
}
