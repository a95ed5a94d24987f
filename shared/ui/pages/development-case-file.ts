import { CASE_STATUS_LABELS } from '../../domain/development/case';
import { DEVELOPMENT_STEPS, NOTICE_NODE_POSITIONS, STAGE_LABELS, stepsOfStage, type StageNo } from '../../domain/development/steps';
import type { CaseFile } from '../../services/development';
import { auditTrail } from '../audit-trail';
import { csrfField } from '../form-fields';
import { developmentRulesLabel, formatDateTime } from '../format';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';
import { approvalBlock, filingBlock, noticeBlock, stepRecordBlock } from '../development/case-records';
import { caseEndingBlock, otherOutcomeReasons } from '../development/case-ending-block';
import { developmentPaths } from '../development/paths';
import { caseHandovers, caseKeyDates } from '../development/case-handovers';
import { noticesOfNode } from '../development/notice-nodes';

export interface CaseFilePageOptions {
  file: CaseFile;
  staff: LayoutStaff;
  now: Date;
  today: string;
  flash?: string;
  /** Why starting a stage was refused (e.g. too early, with the date). */
  stageMessage?: string;
}

/**
 * The record steps open now (登记): evaluations while an activist; placement and the oath (once each, until recorded)
 * and evaluations while probationary.
 */
function recordSteps(file: CaseFile): string[] {
  const c = file.case;
  if (c.status !== 'active') return [];
  if (c.dates.activistDate && !c.dates.targetDate) return ['evaluation'];
  const recorded = (key: string) => file.steps.some((s) => s.stepKey === key);
  if (c.dates.admissionApprovalDate && !c.dates.conversionApprovalDate) return ['placement', 'oath', 'probationEvaluation'].filter((key) => key === 'probationEvaluation' || !recorded(key));
  return [];
}

/**
 * Why nothing is listed while a stage runs: its notice or approval is under way, or the workflow is writing the next
 * step (right after a case is opened, a stage started or a step recorded, for a moment).
 */
function waitingText(file: CaseFile): string {
  const notice = file.notices.find((n) => n.notice.status === 'open');
  if (notice) return `公示进行中（至 ${formatDateTime(notice.notice.endsAt)}），公示期满后生成下一步骤。`;
  if (file.approvals.some((a) => a.status === 'pending')) return '已报上级党委，等待审批决定；决定后生成下一步骤。';
  return '正在生成下一步骤，请稍候刷新本页。';
}

function actions(options: CaseFilePageOptions): SafeHtml {
  const { file, staff, today } = options;
  const c = file.case;
  const next = c.nextStage;
  const label = (key: string) => DEVELOPMENT_STEPS.find((s) => s.key === key)?.label ?? key;
  return html`<h2>待办理</h2>
    ${options.stageMessage ? html`<div class="alert" role="alert"><p>${options.stageMessage}</p></div>` : ''}
    ${c.stageState === 'running' && file.openSteps.length === 0 && file.objectionTasks.length === 0 ? html`<p>${waitingText(file)}</p>` : ''}
    ${c.stageState !== 'running' && recordSteps(file).length === 0 && !next ? html`<p>目前没有需要办理的步骤。</p>` : ''}
    <ul>
      ${file.openSteps.map((s) => html`<li><a href="${developmentPaths.step(c.id, s.stepKey)}">${s.title}</a>（期限 ${formatDateTime(s.dueAt)}）</li>`)}
      ${file.objectionTasks.map((t) => html`<li><a href="${developmentPaths.task(t.taskId)}">${t.title}</a>（期限 ${formatDateTime(t.dueAt)}）</li>`)}
      ${recordSteps(file).map((key) => html`<li><a href="${developmentPaths.step(c.id, key)}">登记：${label(key)}</a></li>`)}
    </ul>
    ${next
      ? html`<form method="post" action="${developmentPaths.stages(c.id)}">
          ${csrfField(staff.csrfToken)}<input type="hidden" name="stage" value="${next.stage}">
          <p>下一阶段：${STAGE_LABELS[next.stage]}，${next.earliestStart} 起可以开始${next.earliestStart > today ? html`（今天 ${today}，尚未到期）` : ''}。</p>
          <button type="submit">开始第${next.stage}阶段</button>
        </form>`
      : ''}`;
}

function stageSection(file: CaseFile, stage: StageNo, now: Date): SafeHtml {
  const steps = stepsOfStage(stage);
  const nodes = NOTICE_NODE_POSITIONS.filter((p) => p.stage === stage);
  return html`<section class="stage"><h2>${STAGE_LABELS[stage]}</h2>
    ${steps.map((step) => {
      const records = file.steps.filter((r) => r.stepKey === step.key);
      const approvals = file.approvals.filter((a) => a.stepKey === step.key);
      const filings = file.filings.filter((f) => f.stepKey === step.key);
      const node = nodes.find((p) => p.afterStep === step.no);
      const notices = node ? noticesOfNode(file, node.node) : [];
      const reviews = node ? file.steps.filter((r) => r.stepKey === `noticeReview-${node.node}`) : [];
      const empty = records.length + approvals.length + filings.length === 0;
      return html`<div class="step${empty ? ' pending' : ''}">
        <h3>第 ${step.no} 步 ${step.label}${empty ? html` <span class="muted">（尚无记录）</span>` : ''}</h3>
        ${records.map(stepRecordBlock)}${approvals.map(approvalBlock)}${filings.map(filingBlock)}
        ${notices.length > 0 || reviews.length > 0 ? html`<h4>公示</h4>${notices.map((n) => noticeBlock(n, now))}${reviews.map(stepRecordBlock)}` : ''}
      </div>`;
    })}
  </section>`;
}

/** 全程纪实: the case's facts, what to do next, every step by stage with its records, notices, approvals, filings; the audit trail. */
export function developmentCaseFilePage(options: CaseFilePageOptions): SafeHtml {
  const { file, now } = options;
  const c = file.case;
  const stages = ([1, 2, 3, 4, 5] as StageNo[]).filter((s) => s <= c.stage || file.steps.some((r) => r.stage === s));
  const body = html`<p><a href="${developmentPaths.cases(c.orgId)}">← 发展党员案件</a></p>
    <h1>${c.personName}：发展党员全程纪实</h1>
    ${options.flash ? html`<div class="alert ok" role="status"><p>${options.flash}</p></div>` : ''}
    <dl class="facts">
      <dt>状态</dt><dd>${CASE_STATUS_LABELS[c.status]}${c.status === 'active' ? `（${STAGE_LABELS[c.stage]}，${c.stageState === 'running' ? '办理中' : '本阶段已结束'}）` : ''}</dd>
      <dt>申请入党日期</dt><dd>${c.dates.applicationDate}</dd>
      ${caseKeyDates(c)}
      <dt>适用规则</dt><dd>${developmentRulesLabel(c.ruleSetVersion)}</dd>
      ${caseHandovers(file.audit)}
      ${otherOutcomeReasons(c).length > 0 ? html`<dt>情况说明</dt><dd>${otherOutcomeReasons(c).join('；')}</dd>` : ''}
    </dl>
    ${c.ending ? html`<section class="case-ended"><h2>终止发展</h2>${caseEndingBlock(c.ending)}</section>` : ''}
    ${file.deadlines.length > 0 ? html`<ul class="deadlines">${file.deadlines.map((d) => html`<li>${d.status === 'overdue' ? html`<span class="tag overdue">已逾期</span> ` : d.status === 'due-soon' ? html`<span class="tag provisional">即将到期</span> ` : ''}${d.message}</li>`)}</ul>` : ''}
    ${c.warnings.map((w) => html`<div class="alert" role="status"><p>${w.message}</p></div>`)}
    <p><a href="${developmentPaths.archive(c.id)}">打印材料归档</a></p>
    ${c.status === 'active' ? actions(options) : ''}
    ${c.status === 'active' && !c.dates.admissionApprovalDate ? html`<p><a href="${developmentPaths.end(c.id)}">终止发展（本人撤回、调离、去世或不再发展）</a></p>` : ''}
    ${stages.map((stage) => stageSection(file, stage, now))}
    <h2>操作记录</h2>
    ${auditTrail(file.audit)}`;
  return layout({ title: `全程纪实 - ${c.personName}`, body, staff: options.staff });
}
