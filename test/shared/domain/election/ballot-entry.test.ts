import { reconcileRound, tallyChecked, tallyRound, type RoundContext } from '../../../../shared/domain/election';

const CANDIDATES = ['张一', '李二', '王三', '赵四'];
/** 3 seats, 4 candidates, 10 should attend, all present. */
const CONTEXT: RoundContext = { seats: 3, candidates: CANDIDATES, shouldAttend: 10, present: 10, ballotsIssued: 10 };

const summary = (over: Record<string, unknown> = {}) => ({
  mode: 'summary',
  returned: 10,
  invalid: 1,
  spoiled: 1,
  votes: { 张一: 8, 李二: 7, 王三: 6, 赵四: 2 },
  ...over,
});

const problemsOf = (entry: unknown, context: RoundContext = CONTEXT) => {
  const result = reconcileRound(entry, context);
  return result.ok ? [] : result.problems;
};

describe('reconcileRound: summary counts', () => {
  test('totals that agree give the tally input and the totals', () => {
    const result = reconcileRound(summary({ valid: 8 }), CONTEXT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.totals).toEqual({ returned: 10, valid: 8, invalid: 1, spoiled: 1, votes: { 张一: 8, 李二: 7, 王三: 6, 赵四: 2 } });
    const tally = tallyChecked(result.input);
    expect(tally.ballotsValid).toBe(8);
    expect(tally.elected).toEqual(['张一', '李二', '王三']);
  });

  test.each([
    // returned = valid + invalid + spoiled, boundary on each side
    ['invalid + spoiled = returned (0 valid, no votes)', { invalid: 5, spoiled: 5, votes: {} }, []],
    ['invalid + spoiled one more than returned', { invalid: 6, spoiled: 5, votes: {} }, ['returned']],
    ['written valid count agrees', { valid: 8 }, []],
    ['written valid count one too many', { valid: 9 }, ['valid']],
    ['written valid count one too few', { valid: 7 }, ['valid']],
    // no name with more votes than valid ballots (8)
    ['a name with exactly the valid ballots', { votes: { 张一: 8 } }, []],
    ['a name with one more than the valid ballots', { votes: { 张一: 9 } }, ['votes.张一']],
    // the sum of votes at most valid × seats = 24
    ['votes summing to valid × seats', { votes: { 张一: 8, 李二: 8, 王三: 8 } }, []],
    ['votes summing to valid × seats + 1', { votes: { 张一: 8, 李二: 8, 王三: 8, 赵四: 1 } }, ['votes']],
    ['a write-in (另选他人) counts like a candidate', { votes: { 张一: 8, 孙五: 3 } }, []],
    ['an empty name', { votes: { '  ': 1 } }, ['votes']],
    ['the same name twice once trimmed', { votes: { 张一: 1, ' 张一 ': 2 } }, ['votes.张一']],
  ])('%s', (_label, over, fields) => {
    expect(problemsOf(summary(over)).map((p) => p.field)).toEqual(fields);
  });

  test.each([
    ['a negative count', { spoiled: -1 }, 'spoiled', '不能为负数'],
    ['a fraction', { returned: 9.5 }, 'returned', '须为整数'],
    ['a count that is text', { invalid: '1' }, 'invalid', '须填写数字'],
    ['an unknown mode', { mode: 'guess' }, 'mode', '录入方式须为逐张录入（ballots）或汇总录入（summary）'],
  ])('bad shape: %s → a Chinese problem on the field, nothing thrown', (_label, over, field, message) => {
    expect(problemsOf(summary(over))).toEqual([{ field, message }]);
  });

  test('every problem message is Chinese', () => {
    const problems = problemsOf(summary({ valid: 3, votes: { 张一: 9, 李二: 9, 王三: 9 } }));
    expect(problems.length).toBe(5);
    for (const p of problems) expect(p.message).toMatch(/[\u4e00-\u9fff]/);
    expect(problems[0]).toEqual({ field: 'valid', message: '有效票 3 张，但收回 10 张减无效 1 张、废票 1 张为 8 张' });
  });
});

describe('reconcileRound: one ballot at a time', () => {
  const ballots = [['张一', '李二'], ['张一'], 'spoiled', ['张一', '李二', '王三', '赵四'], [' 李二 ']];
  const sheet = { returned: 5, valid: 3, invalid: 1, spoiled: 1, votes: { 张一: 2, 李二: 2 } };

  test('the ballots and a matching sheet give the ballots to tally', () => {
    const result = reconcileRound({ mode: 'ballots', ballots, sheet }, CONTEXT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.totals).toEqual({ returned: 5, valid: 3, invalid: 1, spoiled: 1, votes: { 张一: 2, 李二: 2 } });
    expect(result.input.ballots?.[4]).toEqual(['李二']);
    expect(tallyChecked(result.input)).toEqual(tallyRound({ ...CONTEXT, ballots: result.input.ballots }));
  });

  test('without a sheet the ballots are taken as entered', () => {
    expect(reconcileRound({ mode: 'ballots', ballots }, CONTEXT).ok).toBe(true);
  });

  test.each([
    ['returned', { returned: 6 }, '汇总表收回票 6 张，逐张录入为 5 张'],
    ['invalid', { invalid: 2, spoiled: 0, valid: 3, returned: 5 }, '汇总表无效票 2 张，逐张录入为 1 张'],
    ['spoiled', { spoiled: 2, invalid: 0 }, '汇总表废票 2 张，逐张录入为 1 张'],
  ])('a sheet whose %s differs', (field, over, message) => {
    const problems = problemsOf({ mode: 'ballots', ballots, sheet: { ...sheet, ...over, valid: undefined } });
    expect(problems).toContainEqual({ field: `sheet.${field}`, message });
  });

  test('a sheet with a name one vote off, or a name the ballots lack, is a mismatch on that name', () => {
    expect(problemsOf({ mode: 'ballots', ballots, sheet: { ...sheet, votes: { 张一: 2, 李二: 1 } } })).toEqual([
      { field: 'sheet.votes.李二', message: '汇总表“李二”得 1 票，逐张录入为 2 票' },
    ]);
    expect(problemsOf({ mode: 'ballots', ballots, sheet: { ...sheet, votes: { ...sheet.votes, 王三: 0 } } })).toEqual([]);
    expect(problemsOf({ mode: 'ballots', ballots, sheet: { ...sheet, votes: { ...sheet.votes, 王三: 1 } } }).map((p) => p.field)).toEqual([
      'sheet.votes.王三',
    ]);
  });

  test('an empty name on a ballot is a problem on that ballot', () => {
    expect(problemsOf({ mode: 'ballots', ballots: [['张一', ' ']] })).toEqual([{ field: 'ballots.0.1', message: '姓名不能为空' }]);
  });
});

describe('reconcileRound: the round context', () => {
  test('a context the tally cannot take is reported in Chinese, not thrown', () => {
    expect(problemsOf(summary(), { ...CONTEXT, present: 11 })).toEqual([{ field: 'present', message: '实到人数不能多于应到人数' }]);
    expect(problemsOf(summary(), { ...CONTEXT, candidates: ['张一', '张一', '李二', '王三'] })).toEqual([
      { field: 'candidates', message: '候选人“张一”重复' },
    ]);
  });

  test('the rules of the context go into the tally input, defaults filled in', () => {
    const result = reconcileRound(summary(), { ...CONTEXT, rules: { majorityBase: 'present' } });
    expect(result.ok && result.input.rules).toEqual({ quorum: 'atLeastFourFifths', majorityBase: 'present', minCandidateMargin: 0.2, tieReVote: 'mostVotes' });
  });
});
