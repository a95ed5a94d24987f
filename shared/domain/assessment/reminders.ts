/**
 * Reminders before and warnings after a report's due instant (A18): a reminder once the due instant is at most
 * `daysBefore` days away (default 3), a warning once it has passed; only for a report still waiting on the
 * organization (open, or returned for correction).
 */
export type ReportReminderKind = 'before' | 'after';

export const REPORT_REMINDER_DAYS_BEFORE = 3;

export function reportReminderDue(report: { status: string; dueAt: string }, now: Date, daysBefore = REPORT_REMINDER_DAYS_BEFORE): ReportReminderKind | undefined {
  if (report.status !== 'open' && report.status !== 'returned') return undefined;
  const due = new Date(report.dueAt).getTime();
  if (now.getTime() > due) return 'after';
  if (now.getTime() >= due - daysBefore * 24 * 3600 * 1000) return 'before';
  return undefined;
}

/** The 待办 marks a report task due within the reminder window as 即将到期 (A18). */
export const isDueSoon = (dueAt: string, now: Date, daysBefore = REPORT_REMINDER_DAYS_BEFORE) =>
  reportReminderDue({ status: 'open', dueAt }, now, daysBefore) === 'before';

/**
 * The committee's reminder before a period's review deadline and its warning after it (A16a): 'before' once the
 * deadline is at most `daysBefore` days away, 'after' once it has passed (exactly at the deadline second: 'before').
 */
export function reviewReminderDue(reviewDeadline: string, now: Date, daysBefore = REPORT_REMINDER_DAYS_BEFORE): ReportReminderKind | undefined {
  return reportReminderDue({ status: 'open', dueAt: reviewDeadline }, now, daysBefore);
}
