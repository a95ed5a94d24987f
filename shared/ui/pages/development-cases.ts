import { CASE_STATUS_LABELS, type DevelopmentCase } from '../../domain/development/case';
import { STAGE_LABELS } from '../../domain/development/steps';
import { stepFormFields } from '../../schemas/development-steps';
import type { FormField } from '../../schemas/form-fields';
import type { CasesView } from '../../services/development-views/cases';
import { csrfField, errorSummary, fieldLabels, type FormState } from '../form-fields';
import { formatDateTime } from '../format';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';
import { orgPicker } from '../development/org-picker';
import { developmentPaths } from '../development/paths';
import { stepField } from '../development/step-fields';
import { pagerLinks } from '../pager';

function stateText(c: DevelopmentCase): string {
  if (c.status !== 'active') return CASE_STATUS_LABELS[c.status];
  if (c.stageState === 'running') return `${STAGE_LABELS[c.stage]}办理中`;
  return c.nextStage ? `待开始第${c.nextStage.stage}阶段（${c.nextStage.earliestStart} 起）` : CASE_STATUS_LABELS[c.status];
}

/** The rule-set version as a choice among the stored versions (the built-in one preselected), not free text. */
function withRuleSetChoice(fields: FormField[], view: CasesView): FormField[] {
  const options = view.ruleSetVersions.map(({ version, builtIn }) => ({ value: version, label: builtIn ? `${version}（《中国共产党发展党员工作细则》）` : version }));
  return fields.map((field) => (field.name === 'ruleSetVersion' ? { ...field, type: 'select', required: true, options, help: '从规则设置中已有的版本中选择（新版本由管理员在规则设置中添加）。' } : field));
}

/** The list of cases and the form opening one (step 1: the application received). */
export function developmentCasesPage(view: CasesView, staff: LayoutStaff, given: FormState, message?: string): SafeHtml {
  const fields = withRuleSetChoice(stepFormFields('application'), view);
  const builtIn = view.ruleSetVersions.find((r) => r.builtIn)?.version;
  const form: FormState = { ...given, values: { ...(builtIn ? { ruleSetVersion: builtIn } : {}), ...given.values } };
  const body = html`<p><a href="${developmentPaths.dashboard(view.org.id)}">← 发展党员工作台</a></p>
    <h1>发展党员案件：${view.org.name}</h1>
    ${orgPicker(developmentPaths.cases(), view.orgChoices, view.org.id)}
    ${view.cases.length === 0
      ? html`<p>${view.firstPage ? '还没有发展党员案件。' : '没有更多案件。'}</p>`
      : html`<div class="table-wrap" tabindex="0"><table>
          <thead><tr><th>姓名</th><th>所在组织</th><th>申请日期</th><th>进度</th><th>建立时间</th></tr></thead>
          <tbody>${view.cases.map((c) => html`<tr><td><a href="${developmentPaths.caseFile(c.id)}">${c.personName}</a></td><td>${view.orgNames[c.orgId] ?? c.orgId}</td><td>${c.dates.applicationDate}</td><td>${stateText(c)}</td><td>${formatDateTime(c.createdAt)}</td></tr>`)}</tbody>
        </table></div>
        <p class="muted">按组织排列，同一组织内新建的案件在前；每页最多 ${view.pageSize} 件。</p>`}
    ${pagerLinks(developmentPaths.cases(), { orgId: view.org.id }, view)}
    <h2 id="open-case">新建案件：收到入党申请书（第 1 步）</h2>
    ${errorSummary(message, form.errors, fieldLabels(fields))}
    ${view.applicants === undefined
      ? html`<p class="muted">本组织下属组织较多，请先在上方选择具体的党委或支部，再新建案件。</p>`
      : view.applicants.length === 0
      ? html`<p class="muted">本组织没有可以建立案件的人员。请先在党员名册中登记入党申请人。</p>`
      : html`<form method="post" action="${developmentPaths.cases()}" class="stacked">
          ${csrfField(staff.csrfToken)}<input type="hidden" name="orgId" value="${view.org.id}">
          ${fields.map((field) => stepField(field, form, view.applicants))}
          <button type="submit">建立案件</button>
        </form>`}
    <p class="muted">申请人须年满 18 周岁；每人同时只能有一个正在办理的案件。建立案件后，系统开始第一阶段，并提醒在 1 个月内谈话。</p>`;
  return layout({ title: `发展党员案件 - ${view.org.name}`, body, staff });
}
