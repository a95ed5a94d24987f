import { addMonths } from '../development/dates';
import { isIsoDate } from '../calendar';

/**
 * Term-end reminders (docs/domain/elections.md, docs/domain/warnings.md): an organization's term ends on `termEnd`; staff are reminded some months
 * before (configurable), and the written request (换届请示) is due at least 1 month before. After the term has
 * ended without an approved election result the election is overdue (换届逾期).
 *
 * Dates are calendar days (YYYY-MM-DD, China time). Months are subtracted keeping the day and clamping it to the
 * month's end: 6 months before 2026-08-31 is 2026-02-28. A reminder is due from its date to the term end, both
 * included; the term end day itself still belongs to the term, the day after it the election is overdue.
 */

export type TermReminderKind = 'notice' | 'request-deadline';

export interface TermReminderRule {
  /** Stable key, part of the once-only marker: e.g. `6m`. */
  key: string;
  monthsBefore: number;
  kind: TermReminderKind;
}

/** Defaults: 6 and 2 months before, and the request deadline 1 month before. */
export const DEFAULT_TERM_REMINDERS: readonly TermReminderRule[] = Object.freeze([
  { key: '6m', monthsBefore: 6, kind: 'notice' },
  { key: '2m', monthsBefore: 2, kind: 'notice' },
  { key: 'request-1m', monthsBefore: 1, kind: 'request-deadline' },
]);

export interface TermReminder extends TermReminderRule {
  /** The day the reminder is due. */
  date: string;
  termEnd: string;
}

export type TermState = 'no-term' | 'running' | 'reminding' | 'overdue' | 'renewed';

export interface TermStatus {
  state: TermState;
  termEnd?: string;
  /** The latest reminder due as of the date (the one to send), while the term runs. */
  due?: TermReminder;
  /** The next reminder after the date, if any. */
  next?: TermReminder;
  /** Days since the term end, when overdue. */
  daysOverdue?: number;
}

/** The reminders of a term, earliest first. Rules with the same number of months keep their given order. */
export function termReminders(termEnd: string, rules: readonly TermReminderRule[] = DEFAULT_TERM_REMINDERS): TermReminder[] {
  if (!isIsoDate(termEnd)) return [];
  return rules
    .map((rule) => ({ ...rule, date: addMonths(termEnd, -rule.monthsBefore), termEnd }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;

/**
 * Where an organization's term stands on `today`. `resultApproved`: an election result for this term has been
 * approved (then nothing is due and nothing is overdue, even before the registry's term is updated).
 */
export function termStatus(
  org: { termEnd?: string },
  today: string,
  options: { rules?: readonly TermReminderRule[]; resultApproved?: boolean } = {},
): TermStatus {
  const termEnd = org.termEnd;
  if (!termEnd || !isIsoDate(termEnd)) return { state: 'no-term' };
  if (options.resultApproved) return { state: 'renewed', termEnd };
  const reminders = termReminders(termEnd, options.rules);
  if (today > termEnd) return { state: 'overdue', termEnd, daysOverdue: dayNumber(today) - dayNumber(termEnd) };
  const due = reminders.filter((r) => r.date <= today).at(-1);
  const next = reminders.find((r) => r.date > today);
  return { state: due ? 'reminding' : 'running', termEnd, ...(due && { due }), ...(next && { next }) };
}

/** The Chinese subject and text of a reminder e-mail; `requestMonths`: the request deadline, months before the term end. */
export function reminderText(orgName: string, reminder: TermReminder, requestMonths = 1): { subject: string; text: string } {
  const deadlineMonths = reminder.kind === 'request-deadline' ? reminder.monthsBefore : requestMonths;
  const requestDeadline = addMonths(reminder.termEnd, -deadlineMonths);
  if (reminder.kind === 'request-deadline') {
    return {
      subject: `${orgName}换届请示截止提醒（任期 ${reminder.termEnd} 届满）`,
      text:
        `${orgName}本届任期将于 ${reminder.termEnd} 届满。按规定，应在任期届满前 ${deadlineMonths} 个月（${requestDeadline} 前）` +
        `向上级党组织报送换届选举请示（应选名额、委员会组成、日程安排、选举方式）。\n请尽快在系统中发起换届选举。`,
    };
  }
  return {
    subject: `${orgName}换届提醒：任期将于 ${reminder.termEnd} 届满`,
    text:
      `${orgName}本届任期将于 ${reminder.termEnd} 届满（还有约 ${reminder.monthsBefore} 个月）。\n` +
      `请做好换届准备：换届选举请示须在 ${requestDeadline} 前报送上级党组织。`,
  };
}
