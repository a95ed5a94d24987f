import {
  DEFAULT_ELECTION_RULES, ELECTION_RULES_1990, ELECTION_RULE_SETS, decideNextRound, defineElectionRules, roundTallyRules, ruleSetLabel,
  tallyRound, tallyRulesOf, type ElectionRuleSet,
} from '../../../../shared/domain/election';

// The two rule sets shipped by name (docs/domain/elections.md, E12), each at the boundaries where they differ (E3
// quorum, E5 majority) and where they agree (E6 the tie re-vote by most votes).

const SETS = [['2020', DEFAULT_ELECTION_RULES], ['1990', ELECTION_RULES_1990]] as const;

function committeeRound(rules: ElectionRuleSet, shouldAttend: number, present: number, votes: Record<string, number>) {
  const candidates = Object.keys(votes);
  return tallyRound({
    seats: 1, candidates, shouldAttend, present, ballotsIssued: present,
    summary: { returned: present, invalid: 0, spoiled: 0, votes },
    rules: { ...tallyRulesOf(rules), minCandidateMargin: 0 },
  });
}

function reVote(rules: ElectionRuleSet, shouldAttend: number, present: number, votes: Record<string, number>, seats = 1) {
  const candidates = Object.keys(votes);
  const ballot = { contest: 'committee' as const, seats, candidates, reVote: true };
  const result = tallyRound({
    seats, candidates, shouldAttend, present, ballotsIssued: present, reVote: true,
    summary: { returned: present, invalid: 0, spoiled: 0, votes },
    rules: roundTallyRules(rules, ballot),
  });
  return { result, next: decideNextRound(result, ballot) };
}

describe('two rule sets by name: 2020 条例 (the default) and 1990 暂行条例', () => {
  test('both are stored versions; 2020 is the default; each carries its name', () => {
    expect(Object.keys(ELECTION_RULE_SETS).sort()).toEqual(['1990', '2020']);
    expect(ELECTION_RULE_SETS['2020']).toBe(DEFAULT_ELECTION_RULES);
    expect(ruleSetLabel(DEFAULT_ELECTION_RULES)).toBe('2020 条例');
    expect(ruleSetLabel(ELECTION_RULES_1990)).toBe('1990 暂行条例');
    expect(ELECTION_RULES_1990).toMatchObject({ quorum: 'moreThanFourFifths', majorityBase: 'present', tieReVote: 'mostVotes', candidateMargin: 0.2 });
    expect(DEFAULT_ELECTION_RULES).toMatchObject({ quorum: 'atLeastFourFifths', majorityBase: 'shouldAttend', tieReVote: 'mostVotes' });
  });
  test('a set stored without a name shows its version', () => {
    expect(ruleSetLabel({ rulesVersion: 'local-1' })).toBe('第 local-1 版');
    expect(ruleSetLabel({ rulesVersion: '2020' })).toBe('2020 条例');
  });
});

describe('E3 quorum at exactly 4/5 present: 2020 at least (不少于), 1990 more than (超过)', () => {
  test.each([
    // shouldAttend, present, 2020 met, 1990 met
    [10, 7, false, false],
    [10, 8, true, false],
    [10, 9, true, true],
    [12, 9, false, false],
    [12, 10, true, true],
    [5, 4, true, false],
    [5, 5, true, true],
  ])('应到 %i, 实到 %i → 2020 %s, 1990 %s', (shouldAttend, present, met2020, met1990) => {
    const [r2020, r1990] = SETS.map(([, rules]) => committeeRound(rules, shouldAttend, present, { 甲: present, 乙: 0 }));
    expect([r2020.quorumMet, r1990.quorumMet]).toEqual([met2020, met1990]);
    expect([r2020.valid, r1990.valid]).toEqual([met2020, met1990]);
  });
});

describe('E5 elected with more than half: 2020 of should-attend, 1990 of those present', () => {
  test.each([
    // shouldAttend, present, votes of 甲, elected under 2020, elected under 1990
    ['exactly half of should-attend (5 of 10), more than half of present (9)', 10, 9, 5, false, true],
    ['one more than half of should-attend', 10, 9, 6, true, true],
    ['exactly half of present (5 of 10)', 12, 10, 5, false, false],
    ['one more than half of present, exactly half of should-attend (6 of 12)', 12, 10, 6, false, true],
    ['one more than half of should-attend (7 of 12)', 12, 10, 7, true, true],
  ])('%s', (_name, shouldAttend, present, votes, in2020, in1990) => {
    const [r2020, r1990] = SETS.map(([, rules]) => committeeRound(rules, shouldAttend, present, { 甲: votes, 乙: 0 }));
    expect([r2020.elected.includes('甲'), r1990.elected.includes('甲')]).toEqual([in2020, in1990]);
  });
});

describe('E6 the re-vote among the tied: most votes elects, no second majority test (both sets)', () => {
  test.each(SETS)('%s: a re-vote 5–4 of 10 present with one abstention elects the 5', (_version, rules) => {
    const { result, next } = reVote(rules, 10, 10, { 王芳: 5, 李娜: 4 });
    expect(result).toMatchObject({ valid: true, elected: ['王芳'], tiedForLastSeat: [], byMostVotes: true, seatsUnfilled: 0 });
    expect(next).toEqual({ kind: 'complete' });
  });
  test.each(SETS)('%s: a re-vote 3–1 with six abstentions still elects the 3', (_version, rules) => {
    expect(reVote(rules, 10, 10, { 王芳: 1, 李娜: 3 }).result.elected).toEqual(['李娜']);
  });
  test.each(SETS)('%s: a re-vote tied again (4–4) → another re-vote among the same names', (_version, rules) => {
    const { result, next } = reVote(rules, 10, 10, { 王芳: 4, 李娜: 4 });
    expect(result).toMatchObject({ elected: [], tiedForLastSeat: ['王芳', '李娜'], seatsUnfilled: 1 });
    expect(next).toEqual({ kind: 're-vote', among: ['王芳', '李娜'], seats: 1 });
  });
  test.each(SETS)('%s: everyone abstains (0–0) → another re-vote, nobody elected with no votes', (_version, rules) => {
    expect(reVote(rules, 10, 10, { 王芳: 0, 李娜: 0 }).next).toEqual({ kind: 're-vote', among: ['王芳', '李娜'], seats: 1 });
  });
  test.each(SETS)('%s: three tied for two seats, 6–2–2 → the 6 elected, a re-vote between the two for the last seat', (_version, rules) => {
    const { result, next } = reVote(rules, 10, 10, { 甲: 6, 乙: 2, 丙: 2 }, 2);
    expect(result.elected).toEqual(['甲']);
    expect(next).toEqual({ kind: 're-vote', among: ['乙', '丙'], seats: 1 });
  });
  test.each(SETS)('%s: a re-vote without a quorum is not valid', (_version, rules) => {
    expect(reVote(rules, 10, 7, { 王芳: 5, 李娜: 2 }).result).toMatchObject({ valid: false, elected: [] });
  });
  test('a local rule set may keep the majority test for the re-vote: then 5–4 of 10 elects no one', () => {
    const local = defineElectionRules({ rulesVersion: 'local-majority', tieReVote: 'majority' });
    const { result, next } = reVote(local, 10, 10, { 王芳: 5, 李娜: 4 });
    expect(result).toMatchObject({ elected: [], threshold: 6 });
    expect(result.byMostVotes).toBeUndefined();
    expect(next.kind).toBe('unfilled');
  });
  test('rules stored before the setting existed follow the regulation (most votes)', () => {
    const stored = { ...DEFAULT_ELECTION_RULES, tieReVote: undefined } as unknown as ElectionRuleSet;
    expect(roundTallyRules(stored, { contest: 'committee', seats: 1, candidates: [], reVote: true }).tieReVote).toBe('mostVotes');
  });
  test('a write-in in a re-vote counts for no one: only the tied can be elected', () => {
    const result = tallyRound({
      seats: 1, candidates: ['王芳', '李娜'], shouldAttend: 10, present: 10, ballotsIssued: 10, reVote: true,
      summary: { returned: 10, invalid: 0, spoiled: 0, votes: { 王芳: 3, 李娜: 2, 张伟: 5 } },
    });
    expect(result).toMatchObject({ elected: ['王芳'], votes: { 王芳: 3, 李娜: 2 }, ineligible: { 张伟: 5 } });
  });
  test('a re-vote needs more tied names than seats left', () => {
    expect(() => tallyRound({ seats: 1, candidates: ['王芳'], shouldAttend: 10, present: 10, ballotsIssued: 10, reVote: true, summary: { returned: 10, invalid: 0, spoiled: 0, votes: {} } })).toThrow(/再次投票/);
  });
});
