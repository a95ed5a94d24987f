import { createHash } from 'node:crypto';
import { chinaDate, type WorkingCalendar } from '../../domain/calendar';
import { periodByKey, periodReviewDeadline, reminderWakeEvents, versionFor, type AssessmentPeriod, type Scheme } from '../../domain/assessment';
import { nextWake } from '../../domain/scheduling/next-wake';
import { listAllSchemes, listMarkerItems } from '../../store/assessment-repo';
import { loadCalendar } from '../../store/calendar-repo';
import { finishReviewKeying, getReviewKeying, keyReviewEntry, startReviewKeying } from '../../store/review-due';
import { transactWrite } from '../../store/transact';
import type { ServiceDeps } from '../deps';

/** The working-day calendar's fingerprint: the same days off and working weekend days, the same fingerprint. */
export function calendarFingerprint(calendar: WorkingCalendar): string {
  const years = [...calendar.years.values()].sort((a, b) => a.year - b.year).map((y) => [y.year, [...y.daysOff].sort(), [...y.workingWeekendDays].sort()]);
  return createHash('sha256').update(JSON.stringify(years)).digest('base64url').slice(0, 22);
}

/** The period's review deadline and its wake instant at `nowIso`, the reminder before it counted as sent when `reminded`. */
export function reviewWake(calendar: WorkingCalendar, period: AssessmentPeriod, scheme: Scheme, nowIso: string, done: ReadonlySet<string>) {
  const reviewDeadline = periodReviewDeadline(calendar, period, scheme.settings);
  const events = reminderWakeEvents(reviewDeadline, period.year);
  return { reviewDeadline, events, wakeAt: nextWake(events, nowIso, done) };
}

/**
 * The review entries keyed for the calendar in force (docs/domain/scheduler.md): when the keying mark does not name
 * this calendar as complete (the first tick on a store, or the calendar changed), the mark is written first
 * (incomplete: the tick's moves under another calendar are refused from then on), then every open period of the years
 * still looked at (opened, with organizations, its circular not out) gets its wake instant under this calendar from
 * the reminder already sent, and the mark is completed. Answers the entries written, undefined when keyed before,
 * 'stale' when another tick keyed for a newer calendar than the one this tick read (this tick then leaves the reviews).
 */
export async function keyReviewEntries(deps: ServiceDeps, calendar: WorkingCalendar, fingerprint: string): Promise<number | undefined | 'stale'> {
  const mark = await getReviewKeying(deps.store);
  if (mark?.complete && mark.calendar === fingerprint) return undefined;
  if (mark && mark.calendar !== fingerprint && calendarFingerprint(await loadCalendar(deps.store)) !== fingerprint) return 'stale';
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  await startReviewKeying(deps.store, fingerprint, nowIso);
  const thisYear = Number(chinaDate(now).slice(0, 4));
  const byYear = new Map<string, Scheme[]>();
  for (const scheme of (await listAllSchemes(deps.store)).filter((s) => s.status === 'published' && s.year >= thisYear - 1)) {
    const key = `${scheme.committeeId}#${scheme.year}`;
    byYear.set(key, [...(byYear.get(key) ?? []), scheme]);
  }
  let written = 0;
  for (const versions of byYear.values()) {
    const { committeeId, year } = versions[0];
    const opened = await listMarkerItems(deps.store, committeeId, year, 'OPENED#');
    if (opened.length === 0) continue;
    const circulars = new Set((await listMarkerItems(deps.store, committeeId, year, 'CIRCULAR#')).map((m) => m.key));
    const reminded = new Set((await listMarkerItems(deps.store, committeeId, year, 'REVIEWREMIND#')).map((m) => m.key));
    for (const marker of opened.filter((m) => !circulars.has(m.key) && Number(m.orgCount ?? 0) > 0)) {
      const period = periodByKey(marker.key);
      const scheme = versionFor(versions, period.opensAt, (key) => periodByKey(key).opensAt);
      if (!scheme) continue;
      const { wakeAt } = reviewWake(calendar, period, scheme, nowIso, new Set(reminded.has(`before#${period.key}`) ? ['before'] : []));
      await transactWrite(deps.store, [keyReviewEntry(deps.store, committeeId, period.key, wakeAt, fingerprint)]);
      if (wakeAt !== undefined) written += 1;
    }
  }
  await finishReviewKeying(deps.store, fingerprint, nowIso, written);
  return written;
}
