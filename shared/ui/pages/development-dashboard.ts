import { STAGE_LABELS } from '../../domain/development/steps';
import { WARNING_KIND_LABELS, WARNING_LEVEL_LABELS, type WarningItem } from '../../domain/development/warnings';
import type { DevelopmentDashboard } from '../../services/development-views/dashboard';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';
import { developmentPaths, stepHref } from '../development/paths';
import { orgPicker } from '../development/org-picker';

const levelTag = (item: WarningItem): SafeHtml =>
  html`<span class="tag${item.level === 'overdue' ? ' overdue' : item.level === 'due-soon' ? ' provisional' : ' open'}">${WARNING_LEVEL_LABELS[item.level]}</span>`;

function warningRow(item: WarningItem): SafeHtml {
  return html`<tr>
    <td><a href="${developmentPaths.caseFile(item.caseId)}">${item.personName}</a></td>
    <td>${WARNING_KIND_LABELS[item.kind]}</td>
    <td>${item.dueDate}</td>
    <td>${levelTag(item)}</td>
    <td>${item.message}</td>
    <td><a href="${stepHref(item.caseId, item.target.stepNo)}">去办理</a></td>
  </tr>`;
}

const count = (n: number | undefined, strong = false): SafeHtml | string =>
  n === undefined ? '—' : n && strong ? html`<strong class="tag overdue">${n}</strong>` : String(n);

function warningSections(view: DevelopmentDashboard): SafeHtml {
  if (!view.warnings || !view.readyToStart) {
    return html`<p class="muted">本组织下有 ${view.activeCases} 件正在办理的案件，预警和可以开始下一阶段的案件请在下级组织的工作台中查看。</p>`;
  }
  return html`<h2>预警（截至 ${view.today}）</h2>
    ${view.warnings.length === 0
      ? html`<p>目前没有逾期或即将到期的事项。</p>`
      : html`<div class="table-wrap" tabindex="0"><table>
          <thead><tr><th>对象</th><th>事项</th><th>期限</th><th>状态</th><th>说明</th><th></th></tr></thead>
          <tbody>${view.warnings.map(warningRow)}</tbody>
        </table></div>`}
    <h2>可以开始下一阶段</h2>
    ${view.readyToStart.length === 0
      ? html`<p>没有等待开始下一阶段的案件。</p>`
      : html`<ul>${view.readyToStart.map((c) => html`<li><a href="${developmentPaths.caseFile(c.id)}">${c.personName}</a>：可开始${STAGE_LABELS[c.nextStage!.stage]}（${c.nextStage!.earliestStart} 起）</li>`)}</ul>`}`;
}

/** 发展党员工作台: cases per stage (from the counters), the organizations below, the warnings (预警) and the cases whose next stage may start. */
export function developmentDashboardPage(view: DevelopmentDashboard, staff: LayoutStaff): SafeHtml {
  const body = html`<h1>发展党员工作台：${view.org.name}</h1>
    ${orgPicker(developmentPaths.dashboard(), view.orgChoices, view.org.id)}
    <p><a class="button" href="${developmentPaths.cases(view.org.id)}">案件列表和新建案件</a>
      ${staff.role === 'admin' ? html` <a href="${developmentPaths.ruleSets()}">规则设置</a>` : ''}</p>
    <h2>各阶段案件</h2>
    <div class="table-wrap" tabindex="0"><table>
      <thead><tr><th>阶段</th><th>办理中</th><th>已逾期</th><th>即将到期</th><th>已到期</th></tr></thead>
      <tbody>${view.counts.map((c) => html`<tr><td>${STAGE_LABELS[c.stage]}</td><td>${c.cases}</td><td>${count(c.overdue, true)}</td><td>${count(c.dueSoon)}</td><td>${count(c.reached)}</td></tr>`)}</tbody>
    </table></div>
    ${view.below.length === 0
      ? ''
      : html`<h2>下级组织</h2>
        <div class="table-wrap" tabindex="0"><table>
          <thead><tr><th>组织</th><th>正在办理的案件</th></tr></thead>
          <tbody>${view.below.map((row) => html`<tr><td><a href="${developmentPaths.dashboard(row.org.id)}">${row.org.name}</a></td><td>${row.cases}</td></tr>`)}</tbody>
        </table></div>`}
    ${warningSections(view)}`;
  return layout({ title: `发展党员工作台 - ${view.org.name}`, body, staff });
}
