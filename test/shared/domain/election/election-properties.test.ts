import fc from 'fast-check';
import {
  DEFAULT_ELECTION_RULES, candidateCount, checkSeatsDecision, decideNextRound, isUnfit, rankOpenBallot, rankRecommendation, tallyRound,
} from '../../../../shared/domain/election';

const rules = DEFAULT_ELECTION_RULES;
const NAMES = ['张一', '李二', '王三', '赵四', '刘五', '陈六', '杨七', '黄八', '周九', '吴十'];

test('candidate count: at least 20% more than the seats, and the fewest such whole number', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 500 }), (seats) => {
    const needed = candidateCount(seats, rules);
    expect((needed - seats) * 5).toBeGreaterThanOrEqual(seats);
    expect((needed - 1 - seats) * 5).toBeLessThan(seats);
  }));
});

test('不称职 rule: excluded exactly when 3 × unfit > raters (never at or below a third)', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 300 }), fc.nat(300), (raters, unfitRaw) => {
    const unfit = unfitRaw % (raters + 1);
    expect(isUnfit(unfit, raters, rules.unfitThreshold)).toBe(unfit * 3 > raters);
  }));
});

const votesArbitrary = (max: number) => fc.dictionary(fc.constantFrom(...NAMES), fc.tuple(fc.nat(max), fc.constant(0)), { minKeys: 0, maxKeys: NAMES.length });

test('recommendation: the list is qualified names only, ordered by score, every qualified name above the cut is on it, short iff fewer qualified than needed', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 30 }), votesArbitrary(30), fc.subarray(NAMES), (seats, voters, rawVotes, excluded) => {
    const votes = Object.fromEntries(Object.entries(rawVotes).map(([name, [m]]) => [name, [Math.min(m, voters), 0] as const]));
    const outcome = rankRecommendation({ organization: [], joint: {}, self: [], memberVoters: voters, staffVoters: 0, votes, seats, excluded }, rules);
    const qualified = outcome.ranked.filter((n) => n.qualified);
    for (const nominee of outcome.ranked) expect(nominee.qualified).toBe(nominee.members * 2 > voters);
    for (const name of outcome.list) expect(qualified.some((n) => n.name === name)).toBe(true);
    for (const name of excluded) expect(outcome.list).not.toContain(name);
    expect(outcome.short).toBe(qualified.length < outcome.needed);
    if (!outcome.short) expect(outcome.list.length).toBeGreaterThanOrEqual(outcome.needed);
    const scores = outcome.list.map((name) => votes[name][0]);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const lowest = Math.min(...scores);
    for (const n of qualified) if (n.score > lowest) expect(outcome.list).toContain(n.name);
  }));
});

test('海选 open ballot: a list that is not short has at least seats + 20%, never an excluded name or a name without votes', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 6 }), fc.dictionary(fc.constantFrom(...NAMES), fc.nat(20)), fc.subarray(NAMES), (seats, votes, excluded) => {
    const outcome = rankOpenBallot({ shouldAttend: 20, present: 20, ballotsReturned: 20, votes, seats, excluded }, rules);
    if (!outcome.short) expect(outcome.list.length).toBeGreaterThanOrEqual(candidateCount(seats, rules));
    for (const name of outcome.list) {
      expect(excluded).not.toContain(name);
      expect(votes[name]).toBeGreaterThan(0);
    }
  }));
});

test('next round: complete iff every seat is filled; a re-vote is among more names than its seats; never an elected name among the others', () => {
  fc.assert(fc.property(
    fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 20 }), fc.array(fc.constantFrom(...NAMES.slice(0, 6)), { minLength: 1, maxLength: 6 }), fc.nat(1000),
    (seats, shouldAttend, pool, seed) => {
      const candidates = [...new Set(pool)];
      if (candidates.length < candidateCount(seats, rules)) return;
      const ballots = Array.from({ length: shouldAttend }, (_, i) => candidates.filter((_, j) => ((seed >> ((i + j) % 10)) + i * j) % 3 !== 0).slice(0, seats));
      const result = tallyRound({ seats, candidates, shouldAttend, present: shouldAttend, ballotsIssued: shouldAttend, ballots });
      const next = decideNextRound(result, { contest: 'committee', seats, candidates });
      expect(next.kind === 'complete').toBe(result.valid && result.elected.length === seats);
      if (next.kind === 're-vote') {
        expect(next.among.length).toBeGreaterThan(next.seats);
        expect(next.seats).toBe(seats - result.elected.length);
      }
      if (next.kind === 'unfilled') for (const name of result.elected) expect(next.others).not.toContain(name);
    },
  ));
});

test('fewer seats need strictly more than half of those present', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 200 }), fc.nat(200), (present, votesRaw) => {
    const votesFor = votesRaw % (present + 1);
    const check = checkSeatsDecision('fewer', { seats: 1, others: [] }, { votesFor, present }, rules);
    expect(check.ok).toBe(votesFor * 2 > present);
  }));
});
