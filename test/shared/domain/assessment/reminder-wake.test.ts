import fc from 'fast-check';
import {
  lastInstantOfChinaYear, nextReportWake, periodReviewDeadline, periodsOf, reminderWakeEvents, reportReminderDue, reportWakeEvents, reviewWakeLowerBound,
} from '../../../../shared/domain/assessment';
import { shippedCalendar, withYears, type WorkingCalendar } from '../../../../shared/domain/calendar';
import { dueEvents } from '../../../../shared/domain/scheduling/next-wake';

// docs/domain/scheduler.md: a report's and a period's review reminders as wake events (A16a, A18), the boundary on each side.
const dueAt = '2026-02-06T23:59:59+08:00'; // 2026-02-06T15:59:59.000Z
const report = (status: string, year = 2026) => ({ status, dueAt, year });
const dueKind = (r: { status: string; dueAt: string; year: number }, now: string, done: string[] = []) => dueEvents(reportWakeEvents(r), now, new Set(done)).map((e) => e.key);

test.each([
  ['open', '2026-02-03T15:59:58.999Z', []],
  ['open', '2026-02-03T15:59:59.000Z', ['before']],
  ['returned', '2026-02-06T15:59:59.000Z', ['before']],
  ['open', '2026-02-06T15:59:59.001Z', ['after']],
  ['open', '2027-12-31T15:59:59.999Z', ['after']], // the last millisecond of the next year (China time)
  ['open', '2028-01-01T00:00:00.000Z', []], // the year after next: no longer looked at
  ['submitted', '2026-02-05T00:00:00.000Z', []],
  ['scored', '2026-02-07T00:00:00.000Z', []],
])('a %s report at %s: %j due', (status, now, expected) => {
  expect(dueKind(report(status), now)).toEqual(expected);
});

test.each([
  ['', [], '2026-02-03T15:59:59.000Z'], // a change of the report: the earliest event
  ['2026-02-04T00:00:00.000Z', [], '2026-02-03T15:59:59.000Z'], // the reminder due now
  ['2026-02-04T00:00:00.000Z', ['before'], '2026-02-06T15:59:59.001Z'], // reminded: on to the warning
  ['2026-02-07T00:00:00.000Z', [], '2026-02-06T15:59:59.001Z'], // the reminder past: the warning
  ['2026-02-07T00:00:00.000Z', ['after'], undefined], // warned: nothing left
  ['2028-01-01T00:00:00.000Z', [], undefined],
])('the wake of an open report at %j, %j sent: %s', (now, done, expected) => {
  expect(nextReportWake(report('open'), now, new Set(done))).toBe(expected);
  expect(nextReportWake(report('submitted'), now, new Set(done))).toBeUndefined();
});

test('the last instant of a China year', () => {
  expect(lastInstantOfChinaYear(2027)).toBe('2027-12-31T15:59:59.999Z');
});

test('the events say what reportReminderDue says, at any instant of the years looked at, and never wake after it', () => {
  const start = Date.parse('2026-01-01T00:00:00Z');
  const end = Date.parse('2027-12-31T15:59:59.999Z');
  fc.assert(fc.property(fc.integer({ min: start, max: end }), fc.integer({ min: start, max: end }), fc.constantFrom('open', 'returned', 'submitted'), (due, now, status) => {
    const r = { status, dueAt: new Date(due).toISOString(), year: 2026 };
    const at = new Date(now);
    const expected = reportReminderDue(r, at);
    expect(dueKind(r, at.toISOString())).toEqual(expected ? [expected] : []);
    const wake = nextReportWake(r);
    if (expected) expect(wake! <= at.toISOString()).toBe(true);
  }), { numRuns: 500 });
});

test.each([
  ['2026-02-10T15:59:58.999Z', []],
  ['2026-02-10T15:59:59.000Z', ['before']],
  ['2026-02-13T15:59:59.000Z', ['before']],
  ['2026-02-13T15:59:59.001Z', ['after']],
])('review deadline 13 Feb, at %s: %j due', (now, expected) => {
  expect(dueEvents(reminderWakeEvents('2026-02-13T23:59:59+08:00', 2026), now, new Set()).map((e) => e.key)).toEqual(expected);
});

/** Every Saturday and Sunday of a year declared a working day, no day off: the densest calendar there can be. */
function everyDayWorking(years: number[]): WorkingCalendar {
  return withYears({ years: new Map() }, years.map((year) => {
    const weekend: string[] = [];
    for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) if ([0, 6].includes(new Date(t).getUTCDay())) weekend.push(new Date(t).toISOString().slice(0, 10));
    return { year, daysOff: [], workingWeekendDays: weekend };
  }));
}

test('the opening\'s lower bound is never after the reminder under any calendar: the shipped one, or every day working', () => {
  const calendars = [shippedCalendar(), everyDayWorking([2025, 2026, 2027])];
  const periods = [...periodsOf(2025, 'monthly'), ...periodsOf(2026, 'monthly'), ...periodsOf(2026, 'quarterly'), ...periodsOf(2026, 'yearly')];
  fc.assert(fc.property(fc.constantFrom(...periods), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), fc.constantFrom(...calendars), (period, reportDueWorkingDays, reviewDueWorkingDays, calendar) => {
    const settings = { reportDueWorkingDays, reviewDueWorkingDays };
    const reminderFrom = reminderWakeEvents(periodReviewDeadline(calendar, period, settings), period.year)[0].from;
    expect(reviewWakeLowerBound(period, settings) <= reminderFrom).toBe(true);
  }), { numRuns: 300 });
  // Every day working: the bound is exact.
  const january = periodsOf(2026, 'monthly')[0];
  expect(reviewWakeLowerBound(january, { reportDueWorkingDays: 5, reviewDueWorkingDays: 5 })).toBe(reminderWakeEvents(periodReviewDeadline(calendars[1], january, { reportDueWorkingDays: 5, reviewDueWorkingDays: 5 }), 2026)[0].from);
});
