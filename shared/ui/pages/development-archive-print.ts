import { CASE_STATUS_LABELS } from '../../domain/development/case';
import { DEVELOPMENT_STEPS, NOTICE_NODE_POSITIONS } from '../../domain/development/steps';
import { NOTICE_NODE_LABELS } from '../../domain/development/rule-set';
import { OUTCOME_LABELS } from '../../domain/notice/objection';
import type { CaseFile } from '../../services/development';
import { developmentRulesLabel, formatDate, formatDateLong } from '../format';
import { html, multiline, type SafeHtml } from '../html';
import { layout } from '../layout';
import { recordValues } from '../development/case-records';
import { caseEndingBlock, otherOutcomeReasons } from '../development/case-ending-block';
import { noticesOfNode } from '../development/notice-nodes';
import { developmentPaths } from '../development/paths';
import { orgHeading } from './notice-print';

const APPROVAL_LABELS: Record<string, string> = { pending: '待决定', approved: '同意', rejected: '不同意', cancelled: '已撤销（案件已终止）' };

function stepRows(file: CaseFile): SafeHtml[] {
  return DEVELOPMENT_STEPS.map((step) => {
    const records = file.steps.filter((r) => r.stepKey === step.key);
    const approvals = file.approvals.filter((a) => a.stepKey === step.key);
    const filings = file.filings.filter((f) => f.stepKey === step.key);
    const dates = [...records.map((r) => formatDate(r.at)), ...filings.map((f) => formatDate(f.filedAt)), ...approvals.flatMap((a) => a.decisions.map((d) => d.meetingDate))];
    const content = [
      ...records.map((r) => recordValues(r).map(([label, text]) => `${label}：${text}`).join('；') + (r.lateFlag ? '（逾期办理）' : '')),
      ...approvals.map((a) => `${a.subject.title}：${APPROVAL_LABELS[a.status] ?? a.status}${a.decisions.map((d) => `（${d.decidedBy}，${d.meetingDate}${d.comment ? `，${d.comment}` : ''}）`).join('')}`),
      ...filings.map((f) => `已报 ${f.filedWith} 备案`),
    ];
    const actors = [...new Set(records.map((r) => r.actorName))].join('、');
    return html`<tr><td>${step.no}</td><td>${step.label}</td><td>${dates.join('、')}</td><td>${actors}</td><td>${content.length ? multiline(content.join('\n')) : '—'}</td></tr>`;
  });
}

function noticeRows(file: CaseFile): SafeHtml[] {
  return NOTICE_NODE_POSITIONS.flatMap((p) =>
    noticesOfNode(file, p.node).map(({ notice, objections }) => {
      const outcomes = objections.map((o, i) => `异议${i + 1}：${o.outcome ? OUTCOME_LABELS[o.outcome.decision] : '未处理'}`).join('；');
      return html`<tr><td>${NOTICE_NODE_LABELS[p.node]}</td><td>${formatDateLong(notice.publishedAt)}至${formatDateLong(notice.endsAt.slice(0, 10))}</td><td>${objections.length}</td><td>${outcomes || '无异议'}</td></tr>`;
    }),
  );
}

/** 材料归档: the whole file of a case on A4, like the printable notice (no navigation; print CSS hides the button row). */
export function developmentArchivePrintPage(file: CaseFile, orgName: string, printedOn: string): SafeHtml {
  const c = file.case;
  const notices = noticeRows(file);
  const body = html`<div class="print-actions no-print"><a href="${developmentPaths.caseFile(c.id)}">← 返回全程纪实</a></div>
  <article class="print-page archive">
    <div class="org-heading">${orgHeading(orgName)}</div>
    <div class="title">${c.personName}同志发展党员全程纪实材料</div>
    <table>
      <tr><th>姓名</th><td>${c.personName}</td><th>申请入党日期</th><td>${formatDateLong(c.dates.applicationDate)}</td></tr>
      <tr><th>所在党组织</th><td colspan="3">${orgName}</td></tr>
      <tr><th>当前状态</th><td>${CASE_STATUS_LABELS[c.status]}</td><th>适用规则</th><td>${developmentRulesLabel(c.ruleSetVersion)}</td></tr>
    </table>
    <h3>一、发展程序（25 个步骤）</h3>
    <table class="steps"><thead><tr><th>序号</th><th>步骤</th><th>日期</th><th>办理人</th><th>主要内容</th></tr></thead><tbody>${stepRows(file)}</tbody></table>
    <h3>二、公示情况</h3>
    ${notices.length > 0 ? html`<table><thead><tr><th>公示</th><th>公示期</th><th>异议数</th><th>调查结论</th></tr></thead><tbody>${notices}</tbody></table>` : html`<p>无。</p>`}
    ${c.ending ? html`<h3>三、终止发展</h3>${caseEndingBlock(c.ending)}` : ''}
    ${otherOutcomeReasons(c).length > 0 ? html`<h3>${c.ending ? '四' : '三'}、情况说明</h3>${otherOutcomeReasons(c).map((reason) => html`<p>${reason}</p>`)}` : ''}
    <div class="signature">
      <p>经办人：__________　　审核人：__________</p>
      <p>${orgHeading(orgName)}</p>
      <p>${formatDateLong(printedOn)}</p>
    </div>
  </article>`;
  return layout({ title: `材料归档 - ${c.personName}`, body, bare: true });
}
