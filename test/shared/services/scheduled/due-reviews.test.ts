import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_ADJUSTMENTS, DEFAULT_INDICATORS, DEFAULT_SETTINGS, periodByKey, reviewWakeLowerBound, type AssessmentReport } from '../../../../shared/domain/assessment';
import { holidays2026 } from '../../../../shared/domain/calendar';
import { closeAssessmentReviews } from '../../../../shared/services/assessment/review-deadline';
import { calendarFingerprint, keyReviewEntries } from '../../../../shared/services/assessment/review-keying';
import { putMarker, putNewReport, putNewScheme } from '../../../../shared/store/assessment-repo';
import { loadCalendar, saveHolidayYear } from '../../../../shared/store/calendar-repo';
import { getDueEntry } from '../../../../shared/store/due-index';
import { getReviewKeying, moveReviewEntry, openedPeriodEntry, periodPk } from '../../../../shared/store/review-due';
import { StoreConditionFailedError, transactWrite } from '../../../../shared/store/transact';
import { addAccount } from '../../../functions/http/support/test-deps';
import { putTestOrg, testOrg } from '../../../support/registry-fixtures';
import { measured, schedulerDeps, type SchedulerDeps } from './scheduled-fixtures';

// docs/domain/scheduler.md: the review deadlines (A16a) look at the periods whose review entry has come, never at every
// committee's schemes and markers. February 2026: reports due 6 March, review deadline 13 March (reminder from the
// 10th, 23:59:59 China time, i.e. 2026-03-10T15:59:59Z). March's deadline is in April.

const MONTHLY = DEFAULT_INDICATORS.filter((i) => i.frequency === 'monthly');

/** A committee with a published scheme and a period opened as the tick opens it: the OPENED marker with the entry at its lower bound. */
function openedPeriodItems(deps: SchedulerDeps, committeeId: string, periodKey: string, orgCount = 1, withEntry = true) {
  const period = periodByKey(periodKey);
  return [
    putNewScheme(deps.store, { committeeId, year: 2026, version: 1, status: 'published', appliesFrom: '2026-M01', indicators: MONTHLY, adjustments: DEFAULT_ADJUSTMENTS, settings: DEFAULT_SETTINGS }),
    putMarker(deps.store, committeeId, 2026, `OPENED#${periodKey}`, { orgCount, at: '2026-03-01T00:00:00.000Z' }),
    ...(withEntry && orgCount > 0 ? [openedPeriodEntry(deps.store, committeeId, periodKey, reviewWakeLowerBound(period, DEFAULT_SETTINGS))] : []),
  ];
}

function submittedReport(committeeId: string, periodKey: string): AssessmentReport {
  return {
    committeeId, year: 2026, periodKey, periodLabel: '2026年2月', orgId: `b-${committeeId}`, orgName: `${committeeId}的支部`, schemeVersion: 1, indicators: MONTHLY, lateDeduction: 1,
    reviewDueWorkingDays: 5, status: 'submitted', dueAt: '2026-03-06T23:59:59+08:00', entries: [], late: false, submissions: 1, reviews: 0, returns: [], fullMarks: 16, version: 2,
  };
}

async function dueCommittee(deps: SchedulerDeps, committeeId: string): Promise<void> {
  await putTestOrg(deps.store, testOrg({ id: committeeId, kind: 'committee', name: `${committeeId}机关党委` }));
  await addAccount(deps.store, { username: `li-${committeeId}`, password: 'x', role: 'committee-staff', orgId: committeeId, email: `${committeeId}@example.org` });
  await transactWrite(deps.store, [...openedPeriodItems(deps, committeeId, '2026-M02'), putNewReport(deps.store, submittedReport(committeeId, '2026-M02'))]);
}

async function run(notDueCount: number) {
  const deps = await schedulerDeps('2026-03-02T00:00:00.000Z');
  for (const id of ['c0', 'c1', 'c2']) await dueCommittee(deps, id);
  for (let i = 0; i < notDueCount; i += 10) {
    const ids = Array.from({ length: Math.min(10, notDueCount - i) }, (_, j) => `x${String(i + j).padStart(3, '0')}`);
    await transactWrite(deps.store, ids.flatMap((id) => openedPeriodItems(deps, id, '2026-M03')));
  }
  const warmUp = await closeAssessmentReviews(deps); // the keying: every open period's entry under the calendar
  deps.clock.set(new Date('2026-03-11T00:00:00.000Z'));
  const reminders = await measured(deps.store, () => closeAssessmentReviews(deps));
  const quiet = await measured(deps.store, () => closeAssessmentReviews(deps));
  deps.clock.set(new Date('2026-03-14T00:00:00.000Z'));
  const warnings = await measured(deps.store, () => closeAssessmentReviews(deps));
  const after = await measured(deps.store, () => closeAssessmentReviews(deps));
  return { deps, warmUp, reminders, quiet, warnings, after };
}

test('3 periods due among 300 not due read exactly as much as the 3 alone: reminders, then warnings and circulars, each once', async () => {
  const alone = await run(0);
  const among = await run(300);
  for (const r of [alone, among]) {
    expect([r.warmUp, r.reminders.result, r.quiet.result, r.warnings.result, r.after.result]).toEqual([0, 3, 0, 3, 0]);
    expect(r.deps.mailer.sent.map((m) => m.subject)).toEqual([
      ...Array(3).fill('【提醒】党建工作目标考核：2026年2月尚有 1 份报告待审核，审核期限 2026-03-13 23:59'),
      ...Array(3).fill('【预警】党建工作目标考核：2026年2月审核期限已过，1 份报告未审核'),
    ]);
    expect(r.deps.started).toEqual(Array(3).fill(expect.stringMatching(/^notice-circular-2026-M02-/))); // one circular per committee, to its branch
  }
  expect(among.reminders.reads).toEqual(alone.reminders.reads);
  expect(among.quiet.reads).toEqual(alone.quiet.reads);
  expect(among.warnings.reads).toEqual(alone.warnings.reads);
  expect(among.after.reads).toEqual(alone.after.reads);
  expect(await getDueEntry(among.deps.store, periodPk('c0', '2026-M02'))).toBeUndefined(); // deleted with the circular
  expect(await getDueEntry(among.deps.store, periodPk('x000', '2026-M03'))).toMatchObject({ kind: 'review', wakeAt: '2026-04-12T15:59:59.000Z' }); // deadline 15 April (after 清明)
}, 180_000);

test('a changed calendar re-keys the entries at the next tick: a reminder made earlier is sent on its day; a move under the old calendar is refused', async () => {
  const deps = await schedulerDeps('2026-03-02T00:00:00.000Z');
  await dueCommittee(deps, 'c1');
  expect(await getDueEntry(deps.store, periodPk('c1', '2026-M02'))).toMatchObject({ wakeAt: '2026-03-07T15:59:59.000Z' }); // the opening's lower bound
  expect(await closeAssessmentReviews(deps)).toBe(0);
  expect(await getDueEntry(deps.store, periodPk('c1', '2026-M02'))).toMatchObject({ wakeAt: '2026-03-10T15:59:59.000Z' });
  const before = calendarFingerprint(await loadCalendar(deps.store));

  // 7 and 8 March declared working days: the reviews' five working days end on the 11th.
  await saveHolidayYear(deps.store, { ...holidays2026, workingWeekendDays: [...holidays2026.workingWeekendDays, '2026-03-07', '2026-03-08'] }, 'admin', new Date('2026-03-05T00:00:00.000Z'));
  deps.clock.set(new Date('2026-03-09T00:00:00.000Z'));
  expect(await closeAssessmentReviews(deps)).toBe(1);
  expect(deps.mailer.sent.at(-1)?.subject).toBe('【提醒】党建工作目标考核：2026年2月尚有 1 份报告待审核，审核期限 2026-03-11 23:59');
  expect(await getDueEntry(deps.store, periodPk('c1', '2026-M02'))).toMatchObject({ wakeAt: '2026-03-11T15:59:59.001Z' });
  expect(await getReviewKeying(deps.store)).toEqual({ calendar: calendarFingerprint(await loadCalendar(deps.store)), complete: true });
  await expect(transactWrite(deps.store, moveReviewEntry(deps.store, 'c1', '2026-M02', '2026-03-20T00:00:00.000Z', before))).rejects.toBeInstanceOf(StoreConditionFailedError);
  expect(await closeAssessmentReviews(deps)).toBe(0);
});

test('periods opened before the index are keyed at the first tick, from the reminders already sent; keyed again, the same entries', async () => {
  const deps = await schedulerDeps('2026-03-11T00:00:00.000Z');
  for (const id of ['c0', 'c1', 'c2', 'c3']) {
    await putTestOrg(deps.store, testOrg({ id, kind: 'committee', name: `${id}机关党委` }));
    await addAccount(deps.store, { username: `li-${id}`, password: 'x', role: 'committee-staff', orgId: id, email: `${id}@example.org` });
  }
  await transactWrite(deps.store, [...openedPeriodItems(deps, 'c0', '2026-M02', 1, false), putNewReport(deps.store, submittedReport('c0', '2026-M02'))]);
  await transactWrite(deps.store, [...openedPeriodItems(deps, 'c1', '2026-M02', 1, false), putNewReport(deps.store, submittedReport('c1', '2026-M02'))]);
  await transactWrite(deps.store, openedPeriodItems(deps, 'c2', '2026-M02', 0, false)); // nobody assessed
  await transactWrite(deps.store, [...openedPeriodItems(deps, 'c3', '2026-M02', 1, false), putMarker(deps.store, 'c3', 2026, 'CIRCULAR#2026-M02', { at: '2026-03-09T00:00:00.000Z' })]); // all scored
  // c0 was reminded by the scanning tick before the index.
  await deps.store.doc.send(new PutCommand({ TableName: deps.store.tableName, Item: { pk: 'ASCHEME#c0#2026', sk: 'REVIEWREMIND#before#2026-M02', type: 'assessment-marker', at: '2026-03-10T16:00:00.000Z', unreviewed: 1 } }));

  expect(await closeAssessmentReviews(deps)).toBe(1); // c1's reminder; c0's not again
  expect(deps.mailer.sent.map((m) => m.to)).toEqual([['c1@example.org']]);
  const entries = await Promise.all(['c0', 'c1', 'c2', 'c3'].map((c) => getDueEntry(deps.store, periodPk(c, '2026-M02'))));
  expect(entries.map((e) => e?.wakeAt)).toEqual(['2026-03-13T15:59:59.001Z', '2026-03-13T15:59:59.001Z', undefined, undefined]);
  const calendar = await loadCalendar(deps.store);
  expect(await keyReviewEntries(deps, calendar, calendarFingerprint(calendar))).toBeUndefined(); // keyed: nothing read

  // Keyed again (as after a crash before the mark was completed): the same entries, nothing sent again.
  await deps.store.doc.send(new DeleteCommand({ TableName: deps.store.tableName, Key: { pk: 'DUEINDEX', sk: 'BACKFILL#review' } }));
  expect(await keyReviewEntries(deps, calendar, calendarFingerprint(calendar))).toBe(2);
  expect(await Promise.all(['c0', 'c1', 'c2', 'c3'].map((c) => getDueEntry(deps.store, periodPk(c, '2026-M02'))))).toEqual(entries);
  expect(await closeAssessmentReviews(deps)).toBe(0);
});
