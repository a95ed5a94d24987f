import { STAGE_LABELS } from '../../domain/development/steps';
import type { StepFormView } from '../../services/development-views/step-form';
import { csrfField, errorSummary, fieldLabels, type FormState } from '../form-fields';
import { formatDateTime } from '../format';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';
import { developmentPaths } from '../development/paths';
import { stepField } from '../development/step-fields';

export interface StepFormPageOptions {
  view: StepFormView;
  staff: LayoutStaff;
  form: FormState;
  /** What went wrong with the submission (the rule problems, or why the step cannot be done now). */
  message?: string;
  problems?: string[];
}

function status(view: StepFormView): SafeHtml | undefined {
  if (!view.mayHandle) return html`<div class="alert info" role="status"><p>此步骤由${view.committeeStep ? '上级党委组织员' : '本组织的工作人员'}办理，您可以查看，不能提交。</p></div>`;
  if (view.mode === 'record') return undefined;
  if (!view.task) return html`<div class="alert info" role="status"><p>本案当前还没有进行到“${view.label}”，暂时不能办理。</p></div>`;
  if (view.task.status !== 'open') return html`<div class="alert ok" role="status"><p>此步骤已由${view.task.completedBy ?? '其他工作人员'}于 ${formatDateTime(view.task.completedAt)} 办理完毕。</p></div>`;
  return undefined;
}

/** A step of member development, rendered from its field list: the rules explained with this case's figures, the form. */
export function developmentStepFormPage(options: StepFormPageOptions): SafeHtml {
  const { view, staff, form } = options;
  const blocked = status(view);
  const body = html`<p><a href="${developmentPaths.caseFile(view.devCase.id)}">← ${view.devCase.personName}的全程纪实</a></p>
    <h1>第 ${view.stepNo} 步：${view.label}</h1>
    <dl class="facts">
      <dt>${view.personStatus}</dt><dd>${view.devCase.personName}</dd>
      <dt>阶段</dt><dd>${STAGE_LABELS[view.devCase.stage]}（第 ${view.devCase.attempt} 次）</dd>
      <dt>今天</dt><dd>${view.today}</dd>
    </dl>
    ${view.explanations.length > 0 ? html`<div class="alert info rules"><p><strong>规则说明</strong></p><ul>${view.explanations.map((text) => html`<li>${text}</li>`)}</ul></div>` : ''}
    ${errorSummary(options.problems ? '不符合规定，未予登记：' : options.message, form.errors, fieldLabels(view.fields), { problems: options.problems })}
    ${blocked ?? html`<form method="post" action="${developmentPaths.step(view.devCase.id, view.stepKey)}" class="stacked">
      ${csrfField(staff.csrfToken)}
      ${view.fields.map((field) => stepField(field, form, view.people))}
      <button type="submit">提交</button>
    </form>`}`;
  return layout({ title: `${view.label} - ${view.devCase.personName}`, body, staff });
}
