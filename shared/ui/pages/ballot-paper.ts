import { sortBySurnameStrokes, unrankedCharacters } from '../../domain/election/stroke-order';
import { html, type SafeHtml } from '../html';
import { layout } from '../layout';
import { orgHeading } from './notice-print';

/** What one round's ballot paper needs: whose election, what it elects, how many seats, the candidates. */
export interface BallotPaper {
  electionId: string;
  orgName: string;
  contest: 'committee' | 'secretary' | 'deputy';
  seats: number;
  candidates: readonly string[];
}

export const MAX_BALLOT_COPIES = 500;

const CONTEST_TITLES = { committee: '委员会委员', secretary: '书记', deputy: '副书记' } as const;

/** 选票标题: 中共…支部委员会换届选举委员会委员选举选票. */
export function ballotTitle(paper: Pick<BallotPaper, 'contest'>): string {
  return `换届选举${CONTEST_TITLES[paper.contest]}选举选票`;
}

/** The marking rules printed on every ballot (docs/domain/elections.md E4: more names than seats makes the ballot invalid). */
export function markingInstructions(seats: number): string[] {
  return [
    `本次应选 ${seats} 名，所选人数等于或少于应选人数的为有效票，多于应选人数的为无效票。`,
    '候选人按姓氏笔画为序。对候选人同意的，在其姓名后“同意”栏内划“○”；不同意的，在“不同意”栏内划“×”；弃权的，不划任何符号。',
    '如另选他人，在“另选他人”栏内写上其姓名，并在其后“同意”栏内划“○”。',
    '请用黑色或蓝色笔填写，符号要准确，字迹要清楚；在选票上作其他标记或无法辨认的，为废票。',
  ];
}

function onePaper(paper: BallotPaper, names: readonly string[]): SafeHtml {
  const writeIns = Array.from({ length: paper.seats }, () => html`<tr><td class="blank"></td><td class="mark"></td></tr>`);
  return html`<article class="print-page ballot-paper">
    <div class="org-heading">${orgHeading(paper.orgName)}</div>
    <div class="title">${ballotTitle(paper)}</div>
    <p class="seats">应选 <strong>${paper.seats}</strong> 名　候选人 <strong>${names.length}</strong> 名</p>
    <table class="marks">
      <thead><tr><th>候选人姓名</th><th>同意</th><th>不同意</th></tr></thead>
      <tbody>${names.map((name) => html`<tr><td class="name">${name}</td><td class="mark"></td><td class="mark"></td></tr>`)}</tbody>
    </table>
    <table class="marks write-ins">
      <thead><tr><th>另选他人姓名</th><th>同意</th></tr></thead>
      <tbody>${writeIns}</tbody>
    </table>
    <div class="instructions"><strong>填写说明</strong>
      <ol>${markingInstructions(paper.seats).map((line) => html`<li>${line}</li>`)}</ol>
    </div>
  </article>`;
}

/** Staff only (not printed): names the stroke data cannot fully place (docs/domain/elections.md, E9), to check by hand. */
function strokeOrderWarning(names: readonly string[]): SafeHtml | '' {
  const flagged = names.map((name) => ({ name, chars: unrankedCharacters(name) })).filter((n) => n.chars.length > 0);
  if (flagged.length === 0) return '';
  return html`<p class="warning" role="alert">以下候选人姓名中有笔画数据未收录的字，已按能确定的部分（姓氏等）排序，请在印制前按姓氏笔画人工核对顺序：${flagged.map((n) => `${n.name}（${n.chars.map((c) => `“${c}”`).join('')}）`).join('、')}。</p>`;
}

/**
 * The printable ballot papers of a round: `copies` identical A4 pages (no serial number: the ballot is secret),
 * candidates in 姓氏笔画 order, the seats, the marking instructions and one blank write-in line per seat.
 */
export function ballotPaperPage(paper: BallotPaper, copies: number): SafeHtml {
  const names = sortBySurnameStrokes(paper.candidates);
  const pages = Array.from({ length: copies }, () => onePaper(paper, names));
  const body = html`<div class="print-actions no-print">
      <a href="/staff/elections/${paper.electionId}">← 返回选举档案</a>
      ${paper.contest !== 'committee' ? html` · <a href="/staff/elections/${paper.electionId}/ballot?change=candidates">更改候选人</a>` : ''}
      <form class="inline-print" method="get" action="/staff/elections/${paper.electionId}/ballot">
        <label>份数 <input type="number" name="copies" min="1" max="${MAX_BALLOT_COPIES}" value="${copies}"></label>
        <button type="submit">生成</button>
      </form>
      <p class="muted">共 ${copies} 份，每份一页 A4。请使用浏览器的“打印”功能打印。</p>
      ${strokeOrderWarning(names)}
    </div>
    ${pages}`;
  return layout({ title: `${paper.orgName}${ballotTitle(paper)}`, body, bare: true });
}

/** `?copies=` as a whole number 1…500; anything else is undefined (the caller answers 422). */
export function parseCopies(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return 1;
  if (!/^\d{1,3}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= 1 && n <= MAX_BALLOT_COPIES ? n : undefined;
}
