import { FREQUENCY_LABELS, periodByKey, PREFILL_LABELS, SCORING_LABELS, type Scheme } from '../../domain/assessment';
import { assessmentPaths } from '../assessment-paths';
import { csrfField, errorSummary } from '../form-fields';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';

export interface SchemePageState {
  /** The indicator whose form failed, its values and messages. */
  failed?: { key: string; values: Record<string, string>; errors: Record<string, string> };
  message?: string;
  flash?: string;
}

function indicatorRows(scheme: Scheme, staff: LayoutStaff, editable: boolean, state: SchemePageState, base: string): SafeHtml {
  return html`<div class="table-wrap" tabindex="0"><table>
    <thead><tr><th>类别</th><th>指标</th><th>分值</th><th>周期</th><th>计分方式</th><th>上报要求</th><th>系统预填</th></tr></thead>
    <tbody>${scheme.indicators.map((i) => {
      const failed = state.failed?.key === i.key ? state.failed : undefined;
      const points = failed?.values.maxPoints ?? String(i.maxPoints);
      const requirement = failed?.values.requirement ?? i.requirement;
      return html`<tr id="indicator-${i.key}">
        <td>${i.area}</td><td>${i.name}</td>
        ${editable ? html`<td colspan="4">
          <form method="post" action="${base}/versions/${scheme.version}/indicators/${i.key}" class="inline">
            ${csrfField(staff.csrfToken)}
            ${failed ? html`<p class="error" role="alert">${Object.values(failed.errors).join(' ')}</p>` : ''}
            <label for="f-maxPoints-${i.key}">分值</label>
            <input id="f-maxPoints-${i.key}" name="maxPoints" type="number" min="0.5" max="100" step="0.5" value="${points}" required>
            <span>${FREQUENCY_LABELS[i.frequency]} · ${SCORING_LABELS[i.scoring]}${i.scoring === 'count' ? `（每次 ${i.pointsPerCount ?? 1} 分）` : ''}</span>
            <label for="f-requirement-${i.key}">上报要求</label>
            <textarea id="f-requirement-${i.key}" name="requirement" rows="2" maxlength="500" required>${requirement}</textarea>
            <button type="submit">保存</button>
          </form></td>`
        : html`<td>${i.maxPoints}</td><td>${FREQUENCY_LABELS[i.frequency]}</td><td>${SCORING_LABELS[i.scoring]}${i.scoring === 'count' ? `（每次 ${i.pointsPerCount ?? 1} 分）` : ''}</td><td>${i.requirement}</td>`}
        <td>${i.prefill ? PREFILL_LABELS[i.prefill] : '—'}</td>
      </tr>`;
    })}</tbody>
  </table></div>`;
}

/**
 * 考核方案 (administrators): the versions of a committee's year. A draft's indicators are edited one by one; publishing
 * asks for a confirmation and fixes the version (applies from the next period). Published versions are read only.
 */
export function assessmentSchemePage(committee: { id: string; name: string }, year: number, versions: Scheme[], staff: LayoutStaff, state: SchemePageState = {}): SafeHtml {
  const base = assessmentPaths.scheme(committee.id, year);
  const draft = versions.find((v) => v.status === 'draft');
  const published = versions.filter((v) => v.status === 'published').reverse();
  const total = (s: Scheme) => s.indicators.reduce((sum, i) => sum + i.maxPoints, 0);
  const body = html`<p><a href="${assessmentPaths.board(committee.id, year)}">← 考核看板</a></p>
    <h1>${committee.name} ${year} 年党建工作目标考核方案</h1>
    ${state.flash ? html`<div class="alert ok" role="status"><p>${state.flash}</p></div>` : ''}
    ${errorSummary(state.message, {})}
    ${draft ? html`<h2>第 ${draft.version} 版（草稿，尚未施行）</h2>
      <p>共 ${draft.indicators.length} 项指标，合计 ${total(draft)} 分${total(draft) === 100 ? '' : html`<strong>（合计不是 100 分，请核对各项分值）</strong>`}。修改后请发布；已发布的版本不能修改，新版本自下一考核期起施行。</p>
      <p><a href="${base}/versions/${draft.version}/export.xlsx">导出电子表格</a>（可在表格中修改后导入本草稿）</p>
      <form method="post" action="${base}/versions/${draft.version}/import" enctype="multipart/form-data" class="stacked">
        ${csrfField(staff.csrfToken)}
        <label for="f-scheme-file">导入考核方案电子表格（替换本草稿的全部指标和加减分项目）</label>
        <input id="f-scheme-file" name="file" type="file" accept=".xlsx" required>
        <button type="submit">导入</button>
      </form>
      ${indicatorRows(draft, staff, true, state, base)}
      <form method="post" action="${base}/versions/${draft.version}/publish" class="stacked">
        ${csrfField(staff.csrfToken)}
        <label><input type="checkbox" name="confirm" value="yes" required> 我已核对全部指标，确认发布第 ${draft.version} 版（发布后不能修改）</label>
        <button type="submit">发布</button>
      </form>`
    : html`<form method="post" action="${base}/drafts" class="stacked">
        ${csrfField(staff.csrfToken)}
        <p>${versions.length === 0 ? '本年度尚无考核方案。新建时复制系统默认方案（24 项指标，100 分），再按本单位情况修改。' : '如需调整，请新建一版草稿（复制现行版本）。'}</p>
        <button type="submit">新建草稿</button>
      </form>`}
    ${published.map((s) => html`<h2>第 ${s.version} 版（已发布，自${s.appliesFrom ? periodByKey(s.appliesFrom).label : ''}起施行）</h2>
      <p>共 ${s.indicators.length} 项指标，合计 ${total(s)} 分；报送期限为期末后 ${s.settings.reportDueWorkingDays} 个工作日，逾期扣 ${s.settings.lateDeduction} 分。</p>
      <p><a href="${base}/versions/${s.version}/export.xlsx">导出电子表格</a></p>
      ${indicatorRows(s, staff, false, state, base)}`)}`;
  return layout({ title: `${year} 年考核方案`, body, staff });
}
