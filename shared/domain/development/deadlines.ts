import { addDays, daysBetween } from '../calendar';
import { admissionApprovalDeadlines } from './approval-deadline';
import { requireDate, addMonths } from './dates';
import { cultivationCompleteDate } from './cultivation';
import { currentProbationEndDate } from './conversion';
import { evaluationSchedule } from './evaluations';
import { DEFAULT_RULE_SET, type DevelopmentRuleSet } from './rule-set';
import { talkDueDate } from './talk';

/** The dates a development case has reached so far (YYYY-MM-DD); absent = not yet. */
export interface CaseDates {
  applicationDate: string;
  talkDate?: string;
  activistDate?: string;
  evaluationDates?: readonly string[];
  targetDate?: string;
  admissionMeetingDate?: string;
  admissionApprovalDate?: string;
  /** Probation extensions granted, in months. */
  probationExtensions?: readonly number[];
  conversionMeetingDate?: string;
  conversionApprovalDate?: string;
  /** Set when the case ended early (cancelled, stopped by a founded objection): nothing is due. */
  closedDate?: string;
}

export type DeadlineKind =
  | 'talk-due'
  | 'evaluation-due'
  | 'cultivation-reached'
  | 'admission-approval-due'
  | 'admission-approval-limit'
  | 'probation-end'
  | 'conversion-approval-due';

/** `deadline`: something must be done by the date; `milestone`: from the date something can be done. */
export type DeadlineType = 'deadline' | 'milestone';

export type DeadlineStatus = 'overdue' | 'due-soon' | 'upcoming' | 'reached';

export interface CaseDeadline {
  kind: DeadlineKind;
  type: DeadlineType;
  dueDate: string;
  status: DeadlineStatus;
  /** Days from `asOf` to the due date (negative when past). */
  daysLeft: number;
  message: string;
}

const TYPES: Record<DeadlineKind, DeadlineType> = {
  'talk-due': 'deadline',
  'evaluation-due': 'deadline',
  'cultivation-reached': 'milestone',
  'admission-approval-due': 'deadline',
  'admission-approval-limit': 'deadline',
  'probation-end': 'milestone',
  'conversion-approval-due': 'deadline',
};

/**
 * The warnings (预警) of docs/domain/warnings.md for one case on `asOf`: talk due, half-yearly evaluation due,
 * cultivation year reached, admission approval (3 months, hard stop 6), probation end, conversion
 * approval. A deadline on or before `asOf + dueSoonDays` is due soon, after its day overdue; a
 * milestone on or before `asOf` is reached. Sorted by date.
 */
export function caseDeadlines(dates: CaseDates, asOf: string, rules: DevelopmentRuleSet = DEFAULT_RULE_SET, options: { dueSoonDays?: number } = {}): CaseDeadline[] {
  requireDate(asOf, '日期');
  requireDate(dates.applicationDate, '申请日期');
  if (dates.closedDate !== undefined) return [];
  const dueSoonDays = options.dueSoonDays ?? 14;
  const items: Array<{ kind: DeadlineKind; dueDate: string; message: string }> = [];

  if (dates.talkDate === undefined && dates.activistDate === undefined) {
    const due = talkDueDate(dates.applicationDate, rules);
    items.push({ kind: 'talk-due', dueDate: due, message: `应在 ${due} 前与入党申请人谈话` });
  }
  if (dates.activistDate !== undefined && dates.targetDate === undefined) {
    const activist = requireDate(dates.activistDate, '确定入党积极分子日期');
    const { missing, nextDue } = evaluationSchedule({ activistDate: activist, evaluationDates: dates.evaluationDates ?? [], asOf }, rules);
    for (const { due } of missing) items.push({ kind: 'evaluation-due', dueDate: due, message: `${due} 前应完成半年考察` });
    items.push({ kind: 'evaluation-due', dueDate: nextDue, message: `${nextDue} 前应完成半年考察` });
    const complete = cultivationCompleteDate(activist, rules);
    items.push({ kind: 'cultivation-reached', dueDate: complete, message: `${complete} 起培养考察满${rules.minimumCultivationMonths % 12 === 0 ? ` ${rules.minimumCultivationMonths / 12} 年` : ` ${rules.minimumCultivationMonths} 个月`}，可确定为发展对象` });
  }
  if (dates.admissionMeetingDate !== undefined && dates.admissionApprovalDate === undefined) {
    const { dueDate, lastDate } = admissionApprovalDeadlines(dates.admissionMeetingDate, rules);
    items.push({ kind: 'admission-approval-due', dueDate, message: `上级党委应在 ${dueDate} 前审批接收预备党员` });
    items.push({ kind: 'admission-approval-limit', dueDate: lastDate, message: `接收预备党员审批最迟 ${lastDate}，逾期不能审批` });
  }
  if (dates.admissionMeetingDate !== undefined && dates.admissionApprovalDate !== undefined && dates.conversionMeetingDate === undefined) {
    const end = currentProbationEndDate(dates.admissionMeetingDate, dates.probationExtensions ?? [], rules);
    items.push({ kind: 'probation-end', dueDate: end, message: `预备期 ${end} 期满，应及时讨论转正` });
  }
  if (dates.conversionMeetingDate !== undefined && dates.conversionApprovalDate === undefined) {
    const due = addMonths(requireDate(dates.conversionMeetingDate, '转正支部大会日期'), rules.conversionApproval.dueMonths);
    items.push({ kind: 'conversion-approval-due', dueDate: due, message: `上级党委应在 ${due} 前审批转正` });
  }

  return items
    .map((item) => {
      const type = TYPES[item.kind];
      const status = deadlineStatusOn(type, item.dueDate, asOf, dueSoonDays);
      return { kind: item.kind, type, dueDate: item.dueDate, status, daysLeft: daysBetween(asOf, item.dueDate), message: item.message };
    })
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
}

/** A status of a deadline and the days it holds (inclusive; `from` absent: from always, `until` absent: for ever). */
export interface DeadlineWindow {
  status: DeadlineStatus;
  from?: string;
  until?: string;
}

/**
 * The statuses a deadline or milestone goes through as the days pass: upcoming, then due soon from `dueSoonDays`
 * before its day; a deadline is overdue from the day after, a milestone reached on its day. The one rule of the
 * statuses: `caseDeadlines` reads the status of a day from here, and the scheduler's wake dates
 * (docs/domain/scheduler.md) the day each status begins.
 */
export function deadlineWindows(type: DeadlineType, dueDate: string, dueSoonDays: number): DeadlineWindow[] {
  const soon = addDays(dueDate, -dueSoonDays);
  if (type === 'milestone') {
    return [{ status: 'upcoming', until: addDays(soon, -1) }, { status: 'due-soon', from: soon, until: addDays(dueDate, -1) }, { status: 'reached', from: dueDate }];
  }
  return [{ status: 'upcoming', until: addDays(soon, -1) }, { status: 'due-soon', from: soon, until: dueDate }, { status: 'overdue', from: addDays(dueDate, 1) }];
}

/** The status of a deadline on `asOf` (its window in `deadlineWindows`). */
export function deadlineStatusOn(type: DeadlineType, dueDate: string, asOf: string, dueSoonDays: number): DeadlineStatus {
  const window = deadlineWindows(type, dueDate, dueSoonDays).find((w) => (w.from === undefined || w.from <= asOf) && (w.until === undefined || asOf <= w.until));
  return window!.status;
}

/** The kind of a deadline: a deadline (something due by the date) or a milestone (something possible from it). */
export const deadlineType = (kind: DeadlineKind): DeadlineType => TYPES[kind];
