import type { ElectionRound } from '../../../../shared/domain/election/election';
import { roundSummaryLine } from '../../../../shared/domain/election/round-summary';

// The results' approval reads each round's substance (issue 13 item 19): attendance, ballots, votes, who was elected, what followed.
const round = (next: ElectionRound['next'], extra: Partial<ElectionRound> = {}): ElectionRound => ({
  electionId: 'e1', no: 1, contest: 'committee', seats: 3, candidates: ['王芳', '刘洋', '李娜', '张伟'], meetingDate: '2026-09-30', shouldAttend: 12, present: 11, ballotsIssued: 11,
  result: { valid: true, problems: [], quorumMet: true, ballotsReturned: 11, ballotsValid: 10, ballotsInvalid: 1, votes: { 李娜: 7, 张伟: 10, 王芳: 7, 刘洋: 9 }, threshold: 6, elected: ['张伟', '刘洋'], tiedForLastSeat: ['王芳', '李娜'], seatsUnfilled: 1 },
  next, at: '2026-09-30T02:00:00.000Z', actorId: 'z', actorName: '钱组织委员', ...extra,
}) as ElectionRound;

test.each([
  ['a tie at the last seat', round({ kind: 're-vote', among: ['王芳', '李娜'], seats: 1 }), '；得票相等，在 王芳、李娜 中再次投票选 1 名'],
  ['a seat unfilled', round({ kind: 'unfilled', seats: 1, others: ['王芳', '李娜'] }), '；尚缺 1 名'],
  ['an invalid round', round({ kind: 'invalid' }), '；选举无效，重新投票'],
  ['complete', round({ kind: 'complete' }), '当选 张伟、刘洋'],
] as const)('%s', (_name, given, ending) => {
  const line = roundSummaryLine(given);
  expect(line).toContain('第1轮 选举委员（2026-09-30，应选 3 名，应到 12 人，实到 11 人，发出选票 11 张，收回 11 张，有效 10 张）：张伟 10 票、刘洋 9 票、王芳 7 票、李娜 7 票；当选 张伟、刘洋');
  expect(line.endsWith(ending)).toBe(true);
  expect(line).not.toMatch(/[A-Za-z]/);
});
