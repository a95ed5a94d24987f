import { dueEvents, nextWake, type WakeEvent } from '../scheduling/next-wake';

/**
 * What the scheduler does for an open approval link (docs/domain/scheduler.md, docs/domain/approvals.md): the
 * reminder, once, from its reminder time until the link expires; from the expiry, the escalation (the overdue
 * step once every approver still to decide holds an expired link), until the link leaves the schedule.
 */
export interface ScheduledLink {
  reminderAt: string;
  expiresAt: string;
  remindedAt?: string;
}

export function linkWakeEvents(link: ScheduledLink): WakeEvent[] {
  return [{ key: 'reminder', from: link.reminderAt, until: link.expiresAt }, { key: 'expiry', from: link.expiresAt }];
}

const doneOf = (link: ScheduledLink) => new Set(link.remindedAt ? ['reminder'] : []);

/**
 * The link's wake instant (ISO, UTC): its reminder time until the reminder is sent, then its expiry. An event is
 * never passed by (a link not reminded wakes at its reminder time even after it expired: it is due at once).
 */
export function linkWakeAt(link: ScheduledLink): string {
  return nextWake(linkWakeEvents(link), '', doneOf(link))!;
}

/** Whether the link's reminder is due at `now` (sent once, from the reminder time, while the link has not expired). */
export function linkReminderDue(link: ScheduledLink, now: Date): boolean {
  return now.getTime() < Date.parse(link.expiresAt) && dueEvents(linkWakeEvents(link), now.toISOString(), doneOf(link)).some((e) => e.key === 'reminder');
}
