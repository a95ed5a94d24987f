import { AssessmentRuleError } from './errors';
import { adjustmentBalance, checkAdjustment, round1 } from './scoring';
import type { AdjustmentItem, Grade, SchemeSettings } from './types';
import { gradeOf, isAdvancedCandidate, periodPercent, yearTotal } from './year-end';

/** A bonus or deduction entered for an organization (A13): the item, the points, why, the evidence, by whom. */
export interface AdjustmentEntry {
  id: string;
  itemKey: string;
  points: number;
  reason: string;
  evidence: { name: string }[];
  periodKey?: string;
  at: string;
  byName: string;
}

/** What the year end of one organization is worked out from (gathered by the service, one read each). */
export interface YearEndFacts {
  orgId: string;
  orgName: string;
  /** Every report of the year: a report not scored counts 0 of its full marks (A12). */
  reports: { status: string; score?: number; fullMarks: number }[];
  adjustments: Pick<AdjustmentEntry, 'itemKey' | 'points'>[];
  /** The 述职评议 score of the secretary's report (0–100), once rated. */
  reviewScore?: number;
}

/** One organization's year end (A12, A14, A15). */
export interface YearEndResult {
  orgId: string;
  orgName: string;
  periodPercent: number;
  adjustments: number;
  reviewScore: number;
  total: number;
  grade: Grade;
  advancedCandidate: boolean;
  /** Reports of the year not scored (counted as 0). */
  unscored: number;
}

/** A 述职评议 score (A12): 0 to 100, at most one decimal. */
export function checkReviewScore(orgName: string, score: number): number {
  if (!Number.isFinite(score) || score < 0 || score > 100 || round1(score) !== score) {
    throw new AssessmentRuleError(`“${orgName}”的述职评议得分须在 0 至 100 分之间，最多一位小数。`);
  }
  return score;
}

/** The year end may start once the year is over (A12): from 00:00 China time on 1 January of the next year. */
export function checkYearEnded(year: number, now: Date): void {
  if (now.getTime() < new Date(`${year + 1}-01-01T00:00:00+08:00`).getTime()) {
    throw new AssessmentRuleError(`${year} 年尚未结束，年终考核自 ${year + 1} 年 1 月 1 日起进行。`);
  }
}

/**
 * One organization's year end (A12–A15) once its 述职评议 score is known: the period part over every report of the
 * year (unscored ones 0), bonuses less deductions within their caps, the 述职评议 score, weighted; the grade by the
 * thresholds; 好 → candidate for 先进基层党组织. Without the score: undefined (nothing to work out yet).
 */
export function yearEndResultOf(f: YearEndFacts, items: readonly AdjustmentItem[], settings: Pick<SchemeSettings, 'periodWeight' | 'reviewWeight' | 'grades'>): YearEndResult | undefined {
  if (f.reviewScore === undefined) return undefined;
  const percent = periodPercent(f.reports.map((r) => ({ score: r.status === 'scored' ? r.score ?? 0 : 0, fullMarks: r.fullMarks })));
  const adjustments = adjustmentBalance(items, f.adjustments);
  const reviewScore = checkReviewScore(f.orgName, f.reviewScore);
  const total = yearTotal({ periodPercent: percent, adjustments, reviewScore }, settings);
  const grade = gradeOf(total, settings.grades);
  return {
    orgId: f.orgId, orgName: f.orgName, periodPercent: percent, adjustments, reviewScore, total, grade,
    advancedCandidate: isAdvancedCandidate(grade), unscored: f.reports.filter((r) => r.status !== 'scored').length,
  };
}

/**
 * The year end of every organization (A12–A15), highest total first. Every organization needs its 述职评议 score:
 * refused naming those missing.
 */
export function yearEndResults(facts: readonly YearEndFacts[], items: readonly AdjustmentItem[], settings: Pick<SchemeSettings, 'periodWeight' | 'reviewWeight' | 'grades'>): YearEndResult[] {
  const missing = facts.filter((f) => f.reviewScore === undefined).map((f) => f.orgName);
  if (missing.length > 0) throw new AssessmentRuleError(`请先评定以下组织的述职评议得分：${missing.join('、')}。`, 'reviewScore');
  if (facts.length === 0) throw new AssessmentRuleError('本年度没有被考核的组织。');
  return facts.map((f) => yearEndResultOf(f, items, settings) as YearEndResult)
    .sort((a, b) => b.total - a.total || a.orgName.localeCompare(b.orgName, 'zh-Hans-CN'));
}

/** The version whose items and settings the year end uses (A3, A12): the latest published version of the year. */
export function schemeAtYearEnd<T extends { status: string; version: number }>(versions: readonly T[]): T | undefined {
  return versions.filter((v) => v.status === 'published').sort((a, b) => b.version - a.version)[0];
}

/**
 * A bonus or deduction entered in review (A13): the item exists, the points keep the item's total within its cap,
 * the reason says why (at least 4 characters). Answers the entry's checked fields.
 */
export function checkAdjustmentEntry(items: readonly AdjustmentItem[], existing: readonly Pick<AdjustmentEntry, 'itemKey' | 'points'>[], entry: { itemKey: string; points: number; reason: string }): { item: AdjustmentItem; points: number; reason: string } {
  const item = items.find((i) => i.key === entry.itemKey);
  if (!item) throw new AssessmentRuleError('请选择加分或减分项目。', 'itemKey');
  const already = round1(existing.filter((e) => e.itemKey === item.key).reduce((sum, e) => sum + e.points, 0));
  const points = checkAdjustment(item, already, entry.points);
  const reason = entry.reason.trim();
  if (reason.length < 4) throw new AssessmentRuleError('请写明加分或减分的事由（至少 4 个字）。', 'reason');
  return { item, points, reason };
}

/** The grades as lines for the approver and the notice: rank order, total, grade; then the 先进基层党组织 candidates. */
export function yearEndLines(results: readonly YearEndResult[]): string[] {
  const candidates = results.filter((r) => r.advancedCandidate).map((r) => r.orgName);
  return [
    ...results.map((r, i) => `${i + 1}. ${r.orgName}　总分 ${r.total}（平时考核 ${r.periodPercent}，加减分 ${r.adjustments >= 0 ? '+' : ''}${r.adjustments}，述职评议 ${r.reviewScore}）　${r.grade}`),
    '', `先进基层党组织推荐对象（评定为“好”）：${candidates.length > 0 ? candidates.join('、') : '无'}`,
  ];
}
