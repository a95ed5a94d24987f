import { tallyRound, type Ballot } from '../../../shared/domain/election';
import { roundResult } from '../../../shared/ui/round-result';

const times = (n: number, ballot: Ballot): Ballot[] => Array.from({ length: n }, () => ballot);
const input = { seats: 2, candidates: ['张一', '李二', '王三'], shouldAttend: 10, present: 10, ballotsIssued: 10 };
const base = { no: 1, contest: 'committee' as const, ...input };

describe('the results of a round in Chinese', () => {
  test('valid/invalid/spoiled, votes, threshold, elected, write-ins', () => {
    const ballots = [...times(6, ['张一', '李二']), ['张一', '李二', '王三'], 'spoiled', ...times(2, ['赵四'])] as Ballot[];
    const result = tallyRound({ ...input, ballots });
    const page = roundResult({ ...base, result, next: { kind: 'complete' } }).value;
    for (const text of ['第 1 轮 · 选举委员（应选 2 名）', '选举有效', '<dt>收回选票</dt><dd>10 张</dd>', '<dt>有效票</dt><dd>8 张</dd>', '<dt>无效票</dt><dd>1 张</dd>', '<dt>废票</dt><dd>1 张</dd>', '6 票（超过半数）', '当选：张一、李二。', '赵四 <span class="muted">（另选他人）</span>', '本轮选举完成。']) {
      expect(page).toContain(text);
    }
  });

  test('a tie at the last seat and an unfilled seat', () => {
    const result = tallyRound({ ...input, ballots: [...times(3, ['张一', '李二']), ...times(3, ['张一', '王三']), ...times(3, ['李二', '王三']), ['张一']] });
    const page = roundResult({ ...base, result, next: { kind: 're-vote', among: ['李二', '王三'], seats: 1 } }).value;
    expect(page).toContain('得票相等：李二、王三。');
    expect(page).toContain('当选：张一；尚缺 1 名。');
    expect(page).toContain('在李二、王三中再次投票（1 名），得票多的当选。');
  });

  test('a re-vote by most votes: its date, no threshold, the votes that count for no one', () => {
    const result = tallyRound({ seats: 1, candidates: ['李二', '王三'], shouldAttend: 10, present: 10, ballotsIssued: 10, reVote: true, eligible: ['李二', '王三'], summary: { returned: 10, invalid: 0, spoiled: 0, votes: { 李二: 5, 王三: 4, 外单位: 1 } } });
    const page = roundResult({ ...base, seats: 1, candidates: ['李二', '王三'], meetingDate: '2026-10-20', result, next: { kind: 'complete' } }).value;
    for (const text of ['<dt>投票日期</dt><dd>2026年10月20日</dd>', '得票相等后再次投票：得票多的当选', '当选：李二。', '得票较少', '不计入任何人的得票', '外单位 1 票']) {
      expect(page).toContain(text);
    }
    expect(page).not.toContain('超过半数');
  });

  test('an invalid round names its problem', () => {
    const result = tallyRound({ ...input, present: 7, ballotsIssued: 7, ballots: times(7, ['张一']) });
    const page = roundResult({ ...base, present: 7, ballotsIssued: 7, result, next: { kind: 'invalid' } }).value;
    expect(page).toContain('选举无效');
    expect(page).toContain('实到人数须达到应到人数的五分之四');
    expect(page).toContain('7（不足法定人数）');
    expect(page).toContain('本轮选举无效，应重新进行选举。');
  });
});
