import fc from 'fast-check';
import { countBallots, tallyRound, type Ballot, type TallyInput } from '../../../../shared/domain/election';

const POOL = ['张一', '李二', '王三', '赵四', '刘五', '陈六', '杨七', '黄八', '周九', '吴十', '徐十一', '孙十二'];

/** A round: 1–5 seats, mostly valid (quorum met, ballots as issued, candidates enough); candidates from the pool (the rest are write-ins); some ballots spoiled or over-marked. */
const roundArbitrary: fc.Arbitrary<TallyInput> = fc
  .record({
    seats: fc.integer({ min: 1, max: 5 }),
    extraCandidates: fc.integer({ min: 0, max: 4 }),
    shouldAttend: fc.integer({ min: 1, max: 40 }),
    presentShare: fc.oneof(fc.constant(1), fc.double({ min: 0.7, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
    issuedDelta: fc.constantFrom(0, 0, 0, 0, 1, -1),
    quorum: fc.constantFrom('atLeastFourFifths' as const, 'moreThanFourFifths' as const),
    majorityBase: fc.constantFrom('shouldAttend' as const, 'present' as const),
    minCandidateMargin: fc.constantFrom(0, 0.2, 0.2, 0.5),
    ballots: fc.array(
      fc.oneof(
        { weight: 1, arbitrary: fc.constant<Ballot>('spoiled') },
        { weight: 6, arbitrary: fc.uniqueArray(fc.constantFrom(...POOL), { maxLength: 7 }) },
        // slates: the first names of the pool, so that names reach the threshold and tie
        { weight: 10, arbitrary: fc.integer({ min: 1, max: 5 }).map((k) => POOL.slice(0, k)) },
        // pairs of three names, so that they tie
        { weight: 8, arbitrary: fc.constantFrom(['张一', '李二'], ['李二', '王三'], ['张一', '王三']) },
      ),
      { minLength: 20, maxLength: 40 },
    ),
  })
  .map(({ seats, extraCandidates, shouldAttend, presentShare, issuedDelta, quorum, majorityBase, minCandidateMargin, ballots }) => {
    const present = Math.min(shouldAttend, Math.round(presentShare * shouldAttend));
    const returned = ballots.slice(0, present);
    return {
      seats,
      candidates: POOL.slice(0, seats + extraCandidates),
      shouldAttend,
      present,
      // One ballot per voter present at most (E4): more issued than present is refused, not tallied.
      ballotsIssued: Math.min(present, Math.max(0, returned.length + issuedDelta)),
      ballots: returned,
      rules: { quorum, majorityBase, minCandidateMargin },
    };
  });

/** The same ballots as the counters' totals. */
function asSummary(input: TallyInput): TallyInput {
  const ballots = input.ballots ?? [];
  const count = countBallots(ballots, input.seats);
  const { ballots: _ballots, ...rest } = input;
  return { ...rest, summary: { returned: count.returned, invalid: count.invalid, spoiled: count.spoiled, votes: Object.fromEntries(count.votes) } };
}

describe('tallyRound: properties', () => {
  test('the result does not depend on the order of the ballots, nor of the names on a ballot', () => {
    fc.assert(
      fc.property(roundArbitrary, fc.infiniteStream(fc.nat()), (input, seeds) => {
        const key = (ballot: Ballot, i: number) => [seeds.next().value as number, i] as const;
        const shuffled = (input.ballots ?? [])
          .map((ballot, i) => ({ ballot: ballot === 'spoiled' ? ballot : [...ballot].reverse(), key: key(ballot, i) }))
          .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1])
          .map(({ ballot }) => ballot);
        const a = tallyRound(input);
        const b = tallyRound({ ...input, ballots: shuffled });
        expect(b).toEqual(a);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 300 },
    );
  });

  test('elected never exceeds seats; elected + unfilled = seats; a tie elects none of the tied', () => {
    fc.assert(
      fc.property(roundArbitrary, (input) => {
        const result = tallyRound(input);
        expect(result.elected.length).toBeLessThanOrEqual(input.seats);
        expect(result.elected.length + result.seatsUnfilled).toBe(input.seats);
        expect(new Set(result.elected).size).toBe(result.elected.length);
        for (const name of result.tiedForLastSeat) expect(result.elected).not.toContain(name);
        if (result.tiedForLastSeat.length > 0) expect(result.tiedForLastSeat.length).toBeGreaterThan(result.seatsUnfilled);
        if (!result.valid) expect(result.elected).toEqual([]);
        expect(result.valid).toBe(result.problems.length === 0);
      }),
      { numRuns: 500 },
    );
  });

  test('every elected name has more than half of the base (at least `threshold`), and more votes than anyone not elected', () => {
    fc.assert(
      fc.property(roundArbitrary, (input) => {
        const result = tallyRound(input);
        const base = input.rules?.majorityBase === 'present' ? input.present : input.shouldAttend;
        expect(result.threshold).toBe(Math.floor(base / 2) + 1);
        for (const name of result.elected) {
          expect(result.votes[name]).toBeGreaterThanOrEqual(result.threshold);
          expect(result.votes[name] * 2).toBeGreaterThan(base);
        }
        const lowestElected = Math.min(...result.elected.map((name) => result.votes[name]));
        for (const [name, votes] of Object.entries(result.votes)) {
          if (!result.elected.includes(name)) expect(votes).toBeLessThan(lowestElected);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('the summary mode agrees with the ballot mode', () => {
    fc.assert(
      fc.property(roundArbitrary, (input) => {
        expect(tallyRound(asSummary(input))).toEqual(tallyRound(input));
      }),
      { numRuns: 500 },
    );
  });

  test('the ballots add up: returned = valid + invalid + spoiled, and no name has more votes than valid ballots', () => {
    fc.assert(
      fc.property(roundArbitrary, (input) => {
        const result = tallyRound(input);
        const spoiled = (input.ballots ?? []).filter((b) => b === 'spoiled').length;
        expect(result.ballotsReturned).toBe(result.ballotsValid + result.ballotsInvalid + spoiled);
        for (const votes of Object.values(result.votes)) expect(votes).toBeLessThanOrEqual(result.ballotsValid);
      }),
      { numRuns: 300 },
    );
  });
});
