import { AssessmentRuleError } from './errors';
import { round1 } from './scoring';
import type { Grade, GradeThresholds, SchemeSettings } from './types';

/** The period part of the year (A12): the points gained over all scored periods as a percentage of their full marks. */
export function periodPercent(periods: readonly { score: number; fullMarks: number }[]): number {
  const full = periods.reduce((sum, p) => sum + p.fullMarks, 0);
  if (full === 0) return 0;
  return round1((periods.reduce((sum, p) => sum + p.score, 0) / full) * 100);
}

/**
 * The yearly total (A12): (period percentage + bonus − deductions) × the period weight + the 述职评议 score (0..100)
 * × the review weight; weights in percent; never below 0.
 */
export function yearTotal(input: { periodPercent: number; adjustments: number; reviewScore: number }, settings: Pick<SchemeSettings, 'periodWeight' | 'reviewWeight'>): number {
  if (!Number.isFinite(input.reviewScore) || input.reviewScore < 0 || input.reviewScore > 100) {
    throw new AssessmentRuleError('述职评议得分须在 0 至 100 分之间。', 'reviewScore');
  }
  const performance = input.periodPercent + input.adjustments;
  return Math.max(0, round1((performance * settings.periodWeight + input.reviewScore * settings.reviewWeight) / 100));
}

/** The grade of a yearly total (A14): at or above a threshold reaches that grade. */
export function gradeOf(total: number, thresholds: GradeThresholds): Grade {
  if (total >= thresholds.good) return '好';
  if (total >= thresholds.fairlyGood) return '较好';
  if (total >= thresholds.average) return '一般';
  return '差';
}

/** Organizations graded 好 are the candidates for 先进基层党组织 (A15). */
export const isAdvancedCandidate = (grade: Grade) => grade === '好';
