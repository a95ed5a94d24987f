import type { ElectionRound } from './election';

const CONTEST: Record<ElectionRound['contest'], string> = { committee: '委员', secretary: '书记', deputy: '副书记' };

/**
 * One voting round as the higher organization reads it when approving the results (docs/domain/elections.md): the
 * contest, attendance and ballots, every name's votes (most first), who was elected and what followed.
 */
export function roundSummaryLine(round: ElectionRound): string {
  const { result, next } = round;
  // Most votes first; equal votes in ballot order, write-ins after (a stored map keeps no order).
  const place = (name: string) => (round.candidates.includes(name) ? round.candidates.indexOf(name) : round.candidates.length);
  const votes = Object.entries(result.votes).sort(([a, x], [b, y]) => y - x || place(a) - place(b) || a.localeCompare(b, 'zh-CN')).map(([name, n]) => `${name} ${n} 票`).join('、');
  const elected = result.elected.length > 0 ? result.elected.join('、') : '无';
  const after = next.kind === 're-vote' ? `；得票相等，在 ${next.among.join('、')} 中再次投票选 ${next.seats} 名`
    : next.kind === 'invalid' ? '；选举无效，重新投票'
    : next.kind === 'unfilled' ? `；尚缺 ${next.seats} 名` : '';
  const date = round.meetingDate ? `${round.meetingDate}，` : '';
  return `第${round.no}轮 选举${CONTEST[round.contest]}（${date}应选 ${round.seats} 名，应到 ${round.shouldAttend} 人，实到 ${round.present} 人，发出选票 ${round.ballotsIssued} 张，收回 ${result.ballotsReturned} 张，有效 ${result.ballotsValid} 张）：${votes}；当选 ${elected}${after}`;
}
