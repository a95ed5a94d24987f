import { addDays, chinaDayEndText } from '../calendar';
import { nextWake, type WakeEvent } from '../scheduling/next-wake';
import type { AssessmentPeriod } from './periods';
import { REPORT_REMINDER_DAYS_BEFORE, type ReportReminderKind } from './reminders';
import type { SchemeSettings } from './types';

/**
 * What the scheduler does for a report and for a period's review deadline (docs/domain/scheduler.md, A16a, A18), as
 * wake events on ISO instants (UTC): the reminder ('before') from `daysBefore` days before the due instant until that
 * instant, and the warning ('after') from the millisecond after it. The scheduler reminds a year's reports and reviews
 * until the end of the next year (China time): neither event lasts longer. Each event's key is its kind.
 */
export type ReminderWakeEvent = WakeEvent & { key: ReportReminderKind };

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const earlier = (a: string, b: string) => (a < b ? a : b);

/** The last millisecond of `year` in China time. */
export const lastInstantOfChinaYear = (year: number) => iso(Date.parse(`${year + 1}-01-01T00:00:00+08:00`) - 1);

/** The reminder and the warning of a due instant of a year's report or review. */
export function reminderWakeEvents(dueAt: string, year: number, daysBefore = REPORT_REMINDER_DAYS_BEFORE): ReminderWakeEvent[] {
  const due = Date.parse(dueAt);
  const last = lastInstantOfChinaYear(year + 1);
  return [
    { key: 'before', from: iso(due - daysBefore * DAY_MS), until: earlier(iso(due), last) },
    { key: 'after', from: iso(due + 1), until: last },
  ];
}

/** A report's events (A18): only while it waits on the organization (open, or returned for correction). */
export function reportWakeEvents(report: { status: string; dueAt: string; year: number }): ReminderWakeEvent[] {
  return report.status === 'open' || report.status === 'returned' ? reminderWakeEvents(report.dueAt, report.year) : [];
}

/**
 * The report's wake instant at `nowIso` given the kinds already sent (`done`); without them (a change of the report)
 * a lower bound; none once nothing is left.
 */
export function nextReportWake(report: { status: string; dueAt: string; year: number }, nowIso = '', done: ReadonlySet<string> = new Set()): string | undefined {
  return nextWake(reportWakeEvents(report), nowIso, done);
}

/**
 * The earliest a period's review reminder can be, whatever the working-day calendar (A16a): its review deadline is at
 * the end of a day at least `reportDueWorkingDays + reviewDueWorkingDays` days after the period's last day (each working
 * day counted is a day of its own), so the reminder starts no earlier than `daysBefore` days before that. Written
 * with the period's opening, which does not read the calendar.
 */
export function reviewWakeLowerBound(period: Pick<AssessmentPeriod, 'endsOn'>, settings: Pick<SchemeSettings, 'reportDueWorkingDays' | 'reviewDueWorkingDays'>, daysBefore = REPORT_REMINDER_DAYS_BEFORE): string {
  const earliestDeadline = chinaDayEndText(addDays(period.endsOn, settings.reportDueWorkingDays + settings.reviewDueWorkingDays));
  return iso(Date.parse(earliestDeadline) - daysBefore * DAY_MS);
}
