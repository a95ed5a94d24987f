import {
  ELECTION_FORM_LABELS, ELECTION_PHASE_LABELS, ELECTION_STATUS_LABELS, ELECTION_STEPS,
  type ElectionPhase, type ElectionStepRecord,
} from '../../domain/election/election';
import type { Notice } from '../../domain/notice/notice';
import { noticeHeadline, noticeTitle } from '../../domain/notice/notice-headline';
import { ruleSetLabel } from '../../domain/election/rule-set';
import type { ElectionFile } from '../../services/election';
import { auditTrail } from '../audit-trail';
import { formatDateTime, staffStatusLabel } from '../format';
import { html, type SafeHtml } from '../html';
import { csrfField, errorSummary, textArea, type FormState } from '../form-fields';
import { layout, type LayoutStaff } from '../layout';
import { roundResult } from '../round-result';

const APPROVAL_LABELS = { request: '换届选举请示', 'candidate-list': '候选人预备人选', 'election-result': '选举结果' } as const;
const APPROVAL_PHASE = { request: 'publicize', 'candidate-list': 'candidates', 'election-result': 'results' } as const;

/** Where the step now waiting is done: the round entry, or its form. */
export function electionStepHref(electionId: string, stepKey: keyof typeof ELECTION_STEPS): string {
  return ELECTION_STEPS[stepKey].entry === 'round' ? `/staff/elections/${electionId}/round` : `/staff/elections/${electionId}/steps/${stepKey}`;
}

/** The outcome of a step in Chinese: known keys only (the record keeps everything). */
const OUTCOME_LABELS: Record<string, string> = {
  excluded: '不再提名', list: '候选人预备人选', needed: '候选人应有人数', short: '人数不足，另行推荐', repeat: '重新投票', decision: '决定', problems: '问题',
};
const DECISION_LABELS: Record<string, string> = { further: '另行选举', fewer: '减少名额', rerun: '重新选举', end: '终止选举' };

function outcomeText(outcome: Record<string, unknown>): string {
  return Object.entries(outcome)
    .filter(([key, value]) => key in OUTCOME_LABELS && value !== undefined && value !== false && !(Array.isArray(value) && value.length === 0))
    .map(([key, value]) => {
      if (value === true) return OUTCOME_LABELS[key];
      const text = Array.isArray(value) ? value.join('、') : key === 'decision' ? (DECISION_LABELS[String(value)] ?? String(value)) : String(value);
      return `${OUTCOME_LABELS[key]}：${text}`;
    })
    .join('；');
}

function stepLine(step: ElectionStepRecord): SafeHtml {
  const outcome = outcomeText(step.outcome ?? {});
  return html`<li>${formatDateTime(step.at)} · ${ELECTION_STEPS[step.stepKey].label}${step.attempt > 1 ? `（第 ${step.attempt} 次）` : ''} · ${step.actorName}
    ${outcome ? html`<span class="muted">（${outcome}）</span>` : ''}</li>`;
}

export interface ElectionFileOptions {
  file: ElectionFile;
  notices: readonly Notice[];
  staff: LayoutStaff;
  now: Date;
  flash?: string;
  /** The end request form (终止) after a refused submission. */
  endForm?: FormState & { message?: string };
}

/**
 * 终止选举: the reason of an ended election; a request awaiting the higher committee; or, for committee staff while it
 * runs, the form asking to end it.
 */
function endSection(o: ElectionFileOptions): SafeHtml {
  const e = o.file.election;
  if (e.status === 'ended' && e.endReason) return html`<div class="alert info"><p>本次选举已终止。终止原因：${e.endReason}</p></div>`;
  if (e.status !== 'running') return html``;
  if (e.endRequest) {
    return html`<div class="alert info" role="status"><p>${e.endRequest.requestedBy}已于 ${formatDateTime(e.endRequest.requestedAt)} 报请上级党组织批准终止本次选举（原因：${e.endRequest.reason}），等待批复。</p></div>`;
  }
  if (o.staff.role !== 'committee-staff' && o.staff.role !== 'admin') return html``;
  const form = o.endForm ?? { values: {}, errors: {} };
  return html`<details${o.endForm ? html` open` : ''}><summary>终止本次选举</summary>
    <p class="muted">选举无法进行下去的（如党员人数不足、组织调整），由上级党委工作人员写明原因，报上级党组织批准后终止；终止后该组织可以重新发起换届选举。</p>
    ${errorSummary(form.message, form.errors, { reason: '终止原因' })}
    <form method="post" action="/staff/elections/${e.id}/end" class="stacked">
      ${csrfField(o.staff.csrfToken)}
      ${textArea({ name: 'reason', label: '终止原因', state: form, rows: 3, required: true, maxLength: 500 })}
      <button type="submit">报请上级党组织批准终止</button>
    </form></details>`;
}

/** The announcement to members (step 1) as its internal notice: status, the staff page, the printable version. */
function announcementLine(noticeId: string | undefined, notices: readonly Notice[], now: Date): SafeHtml {
  if (!noticeId) return html``;
  const notice = notices.find((n) => n.id === noticeId);
  if (!notice) return html`<li>换届选举公告（内部公示）：正在发布</li>`;
  return html`<li>换届选举公告（内部公示）：<a href="/staff/notices/${notice.id}">${noticeHeadline(notice)}</a>（${staffStatusLabel(notice, now)}，截至 ${formatDateTime(notice.endsAt)}）
    · <a href="/staff/notices/${notice.id}/print">打印版</a></li>`;
}

/** What the election waits for when no step form is open, by phase. */
const WAITING: Record<ElectionPhase, string> = {
  publicize: '等待上级党组织批准换届选举请示',
  evaluation: '等待办理述职与民主评议',
  recommendation: '等待办理民主推荐',
  candidates: '等待上级党组织审批候选人预备人选，或候选人公示期满',
  election: '等待录入选举结果',
  results: '等待上级党组织批准选举结果',
};

/** The step the election is at now, in words (its form when one is open). */
function currentStep(file: ElectionFile): SafeHtml {
  const { election: e, openTask } = file;
  if (e.status !== 'running') return html`${ELECTION_STATUS_LABELS[e.status]}`;
  const phase = ELECTION_PHASE_LABELS[e.phase];
  if (openTask && e.currentStep) return html`${phase}：<a href="${electionStepHref(e.id, e.currentStep)}">${ELECTION_STEPS[e.currentStep].label}</a>`;
  return html`${phase}：${WAITING[e.phase]}`;
}

/** 选举档案: the election, the step waiting, the six steps with their records, approvals and notices, the rounds, the file. */
export function electionFilePage(o: ElectionFileOptions): SafeHtml {
  const { election: e, steps, rounds, openTask } = o.file;
  const phases = Object.keys(ELECTION_PHASE_LABELS) as ElectionPhase[];
  const timeline = phases.map((phase) => {
    const records = steps.filter((s) => ELECTION_STEPS[s.stepKey].phase === phase);
    const approvals = e.approvals.filter((a) => APPROVAL_PHASE[a.kind] === phase);
    const notices = phase === 'candidates' ? o.notices.filter((n) => n.kind === 'candidate-list' || n.kind === 'candidates') : [];
    const announcement = phase === 'publicize' ? announcementLine(e.announcementNoticeId, o.notices, o.now) : html``;
    const current = e.phase === phase && e.status === 'running';
    return html`<li${current ? html` class="current" aria-current="step"` : ''}><strong>${ELECTION_PHASE_LABELS[phase]}</strong>${current ? html` <span class="tag open">进行中</span>` : ''}
      ${records.length + approvals.length + notices.length > 0 || e.announcementNoticeId && phase === 'publicize' ? html`<ul>
        ${records.map(stepLine)}
        ${announcement}
        ${approvals.map((a) => html`<li>${formatDateTime(a.decidedAt)} · 上级党组织审批${APPROVAL_LABELS[a.kind]}：${a.outcome === 'approved' ? '批准' : '不批准'}</li>`)}
        ${notices.map((n) => html`<li>候选人预备人选公示：<a href="/staff/notices/${n.id}">${noticeTitle(n)}</a>（${staffStatusLabel(n, o.now)}）</li>`)}
      </ul>` : ''}</li>`;
  });
  const body = html`<p><a href="/staff/elections">← 返回换届选举</a></p>
    <h1>${e.orgName}换届选举</h1>
    ${o.flash ? html`<div class="alert ok" role="status"><p>${o.flash}</p></div>` : ''}
    <dl class="facts">
      <dt>选举方式</dt><dd>${ELECTION_FORM_LABELS[e.form]}</dd>
      <dt>委员名额</dt><dd>${e.seats} 名（副书记 ${e.deputies} 名）</dd>
      <dt>状态</dt><dd>${ELECTION_STATUS_LABELS[e.status]}</dd>
      <dt>当前步骤</dt><dd>${currentStep(o.file)}</dd>
      <dt>计划召开党员大会</dt><dd>${e.plan.meetingDate}</dd>
      <dt>选举规则版本</dt><dd>${ruleSetLabel({ rulesVersion: e.rulesVersion, label: e.rules.label })}</dd>
      ${e.candidates.length > 0 ? html`<dt>候选人预备人选</dt><dd>${e.candidates.join('、')}</dd>` : ''}
      ${e.elected.length > 0 ? html`<dt>当选委员</dt><dd>${e.elected.join('、')}</dd>` : ''}
      ${e.secretary ? html`<dt>书记</dt><dd>${e.secretary}</dd>` : ''}
      ${e.deputy ? html`<dt>副书记</dt><dd>${e.deputy}</dd>` : ''}
      ${e.termStart ? html`<dt>新一届任期</dt><dd>${e.termStart} 至 ${e.termEnd}</dd>` : ''}
    </dl>
    ${openTask && e.currentStep
      ? html`<div class="alert info"><p>待办：<a href="${electionStepHref(e.id, e.currentStep)}">${ELECTION_STEPS[e.currentStep].label}</a>（办理期限 ${formatDateTime(openTask.dueAt)}）</p>
          ${e.ballot ? html`<p><a href="/staff/elections/${e.id}/ballot">打印选票</a></p>` : ''}</div>`
      : ''}
    ${endSection(o)}
    <h2>选举程序</h2>
    <ul class="timeline">${timeline}</ul>
    ${rounds.length > 0 ? html`<h2>计票结果</h2>${rounds.map((round) => roundResult(round))}` : ''}
    <h2>全程纪实</h2>
    ${auditTrail(o.file.audit)}`;
  return layout({ title: `${e.orgName}换届选举`, body, staff: o.staff });
}
