import { nextPeriodOpening, periodsToOpen, type Scheme } from '../domain/assessment';
import { schemePk } from './assessment-repo';
import { setDueEntry, type DueTarget } from './due-index';
import type { Store } from './store';
import type { TransactItem } from './transact';

/**
 * A committee's year in the due index (kind `period`, docs/domain/scheduler.md): `ASCHEME#<committeeId>#<year>` /
 * `DUE`, listed under `DUE#period` by the opening instant of its next period not yet opened (`nextPeriodOpening`),
 * while one is left. Its `version` is the latest published version of the year's scheme: written with every
 * publication (`publishScheme`), moved by the tick in the transaction of each period's OPENED marker, conditioned on
 * that version (a publication meanwhile keys the year again and the tick's opening is left to the next tick).
 */
export const schemeYearEntryId = (committeeId: string, year: number) => `${committeeId}#${year}`;
export function parseSchemeYearEntryId(id: string): { committeeId: string; year: number } {
  const at = id.lastIndexOf('#');
  return { committeeId: id.slice(0, at), year: Number(id.slice(at + 1)) };
}

/** The latest published version of the year (0: none). */
export const latestPublishedVersion = (versions: readonly Scheme[]) => Math.max(0, ...versions.filter((v) => v.status === 'published').map((v) => v.version));

/** The year's entry after the periods `opened` (by key), from its versions (published or not: drafts add nothing). */
export function schemeYearTarget(committeeId: string, year: number, versions: readonly Scheme[], opened: ReadonlySet<string>): DueTarget {
  const wakeAt = nextPeriodOpening(periodsToOpen(versions).map((p) => p.period), opened);
  return { kind: 'period', pk: schemePk(committeeId, year), id: schemeYearEntryId(committeeId, year), wakeAt, version: latestPublishedVersion(versions) };
}

/** The entry written with a publication (its write holds the draft's status check); none left: deleted. */
export function schemeYearEntry(store: Store, target: DueTarget): TransactItem {
  return setDueEntry(store, target);
}
