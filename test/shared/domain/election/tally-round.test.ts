import { TallyInputError, minimumCandidates, tallyRound, type Ballot, type TallyInput } from '../../../../shared/domain/election';

const FIVE = ['张一', '李二', '王三', '赵四', '刘五', '陈六'];

/** A round that is valid unless a test changes it: 5 seats, 6 candidates, 10 should attend, all present. */
function round(over: Partial<TallyInput> = {}): TallyInput {
  return { seats: 5, candidates: FIVE, shouldAttend: 10, present: 10, ballotsIssued: 10, ballots: [], ...over };
}

/** n copies of a ballot. */
const times = (n: number, ballot: Ballot): Ballot[] => Array.from({ length: n }, () => ballot);

describe('tallyRound: quorum (4/5 of should-attend)', () => {
  test.each([
    ['atLeastFourFifths', 8, true],
    ['atLeastFourFifths', 7, false],
    ['moreThanFourFifths', 8, false],
    ['moreThanFourFifths', 9, true],
  ] as const)('%s with %i of 10 present → quorumMet %s', (quorum, present, met) => {
    const result = tallyRound(round({ present, ballotsIssued: present, rules: { quorum } }));
    expect(result.quorumMet).toBe(met);
    expect(result.valid).toBe(met);
    expect(result.problems.map((p) => p.code)).toEqual(met ? [] : ['quorumNotMet']);
  });

  test('a should-attend not divisible by 5: 41 of 51 (4/5 is 40.8) meets both rules, 40 meets neither', () => {
    expect(tallyRound(round({ shouldAttend: 51, present: 41, rules: { quorum: 'atLeastFourFifths' } })).quorumMet).toBe(true);
    expect(tallyRound(round({ shouldAttend: 51, present: 40, rules: { quorum: 'atLeastFourFifths' } })).quorumMet).toBe(false);
    expect(tallyRound(round({ shouldAttend: 51, present: 41, rules: { quorum: 'moreThanFourFifths' } })).quorumMet).toBe(true);
  });

  test('the quorum problem has a Chinese message, and nobody is elected', () => {
    const result = tallyRound(round({ present: 7, ballotsIssued: 7, ballots: times(7, FIVE.slice(0, 5)) }));
    expect(result.problems).toEqual([{ code: 'quorumNotMet', message: '实到 7 人，应到 10 人：实到人数须达到应到人数的五分之四，选举无效' }]);
    expect(result.elected).toEqual([]);
    expect(result.seatsUnfilled).toBe(5);
    expect(result.votes['张一']).toBe(7);
  });
});

describe('tallyRound: the majority threshold (more than half; exactly half is not enough)', () => {
  test.each([
    // base shouldAttend = 10: 5 votes is exactly half
    ['shouldAttend', 10, 8, 5, false, 6],
    ['shouldAttend', 10, 8, 6, true, 6],
    // base present = 8: 4 votes is exactly half
    ['present', 10, 8, 4, false, 5],
    ['present', 10, 8, 5, true, 5],
    // an odd base: 9 present → 5 is more than half
    ['present', 10, 9, 5, true, 5],
  ] as const)('base %s (should %i, present %i): %i votes → elected %s (threshold %i)', (majorityBase, shouldAttend, present, yes, elected, threshold) => {
    const ballots = [...times(yes, ['张一']), ...times(present - yes, [])];
    const result = tallyRound(round({ shouldAttend, present, ballotsIssued: present, ballots, rules: { majorityBase } }));
    expect(result.valid).toBe(true);
    expect(result.threshold).toBe(threshold);
    expect(result.elected).toEqual(elected ? ['张一'] : []);
    expect(result.seatsUnfilled).toBe(elected ? 4 : 5);
  });
});

describe('tallyRound: ballots', () => {
  test('a ballot with seats marks is valid; with seats + 1 marks it is invalid and its votes do not count', () => {
    const result = tallyRound(round({ ballots: [FIVE.slice(0, 5), FIVE.slice(0, 6)] }));
    expect(result).toMatchObject({ ballotsReturned: 2, ballotsValid: 1, ballotsInvalid: 1, valid: true });
    expect(result.votes).toEqual({ 张一: 1, 李二: 1, 王三: 1, 赵四: 1, 刘五: 1, 陈六: 0 });
  });

  test('a write-in makes seats + 1 marks too', () => {
    const result = tallyRound(round({ ballots: [[...FIVE.slice(0, 5), '周七']] }));
    expect(result).toMatchObject({ ballotsValid: 0, ballotsInvalid: 1 });
  });

  test('a name marked twice on one ballot counts once', () => {
    const result = tallyRound(round({ seats: 1, candidates: ['张一', '李二'], ballots: [['张一', '张一']] }));
    expect(result).toMatchObject({ ballotsValid: 1, votes: { 张一: 1, 李二: 0 } });
  });

  test('spoiled ballots are returned but not valid; a blank ballot is valid', () => {
    const result = tallyRound(round({ ballots: ['spoiled', [], 'spoiled', ['张一']] }));
    expect(result).toMatchObject({ ballotsReturned: 4, ballotsValid: 2, ballotsInvalid: 0, valid: true });
  });

  test.each([
    [10, 10, true],
    [10, 11, false],
    [9, 10, false],
  ])('%i issued, %i returned → valid %s', (issued, returned, valid) => {
    const result = tallyRound(round({ ballotsIssued: issued, ballots: times(returned, FIVE.slice(0, 5)) }));
    expect(result.valid).toBe(valid);
    expect(result.ballotsReturned).toBe(returned);
    expect(result.problems.map((p) => p.code)).toEqual(valid ? [] : ['moreBallotsReturnedThanIssued']);
    expect(result.elected).toEqual(valid ? FIVE.slice(0, 5) : []);
  });

  test('as many ballots issued as voters present is fine; one more is refused', () => {
    expect(tallyRound(round({ present: 9, ballotsIssued: 9, ballots: times(9, ['张一']) })).valid).toBe(true);
    expect(() => tallyRound(round({ present: 9, ballotsIssued: 10, ballots: times(9, ['张一']) }))).toThrow(TallyInputError);
  });

  test('fewer ballots returned than issued is fine', () => {
    expect(tallyRound(round({ ballotsIssued: 10, ballots: times(9, ['张一']) })).valid).toBe(true);
  });

  test('write-ins (另选他人) are counted, can be elected, and follow the candidates in the votes by name', () => {
    const ballots = [...times(6, ['张一', '周七']), ...times(6, ['吴八']), ['郑九']];
    const result = tallyRound(round({ shouldAttend: 13, present: 13, ballotsIssued: 13, ballots }));
    expect(Object.keys(result.votes)).toEqual([...FIVE, '吴八', '周七', '郑九']);
    expect(result.votes).toMatchObject({ 张一: 6, 周七: 6, 吴八: 6, 郑九: 1 });
    expect(result.threshold).toBe(7);
    expect(result.elected).toEqual([]);
    const more = tallyRound(round({ shouldAttend: 13, present: 13, ballotsIssued: 13, ballots: [...ballots.slice(0, 12), ['周七']] }));
    expect(more.elected).toEqual(['周七']);
  });
});

describe('tallyRound: the candidate margin (差额, rounded up)', () => {
  test.each([
    [5, 6, 0.2, true], // exactly 20%
    [5, 5, 0.2, false], // 等额
    [10, 12, 0.2, true], // exactly 20%
    [10, 11, 0.2, false], // 10%: just under
    [7, 9, 0.2, true], // 1.4 rounded up to 2
    [7, 8, 0.2, false], // 14%: just under
    [35, 42, 0.2, true], // 35 × 0.2 is 7.000000000000001 in floating point
    [3, 3, 0, true], // margin 0: 等额 allowed (e.g. secretary and deputy)
  ])('%i seats, %i candidates, margin %d → valid %s', (seats, count, minCandidateMargin, valid) => {
    const candidates = Array.from({ length: count }, (_, i) => `候选人${i + 1}`);
    const result = tallyRound(round({ seats, candidates, rules: { minCandidateMargin } }));
    expect(result.valid).toBe(valid);
    expect(result.problems.map((p) => p.code)).toEqual(valid ? [] : ['candidateMarginTooSmall']);
  });

  test('the message says how many are needed', () => {
    expect(tallyRound(round({ candidates: FIVE.slice(0, 5) })).problems).toEqual([
      { code: 'candidateMarginTooSmall', message: '应选 5 名，候选人 5 名：差额不足，候选人数至少应为 6 名' },
    ]);
    expect(minimumCandidates(9, 0.2)).toBe(11);
  });

  test('all problems are listed together, in order', () => {
    const result = tallyRound(round({ candidates: FIVE.slice(0, 5), present: 7, ballotsIssued: 6, ballots: times(7, []) }));
    expect(result.problems.map((p) => p.code)).toEqual(['quorumNotMet', 'moreBallotsReturnedThanIssued', 'candidateMarginTooSmall']);
  });
});

/**
 * Ballots (each with at most `seats` names) that give these vote counts: mark k of the list "name c, counts[c] times"
 * goes on ballot k mod n, so a name never lands twice on a ballot while every count is at most n.
 */
function ballotsFor(names: readonly string[], counts: readonly number[], n: number): string[][] {
  const ballots = Array.from({ length: n }, (): string[] => []);
  names.flatMap((name, c) => Array.from({ length: counts[c] }, () => name)).forEach((name, k) => ballots[k % n].push(name));
  return ballots;
}

describe('tallyRound: ranking and seats', () => {
  const names = ['张一', '李二', '王三', '赵四', '刘五'];

  test.each([
    // 10 ballots, threshold 6, 3 seats; votes of 张一 李二 王三 赵四 刘五
    [[10, 9, 8, 3, 0], ['张一', '李二', '王三'], [], 0],
    [[6, 8, 10, 6, 0], ['王三', '李二'], ['张一', '赵四'], 1], // tie at the last seat
    [[9, 7, 7, 7, 0], ['张一'], ['李二', '王三', '赵四'], 2], // a tie over the last two seats
    [[7, 7, 7, 7, 2], [], ['张一', '李二', '王三', '赵四'], 3], // everyone tied
    [[10, 8, 8, 4, 0], ['张一', '李二', '王三'], [], 0], // equal votes that all fit
    [[10, 8, 5, 5, 0], ['张一', '李二'], [], 1], // tied at or below half: not a tie for a seat
    [[10, 6, 5, 0, 0], ['张一', '李二'], [], 1], // fewer qualified than seats
    [[5, 5, 5, 5, 5], [], [], 3], // nobody more than half
  ])('votes %j for 3 seats → elected %j, tied %j, unfilled %i', (counts, elected, tied, unfilled) => {
    const result = tallyRound(round({ seats: 3, candidates: names, ballots: ballotsFor(names, counts, 10) }));
    expect(result.votes).toEqual(Object.fromEntries(names.map((name, c) => [name, counts[c]])));
    expect(result).toMatchObject({ valid: true, elected, tiedForLastSeat: tied, seatsUnfilled: unfilled, threshold: 6 });
    expect(result.elected.length + result.seatsUnfilled).toBe(3);
  });

  test('equal votes among the elected keep the candidates\' order', () => {
    const result = tallyRound(round({ seats: 3, candidates: names, ballots: ballotsFor(names, [0, 7, 0, 7, 9], 10) }));
    expect(result.elected).toEqual(['刘五', '李二', '赵四']);
  });
});

describe('tallyRound: summary mode', () => {
  const ballots: Ballot[] = [['张一', '李二'], ['张一', '周七'], 'spoiled', ['张一', '李二', '王三', '赵四', '刘五', '陈六'], [], ['李二']];

  test('equals the ballot mode for the same ballots', () => {
    const summary = { returned: 6, invalid: 1, spoiled: 1, votes: { 李二: 2, 周七: 1, 张一: 2 } };
    const byBallot = tallyRound(round({ shouldAttend: 6, present: 6, ballotsIssued: 6, ballots }));
    const bySummary = tallyRound(round({ shouldAttend: 6, present: 6, ballotsIssued: 6, ballots: undefined, summary }));
    expect(bySummary).toEqual(byBallot);
    expect(JSON.stringify(bySummary)).toBe(JSON.stringify(byBallot));
    expect(byBallot).toMatchObject({ ballotsReturned: 6, ballotsValid: 4, ballotsInvalid: 1, elected: [], seatsUnfilled: 5 });
  });

  test('a name with 0 votes in the summary is listed only if it is a candidate', () => {
    const result = tallyRound(round({ ballots: undefined, summary: { returned: 1, invalid: 0, spoiled: 0, votes: { 周七: 0 } } }));
    expect(Object.keys(result.votes)).toEqual(FIVE);
  });
});

describe('tallyRound: input that cannot be tallied', () => {
  test.each([
    ['both ballots and summary', { summary: { returned: 0, invalid: 0, spoiled: 0, votes: {} } }, '须给出 ballots'],
    ['neither', { ballots: undefined }, '须给出 ballots'],
    ['present above should-attend', { present: 11 }, '实到人数不能多于应到人数'],
    ['ballots issued above present (E4: one ballot per voter present)', { present: 9, ballotsIssued: 10 }, '发出选票 10 张，多于实到的 9 人'],
    ['duplicate candidates', { candidates: ['张一', '张一'] }, '候选人“张一”重复'],
    ['zero seats', { seats: 0 }, 'seats'],
    ['a fractional count', { present: 8.5 }, 'present'],
    ['an empty name', { ballots: [['  ']] }, '姓名不能为空'],
    ['an unknown rule', { rules: { quorum: 'half' } }, 'rules.quorum'],
    ['an unknown field', { chairman: '张一' }, 'chairman'],
    ['invalid + spoiled above returned', { ballots: undefined, summary: { returned: 2, invalid: 2, spoiled: 1, votes: {} } }, '无效票与废票之和'],
    ['a name with more votes than valid ballots', { ballots: undefined, summary: { returned: 2, invalid: 0, spoiled: 0, votes: { 张一: 3 } } }, '得票数不能多于有效票数'],
    ['more votes than valid ballots × seats', { seats: 1, candidates: ['张一', '李二'], ballots: undefined, summary: { returned: 2, invalid: 0, spoiled: 0, votes: { 张一: 2, 李二: 1 } } }, '得票总数 3'],
  ])('%s → TallyInputError', (_label, over, text) => {
    const attempt = () => tallyRound(round(over as Partial<TallyInput>));
    expect(attempt).toThrow(TallyInputError);
    expect(attempt).toThrow(text);
  });

  test('rules default to docs/domain/elections.md: at least 4/5, base should-attend, 20% margin', () => {
    const result = tallyRound(round({ present: 8, ballotsIssued: 8, ballots: times(8, ['张一']), candidates: FIVE.slice(0, 5), rules: undefined }));
    expect(result).toMatchObject({ quorumMet: true, threshold: 6, valid: false });
    expect(result.problems.map((p) => p.code)).toEqual(['candidateMarginTooSmall']);
  });
});

describe('tallyRound: who may be elected (E8)', () => {
  const eligible = [...FIVE, '周七'];
  test('a write-in for someone without the right to be elected is listed and counts for no one; the ballot stays valid', () => {
    const ballots = [...times(6, ['张一', '外单位']), ...times(6, ['周七']), ['外单位']];
    const result = tallyRound(round({ shouldAttend: 13, present: 13, ballotsIssued: 13, ballots, eligible }));
    expect(result.ballotsValid).toBe(13);
    expect(result.ineligible).toEqual({ 外单位: 7 });
    expect(result.votes).not.toHaveProperty('外单位');
    expect(result.elected).toEqual([]);
    expect(result.votes).toMatchObject({ 张一: 6, 周七: 6 });
  });
  test('an eligible write-in is counted and can be elected', () => {
    const ballots = times(7, ['周七']);
    expect(tallyRound(round({ shouldAttend: 10, present: 10, ballotsIssued: 10, ballots, eligible })).elected).toEqual(['周七']);
  });
  test('without a list of the eligible every name counts (the command line without "eligible")', () => {
    const result = tallyRound(round({ shouldAttend: 10, present: 10, ballotsIssued: 10, ballots: times(7, ['外单位']) }));
    expect(result.elected).toEqual(['外单位']);
    expect(result.ineligible).toBeUndefined();
  });
});
