import { indicatorsOfPeriod, periodsOpenAt, periodsToOpen, reviewWakeLowerBound, type PeriodToOpen } from '../../domain/assessment';
import type { OrgTree } from '../../domain/registry/org-tree';
import { listAllSchemes, listMarkers, listSchemeVersions, putMarker, schemePk } from '../../store/assessment-repo';
import { auditPut } from '../../store/audit';
import { dueBackfillDone, forEachDueEntry, markDueBackfillDone, moveDueEntry, putDueEntryIfAbsent, type DueEntry } from '../../store/due-index';
import { parseSchemeYearEntryId, schemeYearTarget } from '../../store/period-due';
import { openedPeriodEntry } from '../../store/review-due';
import { StoreConditionFailedError, transactWrite, type TransactItem } from '../../store/transact';
import { loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { WorkflowExecutionExistsError } from '../ports';
import { assessedOrgIds } from './assessed';
import { assessmentExecutionName } from './ids';

/**
 * The scheduler's tick (A5): every period of a published scheme whose opening has come and that is not marked opened
 * gets one execution per assessed organization (named by organization and period: a second start is refused and
 * ignored), then the OPENED marker with the number of organizations. Only the committees' years whose due entry has
 * come are read (docs/domain/scheduler.md), never every scheme. Answers the periods opened now.
 */
export async function openDueAssessmentPeriods(deps: ServiceDeps): Promise<string[]> {
  await backfillSchemeYearEntries(deps); // once per store: schemes published before their entries
  const now = deps.clock.now();
  const opened: string[] = [];
  let tree: Promise<OrgTree> | undefined;
  const orgTree = () => (tree ??= loadOrgTree(deps.store)); // read once, only when a period is opened for organizations
  await forEachDueEntry(deps.store, 'period', now.toISOString(), async (entry) => {
    opened.push(...(await openYear(deps, entry, now, orgTree)));
  });
  return opened;
}

/** One committee's year whose entry is due: its periods open now and not opened yet, in order; the entry moved on. */
async function openYear(deps: ServiceDeps, entry: DueEntry, now: Date, orgTree: () => Promise<OrgTree>): Promise<string[]> {
  const { committeeId, year } = parseSchemeYearEntryId(entry.id);
  const [versions, markers] = await Promise.all([listSchemeVersions(deps.store, committeeId, year), listMarkers(deps.store, committeeId, year, 'OPENED#')]);
  const done = new Set(markers);
  const toOpen = periodsToOpen(versions);
  // The entry's move after the periods in `done`, only while it belongs to the versions read.
  const moveAfter = () => moveDueEntry(deps.store, toOpen.length > 0 ? schemeYearTarget(committeeId, year, versions, done) : { ...entry, wakeAt: undefined });
  const due = periodsOpenAt(toOpen.map((p) => p.period), now).filter((p) => !done.has(p.key)).map((p) => toOpen.find((o) => o.period === p)!);
  if (due.length === 0) {
    await moveEntry(deps, [moveAfter()]); // woken early (a lower bound), or opened by another tick: on to the next opening
    return [];
  }
  const opened: string[] = [];
  for (const item of due) {
    done.add(item.period.key); // opened now, or by another tick meanwhile (the marker refused): either way behind us
    if (await openPeriod(deps, committeeId, year, item, now, orgTree, moveAfter())) opened.push(item.period.key);
  }
  return opened;
}

/**
 * One period: an execution per assessed organization, then the OPENED marker, the review deadline's entry, the audit
 * event and the year's entry moved past the period, in one transaction. False when another tick opened it, or a
 * publication meanwhile keyed the year again (left to the next tick; the executions already started are not started twice).
 */
async function openPeriod(deps: ServiceDeps, committeeId: string, year: number, { period, scheme }: PeriodToOpen, now: Date, orgTree: () => Promise<OrgTree>, move: TransactItem): Promise<boolean> {
  const orgIds = indicatorsOfPeriod(scheme.indicators, period).length > 0 ? assessedOrgIds(await orgTree(), committeeId) : [];
  for (const orgId of orgIds) {
    try {
      await deps.workflow.startExecution({ stateMachine: 'assessment', name: assessmentExecutionName(committeeId, period.key, orgId), input: { committeeId, year, periodKey: period.key, orgId } });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionExistsError)) throw error;
    }
  }
  const at = now.toISOString();
  try {
    await transactWrite(deps.store, [
      putMarker(deps.store, committeeId, year, `OPENED#${period.key}`, { orgCount: orgIds.length, at }),
      // The review deadline's entry (docs/domain/scheduler.md), at its earliest under any calendar.
      ...(orgIds.length > 0 ? [openedPeriodEntry(deps.store, committeeId, period.key, reviewWakeLowerBound(period, scheme.settings))] : []),
      auditPut(deps.store, schemePk(committeeId, year), { at, action: 'assessment.period-opened', actor: 'system', details: { assessmentPeriod: period.label, organizations: orgIds.length, version: scheme.version } }),
      move,
    ]);
    return true;
  } catch (error) {
    if (error instanceof StoreConditionFailedError) return false;
    throw error;
  }
}

async function moveEntry(deps: ServiceDeps, move: TransactItem[]): Promise<void> {
  try {
    await transactWrite(deps.store, move);
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error; // a publication meanwhile: its own entry stands
  }
}

/**
 * Once per store (marker `DUEINDEX` / `BACKFILL#period`): every committee's year with a published scheme, published
 * before the due index, gets its entry at its next opening from its OPENED markers, only where it has none (a
 * publication since wrote a newer one). Run again after a crash, it writes only what is missing. Answers the entries
 * written, or undefined when the marker was there.
 */
export async function backfillSchemeYearEntries(deps: ServiceDeps): Promise<number | undefined> {
  if (await dueBackfillDone(deps.store, 'period')) return undefined;
  const years = new Map<string, { committeeId: string; year: number }>();
  for (const s of await listAllSchemes(deps.store)) if (s.status === 'published') years.set(`${s.committeeId}#${s.year}`, { committeeId: s.committeeId, year: s.year });
  let written = 0;
  for (const { committeeId, year } of years.values()) {
    const [versions, markers] = await Promise.all([listSchemeVersions(deps.store, committeeId, year), listMarkers(deps.store, committeeId, year, 'OPENED#')]);
    const target = schemeYearTarget(committeeId, year, versions, new Set(markers));
    if (target.wakeAt !== undefined && (await putDueEntryIfAbsent(deps.store, { ...target, wakeAt: target.wakeAt }))) written += 1;
  }
  await markDueBackfillDone(deps.store, 'period', deps.clock.now().toISOString(), written);
  return written;
}
