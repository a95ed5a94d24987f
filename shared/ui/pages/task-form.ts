import type { Notice } from '../../domain/notice/notice';
import { OUTCOME_LABELS, resultOfOutcomes, type Objection, type OutcomeDecision } from '../../domain/notice/objection';
import type { PendingTask } from '../../domain/tasks/pending-task';
import { csrfField, errorSummary, radioGroup, textArea, textField, type FormState, emptyForm } from '../form-fields';
import { formatDateTime } from '../format';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';
import { noticeFacts, noticeTitle } from '../notice-facts';

const DECISIONS: ReadonlyArray<readonly [OutcomeDecision, string]> = [
  ['unfounded', '不属实'],
  ['postpone', '暂缓'],
  ['founded', '属实'],
];

const RESULT_TEXT = { proceed: '继续推进（公示通过）', postponed: '暂缓', stopped: '终止程序' } as const;

function objectionBlock(objection: Objection, index: number, form: FormState): SafeHtml {
  const id = objection.id;
  return html`<section class="objection">
    <h3>异议 ${index + 1}</h3>
    <p class="muted">提交时间：${formatDateTime(objection.filedAt)}
      ${objection.name ? html` · 署名：${objection.name}` : html` · 匿名`}
      ${objection.contact ? html` · 联系方式：${objection.contact}` : ''}</p>
    <blockquote>${objection.content}</blockquote>
    ${radioGroup({ name: `decision.${id}`, label: '调查结论', options: DECISIONS, state: form, required: true })}
    ${textArea({ name: `note.${id}`, label: '调查情况说明', state: form, required: true, rows: 3, maxLength: 2000 })}
    ${textField({ name: `reviewDate.${id}`, label: '复核日期', type: 'date', state: form, hint: '选择“暂缓”时必填。' })}
  </section>`;
}

/** What the chosen decisions will result in, when every objection has one. */
function currentResult(objections: Objection[], form: FormState): SafeHtml {
  const outcomes = objections.map((o) => ({
    decision: form.values[`decision.${o.id}`] as OutcomeDecision,
    reviewDate: form.values[`reviewDate.${o.id}`] || undefined,
  }));
  if (outcomes.some((o) => !(o.decision in OUTCOME_LABELS))) return html``;
  const { result, reviewDate } = resultOfOutcomes(outcomes);
  return html`<p><strong>按当前所填结论，结果将是：${RESULT_TEXT[result]}${reviewDate ? `，复核日期 ${reviewDate}` : ''}。</strong></p>`;
}

/** "异议 2 · 复核日期" for the error summary. */
function fieldLabels(objections: Objection[]): Record<string, string> {
  const labels: Record<string, string> = {};
  objections.forEach((o, index) => {
    labels[`decision.${o.id}`] = `异议 ${index + 1} · 调查结论`;
    labels[`note.${o.id}`] = `异议 ${index + 1} · 调查情况说明`;
    labels[`reviewDate.${o.id}`] = `异议 ${index + 1} · 复核日期`;
  });
  return labels;
}

export interface TaskFormOptions {
  task: PendingTask;
  notice: Notice;
  objections: Objection[];
  staff: LayoutStaff;
  now: Date;
  form?: FormState;
  message?: string;
}

/** The objection-handling step: each objection with a decision, a note and (for 暂缓) a review date. */
export function taskFormPage(options: TaskFormOptions): SafeHtml {
  const form = options.form ?? emptyForm();
  const { task, notice, objections } = options;
  const body = html`<p><a href="/staff">← 返回待办</a></p>
    <h1>${task.title}</h1>
    <p class="muted">办理期限：${formatDateTime(task.dueAt)} · 公示：<a href="/staff/notices/${notice.id}">${noticeTitle(notice)}</a></p>
    <details><summary>公示内容</summary>${noticeFacts(notice)}</details>
    <div class="alert info">
      <p>请对每条异议逐一调查并记录结论。结果按以下规则确定：</p>
      <ul>
        <li>任一异议“属实”：终止该发展程序；</li>
        <li>否则，任一异议“暂缓”：程序暂缓，至最晚的复核日期再行复核；</li>
        <li>全部“不属实”：继续推进。</li>
      </ul>
      ${currentResult(objections, form)}
    </div>
    <form class="stacked" method="post" action="/staff/tasks/${task.id}" novalidate>
      ${csrfField(options.staff.csrfToken)}
      ${errorSummary(options.message, form.errors, fieldLabels(objections))}
      ${objections.map((objection, index) => objectionBlock(objection, index, form))}
      <button type="submit">提交调查结论</button>
    </form>`;
  return layout({ title: task.title, body, staff: options.staff });
}
