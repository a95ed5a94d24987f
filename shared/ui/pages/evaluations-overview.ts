import { EVALUATION_PHASE_LABELS } from '../../domain/evaluation/evaluation';
import type { YearOverviewRow } from '../../services/evaluation';
import { csrfField } from '../form-fields';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';

/** The overview of a year's evaluations: every branch with where its evaluation stands, overdue ones marked; start forms. */
export function evaluationsOverviewPage(o: { year: number; orgId: string; rows: YearOverviewRow[]; canStartAll: boolean; staff: LayoutStaff; flash?: string; message?: string; today: string }): SafeHtml {
  const startFields = html`<input type="hidden" name="year" value="${o.year}"><label>评议日期 <input type="date" name="date" value="${o.today}"></label>
    <label><input type="checkbox" name="massRating" value="on"> 安排群众评议</label>`;
  return layout({
    title: `${o.year}年度民主评议党员`,
    staff: o.staff,
    body: html`<h1>${o.year}年度民主评议党员</h1>
      ${o.flash ? html`<p class="alert success" role="status">${o.flash}</p>` : ''}
      ${o.message ? html`<p class="alert error-summary" role="alert">${o.message}</p>` : ''}
      <p><a href="/staff/evaluations?orgId=${o.orgId}&year=${o.year - 1}">上一年度</a> <a href="/staff/evaluations?orgId=${o.orgId}&year=${o.year + 1}">下一年度</a></p>
      <table><thead><tr><th>党支部</th><th>进展</th><th>办理</th></tr></thead><tbody>
      ${o.rows.map((r) => html`<tr><td>${r.org.name}</td>
        <td>${r.evaluation ? html`${EVALUATION_PHASE_LABELS[r.evaluation.phase]}${r.warnings.map((w) => html`<br><strong class="tag overdue">${w}</strong>`)}` : r.overdue ? html`<strong class="tag overdue">未开始（已超过规定时间）</strong>` : '未开始'}</td>
        <td>${r.evaluation ? html`<a href="/staff/evaluations/${r.evaluation.id}">查看</a>` : html`<form method="post" action="/staff/evaluations">${csrfField(o.staff.csrfToken)}<input type="hidden" name="orgId" value="${r.org.id}">${startFields}<button type="submit">开始评议</button></form>`}</td></tr>`)}
      </tbody></table>
      ${o.canStartAll ? html`<h2>所有党支部同时开始</h2><form method="post" action="/staff/evaluations/all">${csrfField(o.staff.csrfToken)}<input type="hidden" name="orgId" value="${o.orgId}">${startFields}<button type="submit">全部开始</button></form>` : ''}`,
  });
}
