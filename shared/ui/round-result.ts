import type { TallyResult } from '../domain/election/types';
import { formatDateLong } from './format';
import { html, type SafeHtml } from './html';

/** A recorded voting round as the results page needs it (structurally ElectionRound of the election domain). */
export interface RoundForDisplay {
  no: number;
  contest: 'committee' | 'secretary' | 'deputy';
  seats: number;
  candidates: readonly string[];
  meetingDate?: string;
  shouldAttend: number;
  present: number;
  ballotsIssued: number;
  result: TallyResult;
  next?: { kind: 'invalid' | 'complete' | 're-vote' | 'unfilled'; among?: string[]; seats?: number };
}

export const CONTEST_LABELS = { committee: '委员', secretary: '书记', deputy: '副书记' } as const;

function nextText(round: RoundForDisplay): string {
  const next = round.next;
  if (!next) return '';
  switch (next.kind) {
    case 'invalid':
      return '本轮选举无效，应重新进行选举。';
    case 're-vote':
      return `得票相等、不能确定当选人：在${(next.among ?? []).join('、')}中再次投票（${next.seats ?? ''} 名），得票多的当选。`;
    case 'unfilled':
      return `当选人数少于应选人数，尚缺 ${next.seats ?? round.result.seatsUnfilled} 名：由大会决定另行选举或减少名额。`;
    default:
      return '本轮选举完成。';
  }
}

/** One round's tally in Chinese: ballots (returned/valid/invalid/spoiled), the votes, the threshold, elected, tie, unfilled. */
export function roundResult(round: RoundForDisplay): SafeHtml {
  const r = round.result;
  const spoiled = r.ballotsReturned - r.ballotsValid - r.ballotsInvalid;
  const elected = new Set(r.elected);
  const tied = new Set(r.tiedForLastSeat);
  return html`<section class="round-result" id="round-${round.no}" aria-labelledby="round-${round.no}-title">
    <h2 id="round-${round.no}-title">第 ${round.no} 轮 · 选举${CONTEST_LABELS[round.contest]}（应选 ${round.seats} 名）</h2>
    <p>${r.valid ? html`<span class="tag open">选举有效</span>` : html`<span class="tag overdue">选举无效</span>`}</p>
    ${r.problems.length > 0 ? html`<ul class="problems">${r.problems.map((p) => html`<li>${p.message}</li>`)}</ul>` : ''}
    <dl class="facts">
      ${round.meetingDate ? html`<dt>投票日期</dt><dd>${formatDateLong(round.meetingDate)}</dd>` : ''}
      <dt>应到人数</dt><dd>${round.shouldAttend}</dd>
      <dt>实到人数</dt><dd>${round.present}${r.quorumMet ? '' : '（不足法定人数）'}</dd>
      <dt>发出选票</dt><dd>${round.ballotsIssued} 张</dd>
      <dt>收回选票</dt><dd>${r.ballotsReturned} 张</dd>
      <dt>有效票</dt><dd>${r.ballotsValid} 张</dd>
      <dt>无效票</dt><dd>${r.ballotsInvalid} 张</dd>
      <dt>废票</dt><dd>${spoiled} 张</dd>
      ${r.byMostVotes ? html`<dt>当选办法</dt><dd>得票相等后再次投票：得票多的当选</dd>` : html`<dt>当选所需票数</dt><dd>${r.threshold} 票（超过半数）</dd>`}
    </dl>
    <div class="table-wrap" tabindex="0"><table>
      <thead><tr><th>姓名</th><th>得票</th><th>结果</th></tr></thead>
      <tbody>${Object.entries(r.votes).map(([name, n]) => html`<tr>
        <td>${name}${round.candidates.includes(name) ? '' : html` <span class="muted">（另选他人）</span>`}</td>
        <td>${n}</td>
        <td>${elected.has(name) ? html`<strong>当选</strong>` : tied.has(name) ? '得票相等，须再次投票' : r.byMostVotes ? '得票较少' : n >= r.threshold ? '' : '未过半数'}</td>
      </tr>`)}</tbody>
    </table></div>
    <p>当选：${r.elected.length > 0 ? r.elected.join('、') : '无'}${r.seatsUnfilled > 0 ? `；尚缺 ${r.seatsUnfilled} 名` : ''}。</p>
    ${r.ineligible ? html`<p>不计入任何人的得票（被选举人不具备被选举资格或不在本轮可选范围内）：${Object.entries(r.ineligible).map(([name, n]) => `${name} ${n} 票`).join('、')}。</p>` : ''}
    ${r.tiedForLastSeat.length > 0 ? html`<p>得票相等：${r.tiedForLastSeat.join('、')}。</p>` : ''}
    ${round.next ? html`<p><strong>${nextText(round)}</strong></p>` : ''}
  </section>`;
}
