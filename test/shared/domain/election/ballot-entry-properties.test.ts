import fc from 'fast-check';
import { countBallots, reconcileRound, tallyChecked, tallyRound, type RoundContext } from '../../../../shared/domain/election';

const POOL = ['张一', '李二', '王三', '赵四', '刘五', '陈六'];

const roundArbitrary = fc.record({
  seats: fc.integer({ min: 1, max: 4 }),
  ballots: fc.array(
    fc.oneof({ weight: 1, arbitrary: fc.constant<'spoiled'>('spoiled') }, { weight: 8, arbitrary: fc.uniqueArray(fc.constantFrom(...POOL), { maxLength: 5 }) }),
    { maxLength: 30 },
  ),
});

const contextFor = (seats: number, returned: number): RoundContext => ({
  seats,
  candidates: POOL.slice(0, seats + 2),
  shouldAttend: Math.max(1, returned),
  present: returned,
  ballotsIssued: returned,
});

/** The counters' sheet for these ballots, as an honest counter would write it. */
function sheetOf(ballots: (string[] | 'spoiled')[], seats: number) {
  const c = countBallots(ballots, seats);
  return { returned: c.returned, valid: c.valid, invalid: c.invalid, spoiled: c.spoiled, votes: Object.fromEntries(c.votes) };
}

describe('reconcileRound: properties', () => {
  test('ballots with an honest sheet reconcile, and both modes tally the same', () => {
    fc.assert(
      fc.property(roundArbitrary, ({ seats, ballots }) => {
        const context = contextFor(seats, ballots.length);
        const sheet = sheetOf(ballots, seats);
        const byBallot = reconcileRound({ mode: 'ballots', ballots, sheet }, context);
        const bySummary = reconcileRound({ mode: 'summary', ...sheet }, context);
        expect(byBallot.ok && bySummary.ok).toBe(true);
        if (!byBallot.ok || !bySummary.ok) return;
        expect(byBallot.totals).toEqual(bySummary.totals);
        expect(tallyChecked(byBallot.input)).toEqual(tallyChecked(bySummary.input));
        const { valid: _valid, ...summary } = sheet;
        expect(tallyChecked(bySummary.input)).toEqual(tallyRound({ ...context, summary }));
      }),
      { numRuns: 300 },
    );
  });

  test('a sheet with any one number off by one never reconciles', () => {
    fc.assert(
      fc.property(roundArbitrary, fc.constantFrom('returned', 'invalid', 'spoiled', 'vote'), fc.constantFrom(1, -1), ({ seats, ballots }, which, delta) => {
        const sheet = sheetOf(ballots, seats);
        if (which === 'vote') {
          const name = POOL[ballots.length % POOL.length];
          sheet.votes = { ...sheet.votes, [name]: (sheet.votes[name] ?? 0) + delta };
        } else sheet[which] += delta;
        const result = reconcileRound({ mode: 'ballots', ballots, sheet: { ...sheet, valid: undefined } }, contextFor(seats, ballots.length));
        expect(result.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  test('whatever comes in, it returns problems or a tally input that tallies, and never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({
            mode: fc.constantFrom('summary', 'ballots'),
            returned: fc.integer({ min: -2, max: 20 }),
            invalid: fc.integer({ min: -1, max: 10 }),
            spoiled: fc.integer({ min: 0, max: 10 }),
            votes: fc.dictionary(fc.constantFrom(...POOL, ' ', '张一 '), fc.integer({ min: 0, max: 25 })),
          }),
        ),
        fc.integer({ min: 1, max: 4 }),
        (entry, seats) => {
          const result = reconcileRound(entry, contextFor(seats, 20));
          if (result.ok) {
            const tally = tallyChecked(result.input);
            expect(result.totals.valid).toBe(result.totals.returned - result.totals.invalid - result.totals.spoiled);
            for (const n of Object.values(result.totals.votes)) expect(n).toBeLessThanOrEqual(result.totals.valid);
            expect(tally.ballotsValid).toBe(result.totals.valid);
          } else {
            expect(result.problems.length).toBeGreaterThan(0);
            for (const p of result.problems) expect(p.message).toMatch(/[\u4e00-\u9fff]/);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
