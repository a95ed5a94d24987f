import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_ADJUSTMENTS, DEFAULT_INDICATORS, DEFAULT_SETTINGS, type AssessmentReport } from '../../../../shared/domain/assessment';
import { backfillReportEntries, remindAssessmentReports } from '../../../../shared/services/assessment/report-reminders';
import { nextReport, reportChange } from '../../../../shared/services/assessment/report-change';
import { putNewReport, putNewScheme, reportPk } from '../../../../shared/store/assessment-repo';
import { getDueEntry } from '../../../../shared/store/due-index';
import { reportDueEntry } from '../../../../shared/store/report-due';
import { transactWrite } from '../../../../shared/store/transact';
import { addAccount } from '../../../functions/http/support/test-deps';
import { measured, schedulerDeps, type SchedulerDeps } from './scheduled-fixtures';

// docs/domain/scheduler.md: the report reminders (A18) read the reports whose due entry has come, never a whole board.

const MONTHLY = DEFAULT_INDICATORS.filter((i) => i.frequency === 'monthly');
const JANUARY_DUE = '2026-02-06T23:59:59+08:00'; // the reminder from 2026-02-03T15:59:59Z, the warning from 2026-02-06T15:59:59.001Z
const MARCH_DUE = '2026-04-08T23:59:59+08:00';

function report(orgId: string, periodKey: string, status: AssessmentReport['status'], dueAt: string): AssessmentReport {
  return {
    committeeId: 'c1', year: 2026, periodKey, periodLabel: `${periodKey}期`, orgId, orgName: `${orgId}党支部`, schemeVersion: 1, indicators: MONTHLY, lateDeduction: 1,
    reviewDueWorkingDays: 5, status, dueAt, entries: [], late: false, submissions: status === 'open' ? 0 : 1, reviews: 0, returns: [], fullMarks: 16, version: 1,
  };
}

async function seed(deps: SchedulerDeps): Promise<void> {
  await transactWrite(deps.store, [putNewScheme(deps.store, { committeeId: 'c1', year: 2026, version: 1, status: 'published', appliesFrom: '2026-M01', indicators: MONTHLY, adjustments: DEFAULT_ADJUSTMENTS, settings: DEFAULT_SETTINGS })]);
  await addAccount(deps.store, { username: 'li', password: 'x', role: 'committee-staff', orgId: 'c1', email: 'li@example.org' });
}

/** Reports as their opening writes them: with their due entry (open-report.ts), 12 a transaction. */
async function putReports(deps: SchedulerDeps, reports: AssessmentReport[], withEntries = true): Promise<void> {
  for (let i = 0; i < reports.length; i += 12) {
    await transactWrite(deps.store, reports.slice(i, i + 12).flatMap((r) => [putNewReport(deps.store, r), ...(withEntries ? [reportDueEntry(deps.store, r)] : [])]));
  }
}

const dueSoon = (n: number) => Array.from({ length: n }, (_, i) => report(`due-${i}`, '2026-M01', 'open', JANUARY_DUE));
/** Not due: January's reports already submitted or scored (on the same board), March's not due before April. */
const notDue = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 === 0
  ? report(`later-${String(i).padStart(3, '0')}`, '2026-M01', i % 4 === 0 ? 'submitted' : 'scored', JANUARY_DUE)
  : report(`later-${String(i).padStart(3, '0')}`, '2026-M03', 'open', MARCH_DUE)));

async function run(notDueCount: number) {
  const deps = await schedulerDeps('2026-02-01T00:00:00.000Z');
  await seed(deps);
  for (const r of dueSoon(3)) await addAccount(deps.store, { username: `s-${r.orgId}`, password: 'x', orgId: r.orgId, email: `${r.orgId}@example.org` });
  await putReports(deps, [...dueSoon(3), ...notDue(notDueCount)]);
  const warmUp = await remindAssessmentReports(deps); // the one-time backfill; nothing due yet
  deps.clock.set(new Date('2026-02-04T00:00:00.000Z'));
  const reminders = await measured(deps.store, () => remindAssessmentReports(deps));
  const quiet = await measured(deps.store, () => remindAssessmentReports(deps));
  deps.clock.set(new Date('2026-02-07T00:00:00.000Z'));
  const warnings = await measured(deps.store, () => remindAssessmentReports(deps));
  const after = await measured(deps.store, () => remindAssessmentReports(deps));
  return { deps, warmUp, reminders, quiet, warnings, after };
}

test('3 reports due among 300 not due read exactly as much as the 3 alone: reminders, then warnings, each once', async () => {
  const alone = await run(0);
  const among = await run(300);
  for (const r of [alone, among]) {
    expect([r.warmUp, r.reminders.result, r.quiet.result, r.warnings.result, r.after.result]).toEqual([0, 3, 0, 3, 0]);
    expect(r.deps.mailer.sent.map((m) => m.subject.slice(0, 4))).toEqual([...Array(3).fill('【提醒】'), ...Array(3).fill('【预警】')]);
  }
  expect(among.reminders.reads).toEqual(alone.reminders.reads);
  expect(among.quiet.reads).toEqual(alone.quiet.reads);
  expect(among.warnings.reads).toEqual(alone.warnings.reads);
  expect(among.after.reads).toEqual(alone.after.reads);
  // Warned: nothing left, the entry deleted; March's report waits for its reminder.
  expect(await getDueEntry(among.deps.store, reportPk('c1', '2026-M01', 'due-0'))).toBeUndefined();
  expect(await getDueEntry(among.deps.store, reportPk('c1', '2026-M03', 'later-001'))).toMatchObject({ kind: 'report', wakeAt: '2026-04-05T15:59:59.000Z', version: 1 });
  expect(await getDueEntry(among.deps.store, reportPk('c1', '2026-M01', 'later-000'))).toBeUndefined(); // submitted: none
}, 180_000);

test('the entry is written with each change of the report: submitted, none; returned, due again; two ticks at once mail once', async () => {
  const deps = await schedulerDeps('2026-02-02T00:00:00.000Z');
  await seed(deps);
  await addAccount(deps.store, { username: 's1', password: 'x', orgId: 'b1', email: 's1@example.org' });
  const opened = report('b1', '2026-M01', 'open', JANUARY_DUE);
  await putReports(deps, [opened]);
  const pk = reportPk('c1', '2026-M01', 'b1');
  expect(await getDueEntry(deps.store, pk)).toMatchObject({ wakeAt: '2026-02-03T15:59:59.000Z', version: 1 });

  const submitted = nextReport(opened, { status: 'submitted', submissions: 1 });
  await transactWrite(deps.store, reportChange(deps.store, submitted, { at: '2026-02-02T00:00:00.000Z', action: 'assessment.report-submitted', actor: 's1' }));
  expect(await getDueEntry(deps.store, pk)).toBeUndefined();
  deps.clock.set(new Date('2026-02-07T00:00:00.000Z'));
  expect(await remindAssessmentReports(deps)).toBe(0);

  // Returned after the due instant: due at once (a lower bound), the warning mailed once by two ticks racing.
  const returned = nextReport(submitted, { status: 'returned' });
  await transactWrite(deps.store, reportChange(deps.store, returned, { at: '2026-02-07T00:00:00.000Z', action: 'assessment.report-returned', actor: 'li' }));
  expect(await getDueEntry(deps.store, pk)).toMatchObject({ wakeAt: '2026-02-03T15:59:59.000Z', version: 3 });
  const [a, b] = await Promise.all([remindAssessmentReports(deps), remindAssessmentReports(deps)]);
  expect(a + b).toBe(1);
  expect(deps.mailer.sent.map((m) => m.subject)).toEqual(['【预警】党建工作目标考核：b1党支部2026-M01期报告已逾期']);
  expect(await getDueEntry(deps.store, pk)).toBeUndefined();
  expect(await remindAssessmentReports(deps)).toBe(0);
});

test('reports opened before the index get their entry once, from the reminders already claimed; run again it writes nothing', async () => {
  const deps = await schedulerDeps('2026-02-04T00:00:00.000Z');
  await seed(deps);
  for (const id of ['old-0', 'old-1']) await addAccount(deps.store, { username: id, password: 'x', orgId: id, email: `${id}@example.org` });
  await putReports(deps, [report('old-0', '2026-M01', 'open', JANUARY_DUE), report('old-1', '2026-M01', 'open', JANUARY_DUE), report('old-2', '2026-M01', 'scored', JANUARY_DUE)], false);
  // old-0's reminder was claimed by the scanning tick before the index.
  await deps.store.doc.send(new PutCommand({ TableName: deps.store.tableName, Item: { pk: reportPk('c1', '2026-M01', 'old-0'), sk: 'REMIND#before', type: 'assessment-reminder', at: '2026-02-03T16:00:00.000Z' } }));

  expect(await backfillReportEntries(deps)).toBe(2);
  expect(await getDueEntry(deps.store, reportPk('c1', '2026-M01', 'old-0'))).toMatchObject({ wakeAt: '2026-02-06T15:59:59.001Z' });
  expect(await getDueEntry(deps.store, reportPk('c1', '2026-M01', 'old-1'))).toMatchObject({ wakeAt: '2026-02-03T15:59:59.000Z' });
  expect(await getDueEntry(deps.store, reportPk('c1', '2026-M01', 'old-2'))).toBeUndefined();
  expect(await backfillReportEntries(deps)).toBeUndefined(); // the marker
  // Run again as after a crash before the marker: nothing new.
  await deps.store.doc.send(new DeleteCommand({ TableName: deps.store.tableName, Key: { pk: 'DUEINDEX', sk: 'BACKFILL#report' } }));
  expect(await backfillReportEntries(deps)).toBe(0);
  expect(await remindAssessmentReports(deps)).toBe(1); // old-1's reminder; old-0's not again
  expect(deps.mailer.sent.map((m) => m.to)).toEqual([['old-1@example.org']]);
});
