import { AssessmentRuleError } from './errors';
import type { AdjustmentItem, Indicator, SchemeSettings } from './types';

/** Scores are kept to one decimal (half points are common in the circulars). */
export const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * A reviewer's score for an indicator (A11): a number from 0 to the indicator's max, at most one decimal; for a
 * done-or-not indicator only 0 or the max. Above the max is refused, never cut down.
 */
export function checkIndicatorScore(indicator: Indicator, score: number): number {
  if (!Number.isFinite(score) || score < 0) throw new AssessmentRuleError(`“${indicator.name}”的得分须为 0 或正数。`, indicator.key);
  if (round1(score) !== score) throw new AssessmentRuleError(`“${indicator.name}”的得分最多保留一位小数。`, indicator.key);
  if (score > indicator.maxPoints) throw new AssessmentRuleError(`“${indicator.name}”满分 ${indicator.maxPoints} 分，得分 ${score} 超过满分，请改正。`, indicator.key);
  if (indicator.scoring === 'done' && score !== 0 && score !== indicator.maxPoints) {
    throw new AssessmentRuleError(`“${indicator.name}”按完成与否计分：完成得 ${indicator.maxPoints} 分，未完成得 0 分。`, indicator.key);
  }
  return score;
}

/** Points of a per-count indicator (A4): count × points per count, never above the max. */
export function countScore(indicator: Indicator, count: number): number {
  if (!Number.isInteger(count) || count < 0) throw new AssessmentRuleError(`“${indicator.name}”的次数须为 0 或正整数。`, indicator.key);
  return Math.min(indicator.maxPoints, round1(count * (indicator.pointsPerCount ?? 1)));
}

/** The score the review form proposes from the report (A11): done → max, a count → its points; graded: none. */
export function proposedScore(indicator: Indicator, value: string | undefined): number | undefined {
  if (indicator.scoring === 'done') return value === 'done' ? indicator.maxPoints : value === 'not-done' ? 0 : undefined;
  if (indicator.scoring === 'count' && value !== undefined && /^\d+$/.test(value)) return countScore(indicator, Number(value));
  return undefined;
}

/** A period's score (A8): the indicators' scores, less the late deduction when the report was late; never below 0. */
export function periodScore(scores: readonly number[], late: boolean, settings: Pick<SchemeSettings, 'lateDeduction'>): number {
  const sum = scores.reduce((total, score) => total + score, 0);
  return Math.max(0, round1(sum - (late ? settings.lateDeduction : 0)));
}

/**
 * A bonus or deduction entered for an organization (A13): positive, and the item's total for the year with it stays
 * within the item's cap; beyond the cap it is refused, never cut down.
 */
export function checkAdjustment(item: AdjustmentItem, alreadyThisYear: number, points: number): number {
  if (!Number.isFinite(points) || points <= 0 || round1(points) !== points) {
    throw new AssessmentRuleError(`“${item.name}”的分值须为正数，最多一位小数。`, 'points');
  }
  if (round1(alreadyThisYear + points) > item.cap) {
    throw new AssessmentRuleError(`“${item.name}”全年最多 ${item.cap} 分，已记 ${alreadyThisYear} 分，本次最多还可记 ${round1(item.cap - alreadyThisYear)} 分。`, 'points');
  }
  return points;
}

/** The year's bonus less deductions (A13): each item's entries summed, each item within its cap. */
export function adjustmentBalance(items: readonly AdjustmentItem[], entries: readonly { itemKey: string; points: number }[]): number {
  let balance = 0;
  for (const item of items) {
    const total = Math.min(item.cap, entries.filter((entry) => entry.itemKey === item.key).reduce((sum, entry) => sum + entry.points, 0));
    balance += item.kind === 'bonus' ? total : -total;
  }
  return round1(balance);
}

/**
 * The review's scores as entered (A8, A11): every indicator of the report needs a number within its max. Answers the
 * scores and the period score (late deduction applied), or the message of every field in error (`score_<key>`).
 */
export function reviewScores(indicators: readonly Indicator[], entered: Readonly<Record<string, string>>, late: boolean, settings: Pick<SchemeSettings, 'lateDeduction'>):
  { scores: Record<string, number>; score: number; errors?: undefined } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const scores: Record<string, number> = {};
  for (const indicator of indicators) {
    const raw = (entered[indicator.key] ?? '').trim();
    if (!raw || Number.isNaN(Number(raw))) {
      errors[`score_${indicator.key}`] = `请填写“${indicator.name}”的得分（0 至 ${indicator.maxPoints} 分）。`;
      continue;
    }
    try {
      scores[indicator.key] = checkIndicatorScore(indicator, Number(raw));
    } catch (error) {
      if (!(error instanceof AssessmentRuleError)) throw error;
      errors[`score_${indicator.key}`] = error.message;
    }
  }
  if (Object.keys(errors).length > 0) return { errors };
  return { scores, score: periodScore(Object.values(scores), late, settings) };
}
