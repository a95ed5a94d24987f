import fc from 'fast-check';
import { addSheets, emptyRatingCounts, GRADES, tallyEvaluation, type RatingSheet } from '../../../../shared/domain/evaluation';

const MEMBERS = ['a', 'b', 'c', 'd'].map((personId) => ({ personId, name: personId }));

const sheetArbitrary: fc.Arbitrary<RatingSheet> = fc.record({
  raterKind: fc.constantFrom('member' as const, 'member' as const, 'mass' as const),
  grades: fc.record(Object.fromEntries(MEMBERS.map((m) => [m.personId, fc.constantFrom(...GRADES)]))),
});

describe('the tally (V5) as an invariant', () => {
  test('does not depend on the order the ratings came in, nor on how they were split into submissions', () => {
    const withPermutation = fc.array(sheetArbitrary, { maxLength: 40 }).chain((sheets) => fc.tuple(fc.constant(sheets), fc.shuffledSubarray(sheets, { minLength: sheets.length })));
    fc.assert(fc.property(withPermutation, fc.nat(), fc.constantFrom(0, 0.5, 1), ([sheets, shuffled], seed, weight) => {
      const cut = sheets.length ? seed % sheets.length : 0;
      const inOrder = tallyEvaluation(MEMBERS, addSheets(emptyRatingCounts(), sheets), weight);
      const reordered = tallyEvaluation(MEMBERS, addSheets(addSheets(emptyRatingCounts(), shuffled.slice(0, cut)), shuffled.slice(cut)), weight);
      expect(reordered).toEqual(inOrder);
    }));
  });
  test('per member, the grades of each kind add up to the sheets that kind returned', () => {
    fc.assert(fc.property(fc.array(sheetArbitrary, { maxLength: 40 }), (sheets) => {
      for (const member of tallyEvaluation(MEMBERS, addSheets(emptyRatingCounts(), sheets), 0)) {
        for (const kind of [member.member, member.mass]) expect(GRADES.reduce((s, g) => s + kind.counts[g], 0)).toBe(kind.returned);
      }
    }));
  });
});
