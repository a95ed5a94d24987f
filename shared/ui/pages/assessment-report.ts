import { FREQUENCY_LABELS, proposedScore, REPORT_STATUS_LABELS, SCORING_LABELS, type Indicator, type ReportEntry } from '../../domain/assessment';
import type { ReportView } from '../../services/assessment';
import { assessmentPaths } from '../assessment-paths';
import { auditTrail } from '../audit-trail';
import { csrfField, errorSummary, fieldId, type FormState } from '../form-fields';
import { formatDateTime } from '../format';
import { html, multiline, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';

const VALUE_LABELS: Record<string, string> = { done: '已完成', 'not-done': '未完成' };

function valueText(indicator: Indicator, entry: ReportEntry | undefined): string {
  if (!entry?.value) return '';
  if (indicator.scoring === 'count') return `${entry.value} 次`;
  return VALUE_LABELS[entry.value] ?? '';
}

function valueInput(indicator: Indicator, value: string | undefined, errors: Record<string, string>): SafeHtml {
  if (indicator.scoring === 'done') {
    return html`<fieldset><legend>是否完成</legend>${(['done', 'not-done'] as const).map((v) => html`<label><input type="radio" name="value_${indicator.key}" value="${v}"${value === v ? ' checked' : ''}> ${VALUE_LABELS[v]}</label> `)}</fieldset>`;
  }
  if (indicator.scoring === 'count') {
    return html`<label for="f-value_${indicator.key}">次数</label> <input id="f-value_${indicator.key}" name="value_${indicator.key}" type="number" min="0" step="1" value="${value ?? ''}"${errors[indicator.key] ? ' aria-invalid="true"' : ''}>`;
  }
  return html``;
}

/** The report form (A9): per indicator its requirement, the value, the text, the evidence's file names; prefilled values with their source. */
function reportForm(view: ReportView, staff: LayoutStaff, form: FormState, path: string): SafeHtml {
  const entries = new Map(view.formEntries.map((e) => [e.indicatorKey, e]));
  const value = (name: string, fallback: string | undefined) => form.values[name] ?? fallback ?? '';
  return html`<h2 id="report-form">报送考核报告</h2>
    <form method="post" action="${path}/submit" class="stacked">
      ${csrfField(staff.csrfToken)}
      ${view.report.indicators.map((indicator) => {
        const entry = entries.get(indicator.key);
        const error = form.errors[indicator.key];
        return html`<fieldset id="${fieldId(indicator.key)}">
          <legend>${indicator.area} · ${indicator.name}（${indicator.maxPoints} 分，${SCORING_LABELS[indicator.scoring]}${indicator.scoring === 'count' ? `，每次 ${indicator.pointsPerCount ?? 1} 分` : ''}）</legend>
          <p class="hint">上报要求：${indicator.requirement}</p>
          ${entry?.prefillSource ? html`<p class="hint">系统已根据“${entry.prefillSource}”预填，请核对。</p>` : ''}
          ${error ? html`<p class="error">${error}</p>` : ''}
          ${valueInput(indicator, value(`value_${indicator.key}`, entry?.value), form.errors)}
          <label for="f-text_${indicator.key}">完成情况</label>
          <textarea id="f-text_${indicator.key}" name="text_${indicator.key}" rows="3" maxlength="2000">${value(`text_${indicator.key}`, entry?.text)}</textarea>
          <label for="f-evidence_${indicator.key}">证明材料（文件名，每行一个）</label>
          <textarea id="f-evidence_${indicator.key}" name="evidence_${indicator.key}" rows="2">${value(`evidence_${indicator.key}`, entry?.evidence.map((e) => e.name).join('\n'))}</textarea>
        </fieldset>`;
      })}
      <button type="submit">报送</button>
    </form>`;
}

/** The review form (A11): a score per indicator (proposed from the report where it can be), or a return with its reason. */
function reviewForm(view: ReportView, staff: LayoutStaff, form: FormState, path: string): SafeHtml {
  const entries = new Map(view.report.entries.map((e) => [e.indicatorKey, e]));
  return html`<h2 id="review-form">审核评分</h2>
    ${view.report.late ? html`<p class="alert">该报告逾期报送，评分时将自动扣除 ${view.report.lateDeduction} 分。</p>` : ''}
    <form method="post" action="${path}/review" class="stacked">
      ${csrfField(staff.csrfToken)}
      <input type="hidden" name="decision" value="score">
      ${view.report.indicators.map((indicator) => {
        const proposed = proposedScore(indicator, entries.get(indicator.key)?.value);
        const name = `score_${indicator.key}`;
        const error = form.errors[name];
        return html`<div class="field"><label for="${fieldId(name)}">${indicator.name}（满分 ${indicator.maxPoints} 分）</label>
          ${error ? html`<p class="error" id="${fieldId(name)}-error">${error}</p>` : ''}
          <input id="${fieldId(name)}" name="${name}" type="number" min="0" max="${indicator.maxPoints}" step="0.1" value="${form.values[name] ?? (proposed !== undefined ? String(proposed) : '')}"${error ? ' aria-invalid="true"' : ''}></div>`;
      })}
      <button type="submit">确认评分</button>
    </form>
    <h3>退回修改</h3>
    <form method="post" action="${path}/review" class="stacked">
      ${csrfField(staff.csrfToken)}
      <input type="hidden" name="decision" value="return">
      <div class="field"><label for="${fieldId('reason')}">退回原因</label>
      ${form.errors.reason ? html`<p class="error">${form.errors.reason}</p>` : ''}
      <textarea id="${fieldId('reason')}" name="reason" rows="3" maxlength="500">${form.values.reason ?? ''}</textarea></div>
      <button type="submit">退回</button>
    </form>`;
}

/** Bonus and deduction entries of the organization's year (A13), and the reviewers' form to add one. */
function adjustmentsSection(view: ReportView, staff: LayoutStaff, form: FormState, path: string): SafeHtml {
  const { items, entries, canAdd } = view.adjustments;
  if (entries.length === 0 && !canAdd) return html``;
  const itemOf = (key: string) => items.find((i) => i.key === key);
  return html`<h2 id="adjustments">${view.report.year} 年加减分</h2>
    ${entries.length === 0 ? html`<p>本年度尚无加减分。</p>` : html`<div class="table-wrap" tabindex="0"><table>
      <thead><tr><th>项目</th><th>分值</th><th>事由</th><th>证明材料</th><th>录入</th></tr></thead>
      <tbody>${entries.map((e) => {
        const item = itemOf(e.itemKey);
        return html`<tr><td>${item ? `${item.kind === 'bonus' ? '加分' : '减分'}：${item.name}` : '—'}</td><td>${item?.kind === 'deduction' ? '−' : '+'}${e.points}</td>
          <td>${e.reason}</td><td>${e.evidence.map((x) => x.name).join('、') || '—'}</td><td>${e.byName} ${formatDateTime(e.at)}</td></tr>`;
      })}</tbody></table></div>`}
    ${canAdd ? html`<form method="post" action="${path}/adjustments" class="stacked">
      ${csrfField(staff.csrfToken)}
      <div class="field"><label for="${fieldId('itemKey')}">项目（全年封顶）</label>
      ${form.errors.itemKey ? html`<p class="error">${form.errors.itemKey}</p>` : ''}
      <select id="${fieldId('itemKey')}" name="itemKey">${items.map((i) => html`<option value="${i.key}"${form.values.itemKey === i.key ? ' selected' : ''}>${i.kind === 'bonus' ? '加分' : '减分'}：${i.name}（全年最多 ${i.cap} 分）</option>`)}</select></div>
      <div class="field"><label for="${fieldId('points')}">分值</label>
      ${form.errors.points ? html`<p class="error">${form.errors.points}</p>` : ''}
      <input id="${fieldId('points')}" name="points" type="number" min="0.1" step="0.1" value="${form.values.points ?? ''}"></div>
      <div class="field"><label for="${fieldId('adjustment-reason')}">事由</label>
      ${form.errors.reason && form.values.itemKey ? html`<p class="error">${form.errors.reason}</p>` : ''}
      <textarea id="${fieldId('adjustment-reason')}" name="reason" rows="2" maxlength="500">${form.values.itemKey ? form.values.reason ?? '' : ''}</textarea></div>
      <div class="field"><label for="${fieldId('adjustment-evidence')}">证明材料（文件名，每行一个）</label>
      <textarea id="${fieldId('adjustment-evidence')}" name="evidence" rows="2">${form.values.itemKey ? form.values.evidence ?? '' : ''}</textarea></div>
      <button type="submit">录入加减分</button>
    </form>` : ''}`;
}

/** A report: what was reported, its review, the forms the actor may use now, and its file (全程纪实). */
export function assessmentReportPage(view: ReportView, staff: LayoutStaff, form: FormState, options: { message?: string; flash?: string } = {}): SafeHtml {
  const { report } = view;
  const path = assessmentPaths.report(report.committeeId, report.periodKey, report.orgId);
  const entries = new Map(report.entries.map((e) => [e.indicatorKey, e]));
  const body = html`<p><a href="${assessmentPaths.file(report.orgId)}">← ${report.orgName} 考核档案</a></p>
    <h1>${report.orgName} ${report.periodLabel}党建工作目标考核报告</h1>
    ${options.flash ? html`<div class="alert ok" role="status"><p>${options.flash}</p></div>` : ''}
    ${errorSummary(options.message, form.errors)}
    <dl class="facts">
      <dt>状态</dt><dd>${REPORT_STATUS_LABELS[report.status]}${report.late ? html` <span class="tag overdue">逾期报送</span>${report.status === 'scored' ? '' : `（评分时扣 ${report.lateDeduction} 分）`}` : ''}</dd>
      <dt>考核周期</dt><dd>${FREQUENCY_LABELS[report.indicators[0]?.frequency ?? 'monthly']}</dd>
      <dt>报送期限</dt><dd>${formatDateTime(report.dueAt)}</dd>
      ${report.submittedAt ? html`<dt>报送</dt><dd>${report.submittedByName ?? ''} ${formatDateTime(report.submittedAt)}</dd>` : ''}
      ${report.reviewDueAt && report.status === 'submitted' ? html`<dt>审核期限</dt><dd>${formatDateTime(report.reviewDueAt)}</dd>` : ''}
      ${report.score !== undefined ? html`<dt>得分</dt><dd>${report.score} 分（满分 ${report.fullMarks} 分${report.late ? `，已扣逾期 ${report.lateDeduction} 分` : ''}），${report.scoredByName ?? ''} ${formatDateTime(report.scoredAt)}</dd>` : ''}
    </dl>
    ${view.circularNoticeId ? html`<p>本期考核通报已发出：<a href="/staff/notices/${encodeURIComponent(view.circularNoticeId)}">查看${report.periodLabel}考核通报</a></p>` : ''}
    ${report.returns.length > 0 ? html`<h2>退回记录</h2><ul>${report.returns.map((r) => html`<li>${formatDateTime(r.at)} ${r.byName}：${r.reason}</li>`)}</ul>` : ''}
    ${report.entries.length > 0 ? html`<h2>报告内容</h2>
    <div class="table-wrap" tabindex="0"><table>
      <thead><tr><th>指标</th><th>满分</th><th>完成情况</th><th>证明材料</th><th>得分</th></tr></thead>
      <tbody>${report.indicators.map((indicator) => {
        const entry = entries.get(indicator.key);
        return html`<tr><td>${indicator.name}</td><td>${indicator.maxPoints}</td>
          <td>${valueText(indicator, entry) ? html`${valueText(indicator, entry)}<br>` : ''}${multiline(entry?.text ?? '')}${entry?.prefillSource ? html`<br><span class="muted">来源：${entry.prefillSource}</span>` : ''}</td>
          <td>${entry?.evidence.map((e) => e.name).join('、') || '—'}</td>
          <td>${report.scores?.[indicator.key] ?? '—'}</td></tr>`;
      })}</tbody>
    </table></div>` : ''}
    ${view.canReport ? reportForm(view, staff, form, path) : ''}
    ${view.canReview ? reviewForm(view, staff, form, path) : ''}
    ${adjustmentsSection(view, staff, form, path)}
    <h2>全程纪实</h2>
    ${auditTrail(view.audit)}`;
  return layout({ title: `${report.orgName} ${report.periodLabel}考核报告`, body, staff });
}
