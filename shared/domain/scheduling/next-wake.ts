/**
 * The scheduler's wake date of an item (docs/domain/scheduler.md): each thing the scheduler does for an item — a
 * reminder, a warning, a deadline applied — is an event that is due from a day (or instant) and, for some, only
 * until a later one (a "due soon" warning is not sent once its deadline has passed). Each is done once (its key).
 * The item's wake date is the earliest start of an event neither done nor past: the scheduler need not look at the
 * item before it. Dates and instants compare as text (YYYY-MM-DD, ISO 8601 in UTC), one kind per item.
 */
export interface WakeEvent {
  /** Stable per event: what records it as done. */
  key: string;
  /** The first day (or instant) it is due. */
  from: string;
  /** The last day it may still be done (inclusive); absent: until it is done. */
  until?: string;
}

/** The earliest start of an event not in `done` and not past on `asOf` (it may be on or before `asOf`: due now); none: nothing left. */
export function nextWake(events: readonly WakeEvent[], asOf: string, done: ReadonlySet<string>): string | undefined {
  let earliest: string | undefined;
  for (const event of events) {
    if (done.has(event.key)) continue;
    if (event.until !== undefined && (event.until < asOf || event.until < event.from)) continue;
    if (earliest === undefined || event.from < earliest) earliest = event.from;
  }
  return earliest;
}

/** The events due on `asOf` (started, not past, not done). */
export function dueEvents<E extends WakeEvent>(events: readonly E[], asOf: string, done: ReadonlySet<string>): E[] {
  return events.filter((e) => !done.has(e.key) && e.from <= asOf && (e.until === undefined || asOf <= e.until));
}
