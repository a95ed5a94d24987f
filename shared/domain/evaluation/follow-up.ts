import { addDays } from '../calendar';
import { addMonths } from '../development/dates';
import { dueEvents, nextWake, type WakeEvent } from '../scheduling/next-wake';
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
  /** The improvement talk as recorded on its own (improvement-talk.ts): who talked, what was said. */
  talk?: { date: string; talkers: string; note: string };
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

/** 劝其退党 and 除名 are decided by the general meeting and approved by the higher committee (V12). */
export function isDisposal(outcome: CorrectionOutcome): boolean {
  return outcome === 'advise-withdrawal' || outcome === 'remove';
}

/** A probationary member graded 不合格 is handled in the development case (extension or cancellation), V10. */
export function pointsToDevelopmentCase(grade: Grade, probationary: boolean): boolean {
  return grade === 'unqualified' && probationary;
}

/** The last day an evaluation of `year` should be started by (V11): the end of month `startByMonth` of year + 1. */
export function startDeadline(year: number, rules: Pick<EvaluationRules, 'startByMonth'>): string {
  return addDays(addMonths(`${year + 1}-${String(rules.startByMonth).padStart(2, '0')}-01`, 1), -1);
}

/** Whether an evaluation of `year` not started on `today` is overdue (V11). */
export function startOverdue(year: number, today: string, rules: Pick<EvaluationRules, 'startByMonth'>): boolean {
  return today > startDeadline(year, rules);
}

/** A follow-up due soon or due (V13): the talk not yet recorded, or the 限期改正 not yet reviewed. */
export interface FollowUpReminder {
  personId: string;
  name: string;
  kind: FollowUpKind;
  dueDate: string;
  /** due-soon: within `daysBefore` of the date; due: the date reached (the talk is late, the review can be made). */
  level: 'due-soon' | 'due';
}

export const FOLLOW_UP_REMINDER_DAYS = 7;

/** A follow-up reminder as a wake event of the scheduler (docs/domain/scheduler.md); its key is its marker's sort key. */
export type FollowUpEvent = WakeEvent & { reminder: FollowUpReminder };

type GradeFollowUp = { personId: string; name: string; followUp?: FollowUp; correction?: CorrectionOutcome };

/** A reminder's key: `<personId>#<kind>#<dueDate>#<level>` (the marker that records it as sent). */
export const followUpReminderKey = (r: FollowUpReminder) => `${r.personId}#${r.kind}#${r.dueDate}#${r.level}`;

/**
 * The follow-up reminders as events (docs/domain/evaluation.md, V13): for each improvement talk not recorded and each
 * 限期改正 not reviewed, "due soon" from `daysBefore` days before its date until the day before, "due" from the date on.
 */
export function followUpEvents(grades: readonly GradeFollowUp[], daysBefore = FOLLOW_UP_REMINDER_DAYS): FollowUpEvent[] {
  const events: FollowUpEvent[] = [];
  for (const g of grades) {
    if (!g.followUp || g.followUp.doneOn || g.correction) continue;
    const { kind, dueDate } = g.followUp;
    const soon: FollowUpReminder = { personId: g.personId, name: g.name, kind, dueDate, level: 'due-soon' };
    const due: FollowUpReminder = { ...soon, level: 'due' };
    events.push({ key: followUpReminderKey(soon), from: addDays(dueDate, -daysBefore), until: addDays(dueDate, -1), reminder: soon });
    events.push({ key: followUpReminderKey(due), from: dueDate, reminder: due });
  }
  return events;
}

/** The follow-up reminders of an evaluation on `today`: the events due then (at most one per member). */
export function followUpReminders(grades: readonly GradeFollowUp[], today: string, daysBefore = FOLLOW_UP_REMINDER_DAYS): FollowUpReminder[] {
  return dueEvents(followUpEvents(grades, daysBefore), today, new Set()).map((e) => e.reminder);
}

/**
 * What the scheduler mails for an evaluation (V13): its follow-up events while it is running in its follow-up, within
 * the years the scheduler looks at (the evaluation's year and the two after it, China dates).
 */
export function evaluationFollowUpEvents(evaluation: { status: string; phase: string; year: number; grades?: readonly GradeFollowUp[] }): FollowUpEvent[] {
  if (evaluation.status !== 'running' || evaluation.phase !== 'follow-up') return [];
  const first = `${evaluation.year}-01-01`;
  const last = `${evaluation.year + 2}-12-31`;
  return followUpEvents(evaluation.grades ?? []).map((e) => ({ ...e, from: e.from < first ? first : e.from, until: e.until !== undefined && e.until < last ? e.until : last }));
}

/**
 * The evaluation's wake date on `today` given the reminders sent (`done`: their keys); without them (a change of the
 * evaluation) a lower bound; none once nothing is left.
 */
export function nextFollowUpWake(evaluation: Parameters<typeof evaluationFollowUpEvents>[0], today = '', done: ReadonlySet<string> = new Set()): string | undefined {
  return nextWake(evaluationFollowUpEvents(evaluation), today, done);
}

/** The reminder's text, in Chinese. */
export function followUpReminderText(r: FollowUpReminder): string {
  if (r.kind === 'improvement-talk') {
    return r.level === 'due' ? `${r.name}评定为基本合格，谈心谈话应于 ${r.dueDate} 前完成，至今未登记，请尽快谈话并登记。` : `${r.name}评定为基本合格，谈心谈话应于 ${r.dueDate} 前完成，请及时安排。`;
  }
  return r.level === 'due' ? `${r.name}的限期改正已于 ${r.dueDate} 期满，请组织复查并登记整改结果（已改正 / 劝其退党 / 除名）。` : `${r.name}的限期改正将于 ${r.dueDate} 期满，请提前准备复查。`;
}

/**
 * The overview's warnings of a started evaluation on `today` (V11, V13), in Chinese: the rating still open after the
 * codes' validity from the evaluation date; each talk or 限期改正 past its date and not yet done.
 */
export function evaluationWarnings(evaluation: { phase: string; status: string; date: string; rules: Pick<EvaluationRules, 'codeValidDays'>; grades?: readonly GradeFollowUp[] }, today: string): string[] {
  if (evaluation.status !== 'running') return [];
  const warnings: string[] = [];
  const ratingDue = addDays(evaluation.date, evaluation.rules.codeValidDays);
  if (evaluation.phase === 'rating' && today > ratingDue) warnings.push(`民主评议自 ${evaluation.date} 开始，超过 ${evaluation.rules.codeValidDays} 天仍未结束`);
  if (evaluation.phase === 'follow-up') {
    for (const r of followUpReminders(evaluation.grades ?? [], today).filter((x) => x.level === 'due')) {
      warnings.push(r.kind === 'improvement-talk' ? `${r.name}的谈心谈话已超过期限（${r.dueDate}）` : `${r.name}的限期改正已于 ${r.dueDate} 期满，待复查`);
    }
  }
  return warnings;
}
