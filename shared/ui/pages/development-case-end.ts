import { CASE_ENDING_KIND_LABELS, CASE_ENDING_KINDS, type CaseEndingKind } from '../../domain/development/case-ending';
import type { DevelopmentCase } from '../../domain/development/case';
import { STAGE_LABELS } from '../../domain/development/steps';
import { csrfField, errorSummary, radioGroup, textArea, type FormState } from '../form-fields';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';
import { developmentPaths } from '../development/paths';

export interface CaseEndPageOptions {
  devCase: DevelopmentCase;
  staff: LayoutStaff;
  form: FormState;
  /** Why it cannot be ended, or what went wrong. */
  message?: string;
  problems?: string[];
}

const LABELS = { kind: '终止原因', reason: '具体情况' };

/** What ending does, said before it is done (it cannot be undone). */
const EFFECTS = [
  '正在办理的阶段停止，不再生成新的待办；',
  '尚在公示期内的公示撤回，尚未处理的异议待办关闭；',
  '尚未作出决定的审批撤销，审批人打开链接时将看到案件已终止，不能再提交；',
  '党员名册中该同志的状态改为“已终止发展”；',
  '终止原因和具体情况记入全程纪实和材料归档。今后如本人再次申请入党，须重新建立案件。',
];

function heading(c: DevelopmentCase): SafeHtml {
  return html`<p><a href="${developmentPaths.caseFile(c.id)}">← ${c.personName}的全程纪实</a></p>
    <h1>终止发展：${c.personName}</h1>
    <dl class="facts">
      <dt>当前阶段</dt><dd>${STAGE_LABELS[c.stage]}（第 ${c.attempt} 次）</dd>
      <dt>申请入党日期</dt><dd>${c.dates.applicationDate}</dd>
    </dl>`;
}

/** Step one: the kind of ending and the circumstances. */
export function caseEndFormPage(options: CaseEndPageOptions): SafeHtml {
  const { devCase: c, staff, form } = options;
  const body = html`${heading(c)}
    <p>入党申请人本人申请撤回、调离本单位、去世，或经支部研究不再继续发展时，在此终止本案。提交后还需确认一次。</p>
    ${options.problems && options.problems.length > 0
      ? html`<div class="alert" role="alert"><p>不能终止：</p><ul class="problems">${options.problems.map((p) => html`<li>${p}</li>`)}</ul></div>`
      : errorSummary(options.message, form.errors, LABELS)}
    <form method="post" action="${developmentPaths.end(c.id)}" class="stacked">
      ${csrfField(staff.csrfToken)}
      ${radioGroup({ name: 'kind', label: LABELS.kind, state: form, required: true, options: CASE_ENDING_KINDS.map((k) => [k, CASE_ENDING_KIND_LABELS[k]] as const) })}
      ${textArea({ name: 'reason', label: LABELS.reason, state: form, required: true, maxLength: 1000, rows: 4, hint: '如：本人于某日递交书面申请撤回入党申请；调往某单位工作；支部委员会某日研究决定等' })}
      <button type="submit">下一步：核对并确认</button>
    </form>`;
  return layout({ title: `终止发展 - ${c.personName}`, body, staff });
}

/** Step two: what will happen, the answers once more, and the button that makes it final. */
export function caseEndConfirmPage(options: { devCase: DevelopmentCase; staff: LayoutStaff; kind: CaseEndingKind; reason: string }): SafeHtml {
  const { devCase: c, staff } = options;
  const body = html`${heading(c)}
    <div class="alert" role="alert"><p><strong>请核对：终止后不能恢复。</strong>确认后：</p><ul>${EFFECTS.map((e) => html`<li>${e}</li>`)}</ul></div>
    <dl class="facts">
      <dt>终止原因</dt><dd>${CASE_ENDING_KIND_LABELS[options.kind]}</dd>
      <dt>具体情况</dt><dd>${options.reason}</dd>
    </dl>
    <form method="post" action="${developmentPaths.end(c.id)}">
      ${csrfField(staff.csrfToken)}
      <input type="hidden" name="kind" value="${options.kind}">
      <input type="hidden" name="reason" value="${options.reason}">
      <input type="hidden" name="confirmed" value="yes">
      <button type="submit">确认终止</button>
      <a href="${developmentPaths.end(c.id)}">返回修改</a>
      <a href="${developmentPaths.caseFile(c.id)}">不终止，返回全程纪实</a>
    </form>`;
  return layout({ title: `确认终止发展 - ${c.personName}`, body, staff });
}
