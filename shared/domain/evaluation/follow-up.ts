import { addDays } from '../calendar';
import { addMonths } from '../development/dates';
import type { Grade } from './grades';
import type { EvaluationRules } from './rule-set';

export type FollowUpKind = 'improvement-talk' | 'correction';

export const FOLLOW_UP_LABELS: Record<FollowUpKind, string> = { 'improvement-talk': '谈心谈话、督促改进', correction: '限期改正' };

export interface FollowUp {
  kind: FollowUpKind;
  /** The last day (YYYY-MM-DD): the talk recorded by it, or the correction reviewed on it. */
  dueDate: string;
  /** The improvement talk's date, once recorded. */
  doneOn?: string;
}

/**
 * What a grade asks after publication (docs/domain/evaluation.md, V10): 基本合格 an improvement talk within
 * `improvementTalkMonths`; 不合格 限期改正 for `correctionMonths`, reviewed at its deadline — except a probationary
 * member, who is handled through the development case (extension or cancellation), not here; others nothing.
 */
export function followUpFor(grade: Grade, probationary: boolean, publishedOn: string, rules: Pick<EvaluationRules, 'improvementTalkMonths' | 'correctionMonths'>): FollowUp | undefined {
  if (grade === 'basic') return { kind: 'improvement-talk', dueDate: addMonths(publishedOn, rules.improvementTalkMonths) };
  if (grade === 'unqualified' && !probationary) return { kind: 'correction', dueDate: addMonths(publishedOn, rules.correctionMonths) };
  return undefined;
}

/** The outcome of a 限期改正 review: corrected, or 劝其退党 / 除名 (those by general meeting and higher approval). */
export type CorrectionOutcome = 'corrected' | 'advise-withdrawal' | 'remove';

export const CORRECTION_OUTCOME_LABELS: Record<CorrectionOutcome, string> = { corrected: '已改正', 'advise-withdrawal': '劝其退党', remove: '除名' };

/** The last day an evaluation of `year` should be started by (V11): the end of month `startByMonth` of year + 1. */
export function startDeadline(year: number, rules: Pick<EvaluationRules, 'startByMonth'>): string {
  return addDays(addMonths(`${year + 1}-${String(rules.startByMonth).padStart(2, '0')}-01`, 1), -1);
}

/** Whether an evaluation of `year` not started on `today` is overdue (V11). */
export function startOverdue(year: number, today: string, rules: Pick<EvaluationRules, 'startByMonth'>): boolean {
  return today > startDeadline(year, rules);
}
