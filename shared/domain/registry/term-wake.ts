import { addDays, isIsoDate } from '../calendar';
import { addMonths } from '../development/dates';
import { TERM_REMINDER_LIMITS } from '../election/term-reminder-settings';
import { termReminders, type TermReminderRule } from '../election/term-reminders';
import { nextWake, type WakeEvent } from '../scheduling/next-wake';
import type { Organization } from './organization';

/**
 * What the scheduler does for an organization's term (docs/domain/scheduler.md, docs/domain/elections.md): each
 * reminder of the rules in force, due from its date until the day before the next one (only the latest reminder due
 * is sent: `termStatus`), the last until the term end; and from the day after the term end, the overdue warning.
 * Each is done once (its key is the marker's: `6m`, `request-1m`, `overdue`). A closed organization, or one without a
 * term end, has none.
 */
export type TermWakeEvent = WakeEvent;

type TermOf = Pick<Organization, 'status' | 'termEnd'>;

const hasTerm = (org: TermOf): org is TermOf & { termEnd: string } => org.status === 'active' && org.termEnd !== undefined && isIsoDate(org.termEnd);

export function termWakeEvents(org: TermOf, rules: readonly TermReminderRule[]): TermWakeEvent[] {
  if (!hasTerm(org)) return [];
  const reminders = termReminders(org.termEnd, rules);
  const events: TermWakeEvent[] = reminders.map((reminder, i) => ({
    key: reminder.key,
    from: reminder.date,
    until: i + 1 < reminders.length ? addDays(reminders[i + 1].date, -1) : org.termEnd,
  }));
  events.push({ key: 'overdue', from: addDays(org.termEnd, 1) });
  return events;
}

/**
 * The organization's wake date on `today` under `rules`, given the events done (`done`: their keys, for this term
 * end); none once nothing is left.
 */
export function nextTermWake(org: TermOf, rules: readonly TermReminderRule[], today: string, done: ReadonlySet<string> = new Set()): string | undefined {
  return nextWake(termWakeEvents(org, rules), today, done);
}

/**
 * The wake date an organization's write gives it without reading the setting in force: its earliest possible
 * reminder, as many months before the term end as the setting may ever say (TERM_REMINDER_LIMITS.maxMonths), so no
 * setting's reminder can come before it. The scheduler's first look moves it to the setting's own date.
 */
export function termWakeLowerBound(org: TermOf): string | undefined {
  return hasTerm(org) ? addMonths(org.termEnd, -TERM_REMINDER_LIMITS.maxMonths) : undefined;
}
