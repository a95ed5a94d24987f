import fc from 'fast-check';
import {
  AssessmentRuleError, checkAdjustmentEntry, checkReviewScore, checkYearEnded, DEFAULT_ADJUSTMENTS, DEFAULT_SETTINGS, schemeAtYearEnd, yearEndResultOf, yearEndResults,
  type YearEndFacts,
} from '../../../../shared/domain/assessment';

const facts = (over: Partial<YearEndFacts> = {}): YearEndFacts => ({
  orgId: 'b1', orgName: '办公室党支部', reports: [{ status: 'scored', score: 9, fullMarks: 10 }], adjustments: [], reviewScore: 90, ...over,
});

describe('the 述职评议 score (A12): 0 to 100, one decimal', () => {
  test.each([[0, true], [-0.1, false], [100, true], [100.1, false], [85.5, true], [85.55, false], [Number.NaN, false]])('%d accepted %s', (score, accepted) => {
    if (accepted) expect(checkReviewScore('办公室党支部', score)).toBe(score);
    else expect(() => checkReviewScore('办公室党支部', score)).toThrow('“办公室党支部”的述职评议得分须在 0 至 100 分之间，最多一位小数。');
  });
});

describe('the year end starts once the year is over (China time)', () => {
  test.each([['2026-12-31T15:59:59.999Z', false], ['2026-12-31T16:00:00.000Z', true], ['2027-03-01T00:00:00.000Z', true]])('at %s: allowed %s', (now, allowed) => {
    if (allowed) expect(() => checkYearEnded(2026, new Date(now))).not.toThrow();
    else expect(() => checkYearEnded(2026, new Date(now))).toThrow(AssessmentRuleError);
  });
});

describe('one organization’s total and grade (A12–A15)', () => {
  test.each([
    // reports, adjustments, 述职评议, weights → period %, total, grade
    [[{ status: 'scored', score: 9, fullMarks: 10 }], [], 90, [80, 20], 90, 90, '好'],
    [[{ status: 'scored', score: 9, fullMarks: 10 }], [], 89.5, [80, 20], 90, 89.9, '较好'],
    [[{ status: 'scored', score: 9, fullMarks: 10 }, { status: 'open', fullMarks: 10 }], [], 100, [80, 20], 45, 56, '差'],
    [[{ status: 'scored', score: 8, fullMarks: 10 }], [{ itemKey: 'B1', points: 3 }, { itemKey: 'B1', points: 1 }], 80, [80, 20], 80, 82.4, '较好'], // the bonus capped at 3
    [[{ status: 'scored', score: 8, fullMarks: 10 }], [{ itemKey: 'D1', points: 2 }], 0, [100, 0], 80, 78, '一般'],
    [[{ status: 'scored', score: 6, fullMarks: 10 }], [], 60, [50, 50], 60, 60, '一般'],
    [[{ status: 'scored', score: 5.9, fullMarks: 10 }], [], 59.9, [50, 50], 59, 59.5, '差'],
  ] as const)('%j %j 述职 %d weights %j → %d%%, %d, %s', (reports, adjustments, reviewScore, [periodWeight, reviewWeight], percent, total, grade) => {
    const result = yearEndResultOf(facts({ reports: [...reports], adjustments: [...adjustments], reviewScore }), DEFAULT_ADJUSTMENTS, { ...DEFAULT_SETTINGS, periodWeight, reviewWeight });
    expect(result).toMatchObject({ periodPercent: percent, total, grade, advancedCandidate: grade === '好' });
  });

  test('no 述职评议 score yet: nothing to work out; the whole year end refused naming who is missing', () => {
    expect(yearEndResultOf(facts({ reviewScore: undefined }), DEFAULT_ADJUSTMENTS, DEFAULT_SETTINGS)).toBeUndefined();
    expect(() => yearEndResults([facts(), facts({ orgId: 'b2', orgName: '财务处党支部', reviewScore: undefined })], DEFAULT_ADJUSTMENTS, DEFAULT_SETTINGS))
      .toThrow('请先评定以下组织的述职评议得分：财务处党支部。');
  });

  test('the total stays within 0 and 100 plus the bonus caps, whatever the parts', () => {
    const bonusCap = DEFAULT_ADJUSTMENTS.filter((i) => i.kind === 'bonus').reduce((sum, i) => sum + i.cap, 0);
    fc.assert(fc.property(
      fc.array(fc.record({ score: fc.integer({ min: 0, max: 10 }), scored: fc.boolean() }), { minLength: 1 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }),
      fc.array(fc.record({ itemKey: fc.constantFrom('B1', 'B2', 'D1', 'D2'), points: fc.integer({ min: 1, max: 5 }) })),
      (reports, reviewScore, periodWeight, adjustments) => {
        const result = yearEndResultOf(facts({ reports: reports.map((r) => ({ status: r.scored ? 'scored' : 'open', score: r.score, fullMarks: 10 })), adjustments, reviewScore }), DEFAULT_ADJUSTMENTS, { ...DEFAULT_SETTINGS, periodWeight, reviewWeight: 100 - periodWeight })!;
        return result.total >= 0 && result.total <= 100 + bonusCap;
      },
    ));
  });

  test('ranked highest total first', () => {
    const results = yearEndResults([facts({ reviewScore: 60 }), facts({ orgId: 'b2', orgName: '财务处党支部', reviewScore: 95 })], DEFAULT_ADJUSTMENTS, DEFAULT_SETTINGS);
    expect(results.map((r) => r.orgName)).toEqual(['财务处党支部', '办公室党支部']);
  });
});

describe('a bonus or deduction entry (A13)', () => {
  test.each([
    [[], 'B1', 3, '获上级表彰', true], [[], 'B1', 3.1, '获上级表彰', false], [[{ itemKey: 'B1', points: 2.5 }], 'B1', 0.5, '获上级表彰', true],
    [[{ itemKey: 'B1', points: 2.5 }], 'B1', 0.6, '获上级表彰', false], [[], 'X9', 1, '获上级表彰', false], [[], 'D1', 1, '批评', false], [[], 'D1', 1, '通报批评', true],
  ])('existing %j, %s %d, reason %s: accepted %s', (existing, itemKey, points, reason, accepted) => {
    const check = () => checkAdjustmentEntry(DEFAULT_ADJUSTMENTS, existing, { itemKey, points, reason });
    if (accepted) expect(check()).toMatchObject({ points, item: { key: itemKey } });
    else expect(check).toThrow(AssessmentRuleError);
  });
});

test('the year end uses the latest published version', () => {
  expect(schemeAtYearEnd([{ status: 'published', version: 1 }, { status: 'published', version: 2 }, { status: 'draft', version: 3 }])?.version).toBe(2);
  expect(schemeAtYearEnd([{ status: 'draft', version: 1 }])).toBeUndefined();
});
