import fc from 'fast-check';
import {
  adjustmentBalance, AssessmentRuleError, checkAdjustment, checkIndicatorScore, countScore, gradeOf, periodPercent, periodScore,
  proposedScore, rankByScore, reviewScores, yearTotal, DEFAULT_SETTINGS, type AdjustmentItem, type Indicator,
} from '../../../../shared/domain/assessment';

const graded: Indicator = { key: 'G', area: '组织建设', name: '组织生活会', maxPoints: 5, frequency: 'yearly', scoring: 'graded', requirement: '情况' };
const done: Indicator = { ...graded, key: 'D', name: '主题党日', maxPoints: 4, scoring: 'done' };
const count: Indicator = { ...graded, key: 'C', name: '三会一课', maxPoints: 6, scoring: 'count', pointsPerCount: 2 };

describe('an indicator score stays within its max (A11)', () => {
  test.each([
    [graded, 0, true], [graded, 4.9, true], [graded, 5, true], [graded, 5.1, false], [graded, -0.1, false], [graded, 4.55, false],
    [done, 0, true], [done, 4, true], [done, 2, false], [done, 4.1, false],
    [count, 6, true], [count, 6.5, false],
  ])('%o scored %d: accepted %s', (indicator, score, accepted) => {
    if (accepted) expect(checkIndicatorScore(indicator, score)).toBe(score);
    else expect(() => checkIndicatorScore(indicator, score)).toThrow(AssessmentRuleError);
  });

  test('above the max, the message names the indicator and its max', () => {
    expect(() => checkIndicatorScore(graded, 6)).toThrow('“组织生活会”满分 5 分，得分 6 超过满分，请改正。');
  });
});

describe('per count with a cap (A4)', () => {
  test.each([[0, 0], [1, 2], [2, 4], [3, 6], [4, 6], [100, 6]])('%i times → %d points', (times, points) => {
    expect(countScore(count, times)).toBe(points);
  });
  test('a negative or fractional count is refused', () => {
    expect(() => countScore(count, -1)).toThrow(AssessmentRuleError);
    expect(() => countScore(count, 1.5)).toThrow(AssessmentRuleError);
  });
  test('the review form proposes done → max, not done → 0, a count → its points, graded → nothing', () => {
    expect([proposedScore(done, 'done'), proposedScore(done, 'not-done'), proposedScore(count, '2'), proposedScore(graded, 'x')]).toEqual([4, 0, 4, undefined]);
  });
});

describe('a period score and the late deduction (A7, A8)', () => {
  test.each([
    [[6, 4], false, 10], [[6, 4], true, 9], [[0.5], true, 0], [[1], true, 0], [[1.1], true, 0.1], [[], false, 0],
  ])('scores %o, late %s → %d', (scores, late, total) => {
    expect(periodScore(scores, late, DEFAULT_SETTINGS)).toBe(total);
  });
  test('never negative, never above the sum', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 100 })), fc.boolean(), fc.integer({ min: 0, max: 20 }), (scores, late, lateDeduction) => {
      const total = periodScore(scores, late, { lateDeduction });
      return total >= 0 && total <= scores.reduce((a, b) => a + b, 0);
    }));
  });
});

describe('bonus and deduction caps (A13)', () => {
  const bonus: AdjustmentItem = { key: 'B1', kind: 'bonus', name: '受到上级表彰', cap: 3 };
  const deduction: AdjustmentItem = { key: 'D1', kind: 'deduction', name: '上级通报批评', cap: 5 };
  test.each([
    [0, 3, true], [0, 3.1, false], [2, 1, true], [2, 1.1, false], [3, 0.1, false], [0, 0, false], [0, -1, false],
  ])('already %d, adding %d: accepted %s', (already, points, accepted) => {
    if (accepted) expect(checkAdjustment(bonus, already, points)).toBe(points);
    else expect(() => checkAdjustment(bonus, already, points)).toThrow(AssessmentRuleError);
  });
  test('the balance adds bonuses and subtracts deductions, each within its cap', () => {
    expect(adjustmentBalance([bonus, deduction], [{ itemKey: 'B1', points: 2 }, { itemKey: 'B1', points: 2 }, { itemKey: 'D1', points: 1.5 }])).toBe(1.5);
  });
});

describe('the year end: weights and grades (A12, A14)', () => {
  test('the period part is the percentage of full marks', () => {
    expect(periodPercent([{ score: 9, fullMarks: 10 }, { score: 18, fullMarks: 20 }])).toBe(90);
    expect(periodPercent([])).toBe(0);
  });
  test.each([
    [90, 0, 100, 80, 20, 92], [90, 2, 80, 80, 20, 89.6], [90, -5, 90, 100, 0, 85], [0, -10, 0, 80, 20, 0],
  ])('periods %d, adjustments %d, 述职评议 %d, weights %d/%d → %d', (percent, adjustments, reviewScore, periodWeight, reviewWeight, total) => {
    expect(yearTotal({ periodPercent: percent, adjustments, reviewScore }, { periodWeight, reviewWeight })).toBe(total);
  });
  test.each([-0.1, 100.1])('a 述职评议 score of %d is refused', (reviewScore) => {
    expect(() => yearTotal({ periodPercent: 90, adjustments: 0, reviewScore }, DEFAULT_SETTINGS)).toThrow(AssessmentRuleError);
  });
  test.each([
    [100, '好'], [90, '好'], [89.9, '较好'], [80, '较好'], [79.9, '一般'], [60, '一般'], [59.9, '差'], [0, '差'],
  ])('%d → %s', (total, grade) => {
    expect(gradeOf(total, DEFAULT_SETTINGS.grades)).toBe(grade);
  });
});

describe('ranking (A16)', () => {
  test('equal scores share a rank and the next skips; equal scores listed by name', () => {
    const ranked = rankByScore([{ name: '乙支部', score: 90 }, { name: '甲支部', score: 95 }, { name: '丙支部', score: 90 }, { name: '丁支部', score: 80 }]);
    expect(ranked.map((r) => [r.rank, r.item.score])).toEqual([[1, 95], [2, 90], [2, 90], [4, 80]]);
  });
  test('ranks never decrease down the list and the first is 1', () => {
    fc.assert(fc.property(fc.array(fc.record({ name: fc.string(), score: fc.integer({ min: 0, max: 100 }) }), { minLength: 1 }), (items) => {
      const ranks = rankByScore(items).map((r) => r.rank);
      return ranks[0] === 1 && ranks.every((rank, i) => i === 0 || rank >= ranks[i - 1]);
    }));
  });
});

describe('a review’s scores as entered (A8, A11): every indicator within its max, the late deduction applied', () => {
  test.each([
    [{ G: '5', D: '4', C: '6' }, false, { score: 15 }],
    [{ G: '5', D: '4', C: '6' }, true, { score: 14 }],
    [{ G: '0', D: '0', C: '0' }, true, { score: 0 }],
    [{ G: '5.1', D: '4', C: '6' }, false, { errors: { score_G: '“组织生活会”满分 5 分，得分 5.1 超过满分，请改正。' } }],
    [{ G: '5', D: '2', C: '' }, false, { errors: { score_D: '“主题党日”按完成与否计分：完成得 4 分，未完成得 0 分。', score_C: '请填写“三会一课”的得分（0 至 6 分）。' } }],
    [{ G: 'abc', D: '4', C: '6' }, false, { errors: { score_G: '请填写“组织生活会”的得分（0 至 5 分）。' } }],
  ])('%j late %s → %j', (entered, late, expected) => {
    expect(reviewScores([graded, done, count], entered, late, DEFAULT_SETTINGS)).toMatchObject(expected);
  });
});
