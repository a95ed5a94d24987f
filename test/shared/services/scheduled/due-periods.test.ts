import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_ADJUSTMENTS, DEFAULT_INDICATORS, DEFAULT_SETTINGS, type Scheme } from '../../../../shared/domain/assessment';
import type { Actor } from '../../../../shared/services/actor';
import { createSchemeDraft, publishScheme } from '../../../../shared/services/assessment';
import { assessmentExecutionName } from '../../../../shared/services/assessment/ids';
import { backfillSchemeYearEntries, openDueAssessmentPeriods } from '../../../../shared/services/assessment/open-periods';
import { listMarkers, putMarker, putNewScheme, schemePk } from '../../../../shared/store/assessment-repo';
import { listAudit } from '../../../../shared/store/audit';
import { getDueEntry, moveDueEntry } from '../../../../shared/store/due-index';
import { schemeYearEntry, schemeYearTarget } from '../../../../shared/store/period-due';
import { periodPk } from '../../../../shared/store/review-due';
import { StoreConditionFailedError, transactWrite } from '../../../../shared/store/transact';
import { putTestOrg, testOrg } from '../../../support/registry-fixtures';
import { measured, schedulerDeps, type SchedulerDeps } from './scheduled-fixtures';

// docs/domain/scheduler.md: the tick opens the periods (A5) of the committees' years whose due entry has come, never
// reading every scheme and every year's markers. Times: a monthly period opens at 00:00 China time on its first day
// (2026-02-01 = 2026-01-31T16:00Z); a quarter in its last month (Q1 on 1 March = 2026-02-28T16:00Z).

const MONTHLY = DEFAULT_INDICATORS.filter((i) => i.frequency === 'monthly');
const QUARTERLY = DEFAULT_INDICATORS.filter((i) => i.frequency === 'quarterly');
const admin: Actor = { id: 'admin', displayName: '系统管理员', role: 'admin', orgId: 'c1', scopeOrgIds: ['c1', 'b-c1'] };

function scheme(committeeId: string, year: number, indicators: Scheme['indicators'], version = 1, appliesFrom = `${year}-${indicators[0].frequency === 'monthly' ? 'M01' : 'Q1'}`): Scheme {
  return { committeeId, year, version, status: 'published', appliesFrom, indicators, adjustments: DEFAULT_ADJUSTMENTS, settings: DEFAULT_SETTINGS };
}

/** A committee's year as a publication leaves it (the version with the year's entry), with the periods already opened. */
async function published(deps: SchedulerDeps, s: Scheme, opened: string[] = [], withEntry = true): Promise<void> {
  await transactWrite(deps.store, [
    putNewScheme(deps.store, s),
    ...opened.map((key) => putMarker(deps.store, s.committeeId, s.year, `OPENED#${key}`, { orgCount: 0, at: '2025-12-01T00:00:00.000Z' })),
    ...(withEntry ? [schemeYearEntry(deps.store, schemeYearTarget(s.committeeId, s.year, [s], new Set(opened)))] : []),
  ]);
}

async function committeeWithBranch(deps: SchedulerDeps, committeeId: string): Promise<void> {
  await putTestOrg(deps.store, testOrg({ id: committeeId, kind: 'committee', name: `${committeeId}机关党委` }));
  await putTestOrg(deps.store, testOrg({ id: `b-${committeeId}`, kind: 'branch', parentId: committeeId, name: `${committeeId}第一党支部` }));
}

async function run(notDueCount: number) {
  const deps = await schedulerDeps('2026-01-20T00:00:00.000Z');
  for (const id of ['c0', 'c1', 'c2']) {
    await committeeWithBranch(deps, id);
    await published(deps, scheme(id, 2026, MONTHLY), ['2026-M01']); // next: February
  }
  // Not due: other committees' quarterly schemes with Q1 opened (next: Q2 in June), next year's schemes, last year's (all opened).
  for (let i = 0; i < notDueCount; i += 1) {
    const id = `x${String(i).padStart(3, '0')}`;
    if (i % 3 === 0) await published(deps, scheme(id, 2026, QUARTERLY), ['2026-Q1']);
    else if (i % 3 === 1) await published(deps, scheme(id, 2027, MONTHLY));
    else await published(deps, scheme(id, 2025, QUARTERLY), ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
  }
  const warmUp = await openDueAssessmentPeriods(deps); // the one-time backfill; nothing due yet
  deps.clock.set(new Date('2026-02-02T00:00:00.000Z'));
  const february = await measured(deps.store, () => openDueAssessmentPeriods(deps));
  const quiet = await measured(deps.store, () => openDueAssessmentPeriods(deps));
  deps.clock.set(new Date('2026-03-02T00:00:00.000Z'));
  const march = await measured(deps.store, () => openDueAssessmentPeriods(deps));
  const after = await measured(deps.store, () => openDueAssessmentPeriods(deps));
  return { deps, warmUp, february, quiet, march, after };
}

test('3 committees due among 300 not due (other committees, other years, periods later in the year) read exactly as much as the 3 alone', async () => {
  const alone = await run(0);
  const among = await run(300);
  for (const r of [alone, among]) {
    expect([r.warmUp, r.february.result, r.quiet.result, r.march.result, r.after.result]).toEqual([[], Array(3).fill('2026-M02'), [], Array(3).fill('2026-M03'), []]);
    expect(r.deps.started).toEqual(['M02', 'M03'].flatMap((m) => ['c0', 'c1', 'c2'].map((c) => assessmentExecutionName(c, `2026-${m}`, `b-${c}`))));
  }
  expect(among.february.reads).toEqual(alone.february.reads);
  expect(among.quiet.reads).toEqual(alone.quiet.reads);
  expect(among.march.reads).toEqual(alone.march.reads);
  expect(among.after.reads).toEqual(alone.after.reads);
  expect(await getDueEntry(among.deps.store, schemePk('c0', 2026))).toMatchObject({ kind: 'period', wakeAt: '2026-03-31T16:00:00.000Z', version: 1 }); // April
  expect(await getDueEntry(among.deps.store, schemePk('x000', 2026))).toMatchObject({ wakeAt: '2026-05-31T16:00:00.000Z' }); // Q2 in June
  expect(await getDueEntry(among.deps.store, schemePk('x001', 2027))).toMatchObject({ wakeAt: '2026-12-31T16:00:00.000Z' });
  expect(await getDueEntry(among.deps.store, schemePk('x002', 2025))).toBeUndefined(); // every period opened: none
  expect(await listMarkers(among.deps.store, 'x000', 2026, 'OPENED#')).toEqual(['2026-Q1']);
}, 240_000);

test('the entry follows each publication and each opening; two ticks at once open each period once; none once the year is opened', async () => {
  const deps = await schedulerDeps('2026-01-05T00:00:00.000Z');
  await committeeWithBranch(deps, 'c1');
  // Version 1, quarterly only (as published before the year): the entry at Q1's opening.
  await published(deps, scheme('c1', 2026, QUARTERLY));
  expect(await getDueEntry(deps.store, schemePk('c1', 2026))).toMatchObject({ kind: 'period', id: 'c1#2026', wakeAt: '2026-02-28T16:00:00.000Z', version: 1 });
  expect(await openDueAssessmentPeriods(deps)).toEqual([]); // the backfill (the entry is there) and nothing due

  deps.clock.set(new Date('2026-03-02T00:00:00.000Z'));
  const [a, b] = await Promise.all([openDueAssessmentPeriods(deps), openDueAssessmentPeriods(deps)]);
  expect([...a, ...b]).toEqual(['2026-Q1']);
  expect((await listAudit(deps.store, schemePk('c1', 2026))).filter((e) => e.action === 'assessment.period-opened')).toHaveLength(1);
  expect(await getDueEntry(deps.store, periodPk('c1', '2026-Q1'))).toMatchObject({ kind: 'review' }); // the review deadline's entry with it
  expect(await getDueEntry(deps.store, schemePk('c1', 2026))).toMatchObject({ wakeAt: '2026-05-31T16:00:00.000Z', version: 1 }); // Q2

  // Version 2 adds the monthly indicators from April: its publication keys the year again, at January (under version 1,
  // which has no monthly indicator: opened for nobody, as before), in the same transaction.
  await createSchemeDraft(deps, admin, 'c1', 2026);
  await transactWrite(deps.store, [{ Put: { TableName: deps.store.tableName, Item: { pk: schemePk('c1', 2026), sk: 'V#002', type: 'assessment-scheme', ...scheme('c1', 2026, [...QUARTERLY, ...MONTHLY], 2), status: 'draft', appliesFrom: undefined } } }]);
  deps.clock.set(new Date('2026-03-10T00:00:00.000Z'));
  expect((await publishScheme(deps, admin, 'c1', 2026, 2)).appliesFrom).toBe('2026-M04');
  expect(await getDueEntry(deps.store, schemePk('c1', 2026))).toMatchObject({ wakeAt: '2025-12-31T16:00:00.000Z', version: 2 });
  // A tick that read version 1 can no longer move the entry (nor write the OPENED marker with it).
  await expect(transactWrite(deps.store, [moveDueEntry(deps.store, schemeYearTarget('c1', 2026, [scheme('c1', 2026, QUARTERLY)], new Set(['2026-Q1'])))])).rejects.toBeInstanceOf(StoreConditionFailedError);
  const started = deps.started.length;
  expect(await openDueAssessmentPeriods(deps)).toEqual(['2026-M01', '2026-M02', '2026-M03']);
  expect(deps.started).toHaveLength(started); // nobody assessed on a monthly indicator before April
  expect(await getDueEntry(deps.store, schemePk('c1', 2026))).toMatchObject({ wakeAt: '2026-03-31T16:00:00.000Z', version: 2 });

  deps.clock.set(new Date('2026-04-01T00:00:00.000Z')); // 08:00 China time
  expect(await openDueAssessmentPeriods(deps)).toEqual(['2026-M04']);
  expect(deps.started.slice(started)).toEqual([assessmentExecutionName('c1', '2026-M04', 'b-c1')]);
  expect(await getDueEntry(deps.store, schemePk('c1', 2026))).toMatchObject({ wakeAt: '2026-04-30T16:00:00.000Z' });

  // December: the rest of the year at once; nothing left, the entry deleted.
  deps.clock.set(new Date('2026-12-05T00:00:00.000Z'));
  expect(await openDueAssessmentPeriods(deps)).toEqual(['2026-M05', '2026-M06', '2026-Q2', '2026-M07', '2026-M08', '2026-M09', '2026-Q3', '2026-M10', '2026-M11', '2026-M12', '2026-Q4']);
  expect(await getDueEntry(deps.store, schemePk('c1', 2026))).toBeUndefined();
  expect(await openDueAssessmentPeriods(deps)).toEqual([]);
}, 120_000);

test('schemes published before the index get their entry once, from their opened markers; run again it writes nothing new', async () => {
  const deps = await schedulerDeps('2026-02-10T00:00:00.000Z');
  await committeeWithBranch(deps, 'c1');
  await published(deps, scheme('c1', 2026, MONTHLY), ['2026-M01', '2026-M02'], false); // next: March
  await published(deps, scheme('c2', 2027, QUARTERLY), [], false); // next: Q1 2027
  await published(deps, scheme('c3', 2025, QUARTERLY), ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'], false); // nothing left
  await transactWrite(deps.store, [putNewScheme(deps.store, { ...scheme('c4', 2026, MONTHLY), status: 'draft', appliesFrom: undefined })]); // a draft only

  expect(await backfillSchemeYearEntries(deps)).toBe(2);
  expect(await getDueEntry(deps.store, schemePk('c1', 2026))).toMatchObject({ kind: 'period', wakeAt: '2026-02-28T16:00:00.000Z', version: 1 });
  expect(await getDueEntry(deps.store, schemePk('c2', 2027))).toMatchObject({ wakeAt: '2027-02-28T16:00:00.000Z' });
  expect(await getDueEntry(deps.store, schemePk('c3', 2025))).toBeUndefined();
  expect(await getDueEntry(deps.store, schemePk('c4', 2026))).toBeUndefined();
  expect(await backfillSchemeYearEntries(deps)).toBeUndefined(); // the marker
  // Run again as after a crash before the marker: nothing new.
  await deps.store.doc.send(new DeleteCommand({ TableName: deps.store.tableName, Key: { pk: 'DUEINDEX', sk: 'BACKFILL#period' } }));
  expect(await backfillSchemeYearEntries(deps)).toBe(0);

  deps.clock.set(new Date('2026-03-02T00:00:00.000Z'));
  expect(await openDueAssessmentPeriods(deps)).toEqual(['2026-M03']);
  expect(deps.started).toEqual([assessmentExecutionName('c1', '2026-M03', 'b-c1')]);
  expect(await getDueEntry(deps.store, schemePk('c1', 2026))).toMatchObject({ wakeAt: '2026-03-31T16:00:00.000Z' });
});
