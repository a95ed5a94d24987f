import {
  DEFAULT_ELECTION_RULES, applyUnfitRule, candidateCount, checkSeatsDecision, decideNextRound, defineElectionRules, isUnfit,
  rankOpenBallot, rankRecommendation, roundTallyRules, tallyRound, TallyInputError, type RecommendationInput, type TallyResult,
} from '../../../../shared/domain/election';

const rules = DEFAULT_ELECTION_RULES;

describe('candidate count: seats + 20%, rounded up', () => {
  test.each([
    [1, 2], [3, 4], [4, 5], [5, 6], [6, 8], [7, 9], [10, 12], [11, 14], [15, 18], [35, 42],
  ])('%i seats need %i candidates', (seats, needed) => {
    expect(candidateCount(seats, rules)).toBe(needed);
  });
  test('a configured margin of 50% rounds up too', () => {
    expect(candidateCount(5, { candidateMargin: 0.5 })).toBe(8);
  });
});

describe('the 1/3 不称职 rule: more than a third, exactly a third is not enough', () => {
  const third = rules.unfitThreshold;
  test.each([
    [30, 10, false], [30, 11, true], [31, 10, false], [31, 11, true], [9, 3, false], [9, 4, true], [1, 0, false], [1, 1, true], [2, 1, true],
  ])('%i raters, %i 不称职 → not nominated again: %s', (raters, unfit, excluded) => {
    expect(isUnfit(unfit, raters, third)).toBe(excluded);
  });
  test('a configured threshold of 1/2', () => {
    expect(isUnfit(15, 30, { numerator: 1, denominator: 2 })).toBe(false);
    expect(isUnfit(16, 30, { numerator: 1, denominator: 2 })).toBe(true);
  });
  test('applied to the rated: who is excluded, and more ratings than raters is refused', () => {
    expect(applyUnfitRule({ 张三: [10, 10, 0, 10], 李四: [5, 10, 4, 11] }, 30, rules)).toEqual({ excluded: ['李四'], problems: [] });
    expect(applyUnfitRule({ 张三: [10, 10, 1, 10] }, 30, rules).problems[0]).toContain('多于参加评议的 30 人');
  });
});

describe('recommendation ranking', () => {
  const base: RecommendationInput = {
    organization: [], joint: {}, self: [], memberVoters: 20, staffVoters: 0, seats: 3, excluded: [],
    votes: { 甲: [15, 0], 乙: [14, 0], 丙: [11, 0], 丁: [10, 0], 戊: [12, 0] },
  };
  test('more than half (11 of 20) qualifies, exactly half (10) does not; the top names up to seats + 20%', () => {
    const outcome = rankRecommendation(base, rules);
    expect(outcome.needed).toBe(4);
    expect(outcome.ranked.filter((n) => n.qualified).map((n) => n.name)).toEqual(['甲', '乙', '戊', '丙']);
    expect(outcome.list).toEqual(['甲', '乙', '戊', '丙']);
    expect(outcome.short).toBe(false);
  });
  test('short of qualified names → another round', () => {
    const outcome = rankRecommendation({ ...base, votes: { 甲: [15, 0], 乙: [14, 0], 丙: [11, 0], 丁: [10, 0] } }, rules);
    expect(outcome).toMatchObject({ short: true, list: ['甲', '乙', '丙'] });
  });
  test('a tie at the cut-off keeps every tied name (more candidates is allowed)', () => {
    const outcome = rankRecommendation({ ...base, votes: { 甲: [15, 0], 乙: [14, 0], 丙: [12, 0], 丁: [12, 0], 戊: [12, 0] } }, rules);
    expect(outcome.list).toEqual(['甲', '乙', '丁', '丙', '戊']);
  });
  test('non-member staff votes count with their weight in the score and the base', () => {
    const weighted = { ...rules, sourceWeights: { members: 2, staff: 1 } };
    // base = 20×2 + 10×1 = 50: a score of 26 qualifies, 25 does not
    const outcome = rankRecommendation({ ...base, staffVoters: 10, votes: { 甲: [13, 0], 乙: [12, 1], 丙: [12, 2], 丁: [20, 0] } }, weighted);
    expect(outcome.ranked.map((n) => [n.name, n.score, n.qualified])).toEqual([['丁', 40, true], ['丙', 26, true], ['甲', 26, true], ['乙', 25, false]]);
  });
  test('joint nominations need the minimum of signers; the excluded are never listed; nominations limit the names', () => {
    const outcome = rankRecommendation({ ...base, organization: ['甲'], joint: { 乙: 10, 丙: 9 }, self: ['戊'], excluded: ['戊'] }, rules);
    expect(outcome.invalidJoint).toEqual(['丙']);
    expect(outcome.ranked.map((n) => n.name)).toEqual(['甲', '乙']);
  });
  test('more votes than voters is a problem', () => {
    expect(rankRecommendation({ ...base, votes: { 甲: [21, 0] } }, rules).problems).toHaveLength(1);
  });
});

describe('海选 open ballot: ranks names to a list of seats + 20%', () => {
  const ballot = { shouldAttend: 30, present: 25, ballotsReturned: 25, seats: 5, excluded: [] };
  test('the top 6 names of 5 seats; the excluded and names without votes are left out', () => {
    const votes = { 甲: 20, 乙: 18, 丙: 17, 丁: 15, 戊: 12, 己: 9, 庚: 3, 辛: 0 };
    const outcome = rankOpenBallot({ ...ballot, votes, excluded: ['乙'] }, rules);
    expect(outcome).toMatchObject({ needed: 6, short: false, list: ['甲', '丙', '丁', '戊', '己', '庚'], problems: [] });
  });
  test('fewer names than needed → short; quorum not met → a problem and no list', () => {
    expect(rankOpenBallot({ ...ballot, votes: { 甲: 3, 乙: 2 } }, rules)).toMatchObject({ short: true });
    const outcome = rankOpenBallot({ ...ballot, present: 23, ballotsReturned: 23, votes: { 甲: 20 } }, rules);
    expect(outcome.problems.map((p) => p.code)).toEqual(['quorumNotMet']);
    expect(outcome.list).toEqual([]);
  });
});

const result = (over: Partial<TallyResult>): TallyResult => ({
  valid: true, problems: [], quorumMet: true, ballotsReturned: 10, ballotsValid: 10, ballotsInvalid: 0, votes: {}, threshold: 6,
  elected: [], tiedForLastSeat: [], seatsUnfilled: 0, ...over,
});

describe('the next round after a tally', () => {
  const ballot = { contest: 'committee' as const, seats: 3, candidates: ['甲', '乙', '丙', '丁'] };
  test.each([
    ['invalid round → held again', result({ valid: false, seatsUnfilled: 3 }), { kind: 'invalid' }],
    ['all seats filled → complete', result({ elected: ['甲', '乙', '丙'] }), { kind: 'complete' }],
    ['tie at the last seat → re-vote among the tied', result({ elected: ['甲', '乙'], tiedForLastSeat: ['丙', '丁'], seatsUnfilled: 1 }), { kind: 're-vote', among: ['丙', '丁'], seats: 1 }],
    ['short of qualified → further election among the others', result({ elected: ['甲'], seatsUnfilled: 2 }), { kind: 'unfilled', seats: 2, others: ['乙', '丙', '丁'] }],
  ])('%s', (_name, tally, next) => {
    expect(decideNextRound(tally, ballot)).toEqual(next);
  });
  test('through tallyRound: 2 tied for the last seat', () => {
    const candidates = ['甲', '乙', '丙'];
    const tally = tallyRound({ seats: 2, candidates, shouldAttend: 10, present: 10, ballotsIssued: 10, summary: { returned: 10, invalid: 0, spoiled: 0, votes: { 甲: 8, 乙: 6, 丙: 6 } } });
    expect(decideNextRound(tally, { contest: 'committee', seats: 2, candidates })).toEqual({ kind: 're-vote', among: ['乙', '丙'], seats: 1 });
  });
  test('secretary and deputy may be elected 等额 (no margin); a committee ballot keeps the margin, a re-vote drops it', () => {
    expect(roundTallyRules(rules, { contest: 'secretary', seats: 1, candidates: ['甲'] }).minCandidateMargin).toBe(0);
    expect(roundTallyRules(rules, { contest: 'committee', seats: 3, candidates: [] }).minCandidateMargin).toBe(0.2);
    expect(roundTallyRules(rules, { contest: 'committee', seats: 1, candidates: [], reVote: true }).minCandidateMargin).toBe(0);
    const equal = tallyRound({ seats: 1, candidates: ['甲'], shouldAttend: 10, present: 9, ballotsIssued: 9, summary: { returned: 9, invalid: 0, spoiled: 0, votes: { 甲: 8 } }, rules: roundTallyRules(rules, { contest: 'secretary', seats: 1, candidates: ['甲'] }) });
    expect(equal).toMatchObject({ valid: true, elected: ['甲'] });
  });
});

describe('the meeting\'s choice for unfilled seats', () => {
  const unfilled = { seats: 2, others: ['乙', '丙'] };
  test.each([
    ['further with enough others (2 seats need 3)', 'further', { seats: 2, others: ['乙', '丙', '丁'] }, { votesFor: 0, present: 10 }, true],
    ['further with too few others', 'further', unfilled, { votesFor: 0, present: 10 }, false],
    ['fewer seats with more than half agreeing (6 of 10)', 'fewer', unfilled, { votesFor: 6, present: 10 }, true],
    ['fewer seats with exactly half (5 of 10)', 'fewer', unfilled, { votesFor: 5, present: 10 }, false],
  ] as const)('%s', (_name, decision, seats, vote, ok) => {
    expect(checkSeatsDecision(decision, seats, vote, rules).ok).toBe(ok);
  });
});

describe('election rule sets', () => {
  test('defaults: 5-year committee, 3-year branch, 20%, 1/3, joint 10, notice 7 calendar days', () => {
    expect(rules).toMatchObject({ termYears: { committee: 5, branch: 3, generalBranch: 3 }, candidateMargin: 0.2, unfitThreshold: { numerator: 1, denominator: 3 }, jointNominationMinimum: 10, candidateNotice: { days: 7, unit: 'calendarDays' } });
  });
  test('a local version overrides parts; bad values are refused in Chinese', () => {
    expect(defineElectionRules({ rulesVersion: 'local-1', candidateNotice: { days: 5, unit: 'workingDays' } }).candidateNotice).toEqual({ days: 5, unit: 'workingDays' });
    expect(() => defineElectionRules({ rulesVersion: 'x', unfitThreshold: { numerator: 3, denominator: 3 } })).toThrow(TallyInputError);
    expect(() => defineElectionRules({ rulesVersion: '' })).toThrow(/版本号/);
  });
  test('the announcement to members: 5 working days by default', () => {
    expect(rules.announcement).toEqual({ days: 5, unit: 'workingDays' });
    expect(defineElectionRules({ rulesVersion: 'local-2', announcement: { days: 7, unit: 'calendarDays' } }).announcement).toEqual({ days: 7, unit: 'calendarDays' });
  });
  test.each([
    ['0 days', { days: 0, unit: 'workingDays' }, /announcement\.days/],
    ['1 day', { days: 1, unit: 'workingDays' }, undefined],
    ['30 days', { days: 30, unit: 'calendarDays' }, undefined],
    ['31 days', { days: 31, unit: 'calendarDays' }, /announcement\.days/],
    ['2.5 days', { days: 2.5, unit: 'workingDays' }, /announcement\.days/],
    ['an unknown unit', { days: 5, unit: 'weeks' }, /announcement\.unit/],
  ] as const)('announcement period of %s', (_name, announcement, error) => {
    const define = () => defineElectionRules({ rulesVersion: 'local-3', announcement: announcement as never });
    if (error) expect(define).toThrow(error);
    else expect(define().announcement).toEqual(announcement);
  });
});
