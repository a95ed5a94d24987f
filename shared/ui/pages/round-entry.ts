import { countBallots } from '../../domain/election/count-ballots';
import { sortBySurnameStrokes } from '../../domain/election/stroke-order';
import { voteLines, type RoundEntryMode } from '../../schemas/round-entry-form';
import { csrfField, errorSummary, textArea, textField, type FormState } from '../form-fields';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';
import { ballotTitle, type BallotPaper } from './ballot-paper';

export interface RoundEntryOptions {
  paper: BallotPaper;
  /** Officers' rounds: the meeting's candidates are typed on the form. */
  candidatesOnForm: boolean;
  mode: RoundEntryMode;
  /** The round this entry is for (第 N 轮); carried so that a second submission of the same round is refused. */
  roundNo: number;
  /** The ballots entered so far (mode 'ballots'). */
  ballots: (string[] | 'spoiled')[];
  form: FormState;
  staff: LayoutStaff;
  message?: string;
}

const num = (form: FormState, name: string, label: string, hint?: string) =>
  textField({ name, label, state: form, type: 'number', min: '0', hint });

function meetingFields(o: RoundEntryOptions): SafeHtml {
  return html`<fieldset><legend>会议情况</legend>
    ${textField({ name: 'meetingDate', label: '投票日期', state: o.form, type: 'date', hint: '不能早于计划召开党员大会的日期，也不能晚于今天。' })}
    ${num(o.form, 'shouldAttend', '应到会有选举权的党员人数', '按党员名册核对：有选举权的正式党员，扣除登记了不计入原因的人数。')}
    ${num(o.form, 'present', '实到会有选举权的党员人数')}
    ${num(o.form, 'ballotsIssued', '发出选票张数')}
    ${o.candidatesOnForm ? textArea({ name: 'candidates', label: '候选人（每行一人）', state: o.form, rows: 3, required: true }) : ''}
  </fieldset>`;
}

/** The count sheet: summary entry, or (prefix 'sheet.') the counters' own sheet to check the ballots against. */
function sheetFields(o: RoundEntryOptions, names: readonly string[], prefix: string, legend: string): SafeHtml {
  return html`<fieldset><legend>${legend}</legend>
    ${num(o.form, `${prefix}returned`, '收回选票张数')}
    ${num(o.form, `${prefix}valid`, '有效票张数', '选填：填写后将与“收回 − 无效 − 废票”核对。')}
    ${num(o.form, `${prefix}invalid`, '无效票张数', '所选人数多于应选人数的选票。')}
    ${num(o.form, `${prefix}spoiled`, '废票张数')}
    <h3>得票数</h3>
    ${names.map((name) => num(o.form, `${prefix}votes.${name}`, name))}
    ${Array.from({ length: voteLines({ seats: o.paper.seats, candidatesOnForm: o.candidatesOnForm }) }, (_, i) => {
      const who = o.candidatesOnForm ? `得票人 ${i + 1}` : `另选他人 ${i + 1}`;
      return html`<div class="writein">
      ${textField({ name: `${prefix}writein.${i}.name`, label: `${who} 姓名`, state: o.form, hint: o.candidatesOnForm && i === 0 ? '填写候选人及另选他人的姓名和得票数。' : undefined })}
      ${num(o.form, `${prefix}writein.${i}.votes`, `${who} 得票数`)}</div>`;
    })}
  </fieldset>`;
}

function ballotText(ballot: string[] | 'spoiled', seats: number): string {
  if (ballot === 'spoiled') return '废票';
  if (ballot.length === 0) return '（均未划）';
  return `${ballot.join('、')}${new Set(ballot).size > seats ? '（多选，无效）' : ''}`;
}

/** Running totals of the ballots entered so far, and the list, newest last. */
function runningTotals(o: RoundEntryOptions): SafeHtml {
  const c = countBallots(o.ballots, o.paper.seats);
  return html`<section aria-labelledby="running"><h2 id="running">已录入 ${c.returned} 张</h2>
    <p role="status">有效 ${c.valid} 张 · 无效 ${c.invalid} 张 · 废票 ${c.spoiled} 张</p>
    ${c.votes.size > 0 ? html`<table><thead><tr><th>姓名</th><th>得票</th></tr></thead><tbody>${[...c.votes].map(([name, n]) => html`<tr><td>${name}</td><td>${n}</td></tr>`)}</tbody></table>` : ''}
    ${o.ballots.length > 0 ? html`<details><summary>逐张清单</summary><ol>${o.ballots.map((b) => html`<li>${ballotText(b, o.paper.seats)}</li>`)}</ol></details>` : ''}
  </section>`;
}

/** One ballot: a box per candidate, a write-in line per seat, or 废票. */
function oneBallot(o: RoundEntryOptions, names: readonly string[]): SafeHtml {
  return html`<fieldset class="one-ballot"><legend>录入下一张选票（第 ${o.ballots.length + 1} 张）</legend>
    ${names.map((name) => html`<label class="choice"><input type="checkbox" name="mark.${name}" value="1"> ${name}</label>`)}
    ${Array.from({ length: o.paper.seats }, (_, i) => html`<label class="choice">另选他人 <input type="text" name="write.${i}" maxlength="40"></label>`)}
    <label class="choice"><input type="checkbox" name="spoiled" value="1"> 废票</label>
    <p><button type="submit" name="action" value="add">录入此票</button>
    ${o.ballots.length > 0 ? html` <button type="submit" name="action" value="undo" class="secondary">撤销上一张</button>` : ''}</p>
  </fieldset>`;
}

/** 计票录入: summary counts, or one ballot at a time with running totals and the counters' sheet to reconcile. */
export function roundEntryPage(o: RoundEntryOptions): SafeHtml {
  const id = o.paper.electionId;
  const names = sortBySurnameStrokes(o.paper.candidates);
  const title = `第 ${o.roundNo} 轮 ${ballotTitle(o.paper)}：计票录入`;
  const body = html`<p><a href="/staff/elections/${id}">← 返回选举档案</a></p>
    <h1>${title}</h1>
    <p>${o.paper.orgName} · 应选 ${o.paper.seats} 名${names.length > 0 ? ` · 候选人：${names.join('、')}` : ''} · <a href="/staff/elections/${id}/ballot">打印选票</a></p>
    <p>录入方式：${o.mode === 'summary' ? html`<strong>汇总录入</strong> · <a href="?mode=ballots">逐张录入</a>` : html`<a href="?mode=summary">汇总录入</a> · <strong>逐张录入</strong>`}</p>
    <form class="stacked" method="post" action="/staff/elections/${id}/round?mode=${o.mode}" novalidate>
      ${csrfField(o.staff.csrfToken)}
      <input type="hidden" name="roundNo" value="${o.roundNo}">
      ${errorSummary(o.message, o.form.errors)}
      ${o.mode === 'ballots' ? html`<input type="hidden" name="ballots" value="${JSON.stringify(o.ballots)}">${oneBallot(o, names)}${runningTotals(o)}` : ''}
      ${meetingFields(o)}
      ${o.mode === 'summary' ? sheetFields(o, names, '', '计票结果') : sheetFields(o, names, 'sheet.', '计票人汇总表（须与逐张录入的结果一致）')}
      <p>提交前系统将核对：收回票 = 有效票 + 无效票 + 废票；每人得票不多于有效票；得票总数不多于有效票 × 应选人数。</p>
      <button type="submit" name="action" value="submit">核对并提交计票结果</button>
    </form>`;
  return layout({ title, body, staff: o.staff });
}
