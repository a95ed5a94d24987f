import { periodByKey, schemePeriods, type AssessmentPeriod } from './periods';
import { versionFor } from './scheme';
import type { Scheme } from './types';

/**
 * When the scheduler opens a committee's periods of a year (A3, A5, docs/domain/scheduler.md): the periods the
 * published versions' indicators need, in order, each with the version in force for it. A period no version is in
 * force for yet is left out (a later version applies only from a period not yet opened, and its publication keys
 * the year again).
 */
export interface PeriodToOpen {
  period: AssessmentPeriod;
  scheme: Scheme;
}

export function periodsToOpen(versions: readonly Scheme[]): PeriodToOpen[] {
  const published = versions.filter((v) => v.status === 'published');
  if (published.length === 0) return [];
  const periods = schemePeriods({ year: published[0].year, indicators: published.flatMap((v) => v.indicators) });
  return periods.flatMap((period) => {
    const scheme = versionFor(published, period.opensAt, (key) => periodByKey(key).opensAt);
    return scheme ? [{ period, scheme }] : [];
  });
}

/** The instant (ISO, UTC) the scheduler opens a period: its reporting opening (A5). */
export const openingInstant = (period: Pick<AssessmentPeriod, 'reportingOpensAt'>) => new Date(period.reportingOpensAt).toISOString();

/**
 * The next opening of a year's periods after those already opened (`opened`, by key): the earliest opening instant
 * among the periods not opened, or undefined when every period is opened. The year's wake instant in the due index.
 */
export function nextPeriodOpening(periods: ReadonlyArray<Pick<AssessmentPeriod, 'key' | 'reportingOpensAt'>>, opened: ReadonlySet<string>): string | undefined {
  let next: string | undefined;
  for (const period of periods) {
    if (opened.has(period.key)) continue;
    const at = openingInstant(period);
    if (next === undefined || at < next) next = at;
  }
  return next;
}
