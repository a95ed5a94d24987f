import { EVALUATION_PHASE_LABELS, EVALUATION_STEPS } from '../../domain/evaluation/evaluation';
import { CORRECTION_OUTCOME_LABELS, FOLLOW_UP_LABELS } from '../../domain/evaluation/follow-up';
import { GRADE_LABELS, GRADES } from '../../domain/evaluation/grades';
import type { EvaluationFile } from '../../services/evaluation';
import { auditTrail } from '../audit-trail';
import { formatDate, formatDateLong } from '../format';
import { html, type SafeHtml } from '../html';
import { layout } from '../layout';
import { orgHeading } from './notice-print';

const APPROVAL_LABELS = { approved: '同意', rejected: '退回' } as const;
const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;

function gradeRemark(g: NonNullable<EvaluationFile['evaluation']['grades']>[number]): string {
  if (g.followUp) {
    const talk = g.followUp.talk;
    const done = talk ? `，已于 ${formatDateLong(talk.date)} 谈话（谈话人：${talk.talkers}；谈话情况：${talk.note}）` : g.followUp.doneOn ? `，已于 ${formatDateLong(g.followUp.doneOn)} 谈话` : '';
    return `${FOLLOW_UP_LABELS[g.followUp.kind]}（期限 ${formatDateLong(g.followUp.dueDate)}${done}${g.correction ? `，${CORRECTION_OUTCOME_LABELS[g.correction]}` : ''}）`;
  }
  if (g.grade === 'unqualified' && g.probationary) return '预备党员，按发展党员程序处理';
  return '';
}

/** 全程纪实 of a branch's evaluation on A4 (docs/domain/evaluation.md): the steps, the tally, the grades, the approvals, the record. */
export function evaluationArchivePrintPage(file: EvaluationFile, printedOn: string): SafeHtml {
  const e = file.evaluation;
  const returned = file.online.returned.member + file.paper.filter((p) => p.raterKind === 'member').reduce((s, p) => s + p.returned, 0);
  const body = html`<div class="print-actions no-print"><a href="/staff/evaluations/${e.id}">← 返回</a></div>
  <article class="print-page archive">
    <div class="org-heading">${orgHeading(e.orgName)}</div>
    <div class="title">${e.year}年度民主评议党员全程纪实</div>
    <table>
      <tr><th>评议日期</th><td>${formatDateLong(e.date)}</td><th>当前阶段</th><td>${EVALUATION_PHASE_LABELS[e.phase]}</td></tr>
      <tr><th>参评党员</th><td colspan="3">${e.evaluated.length} 名：${e.evaluated.map((m) => m.name).join('、')}</td></tr>
      <tr><th>不参加评议</th><td colspan="3">${e.excluded.length ? e.excluded.map((x) => `${x.name}（${x.reasonLabel}）`).join('、') : '无'}</td></tr>
    </table>
    <h3>一、评议步骤</h3>
    ${file.steps.length ? html`<table><thead><tr><th>步骤</th><th>日期</th><th>办理人</th></tr></thead><tbody>
      ${file.steps.map((s) => html`<tr><td>${EVALUATION_STEPS[s.stepKey].label}${s.attempt > 1 ? `（第 ${s.attempt} 次）` : ''}</td><td>${formatDate(s.at)}</td><td>${s.actorName}</td></tr>`)}
    </tbody></table>` : html`<p>尚无办结的步骤。</p>`}
    <h3>二、民主评议结果（收回党员评议表 ${returned} 份）</h3>
    <table><thead><tr><th>党员</th>${GRADES.map((g) => html`<th>${GRADE_LABELS[g]}</th>`)}</tr></thead><tbody>
      ${file.tally.map((t) => html`<tr><td>${t.name}</td>${GRADES.map((g) => html`<td>${t.member.counts[g]}（${pct(t.member.shares[g])}）</td>`)}</tr>`)}
    </tbody></table>
    <h3>三、定档结果</h3>
    ${e.grades ? html`<table><thead><tr><th>党员</th><th>等次</th><th>理由</th><th>组织处置</th></tr></thead><tbody>
      ${e.grades.map((g) => html`<tr><td>${g.name}</td><td>${GRADE_LABELS[g.grade]}</td><td>${g.reason ?? ''}</td><td>${gradeRemark(g)}</td></tr>`)}
    </tbody></table>` : html`<p>尚未经支部大会审议。</p>`}
    <h3>四、上级党委审批</h3>
    ${e.approvals.length ? html`<table><tbody>${e.approvals.map((a) => html`<tr><td>${formatDate(a.decidedAt)}</td><td>${APPROVAL_LABELS[a.outcome]}</td><td>${a.comment ?? ''}</td></tr>`)}</tbody></table>` : html`<p>尚未报批。</p>`}
    <h3>五、办理记录</h3>
    ${auditTrail(file.audit)}
    <div class="signature">
      <p>经办人：__________　　审核人：__________</p>
      <p>${orgHeading(e.orgName)}</p>
      <p>${formatDateLong(printedOn)}</p>
    </div>
  </article>`;
  return layout({ title: `${e.orgName}${e.year}年度民主评议党员全程纪实`, body, bare: true });
}
