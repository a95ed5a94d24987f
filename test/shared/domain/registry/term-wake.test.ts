import fc from 'fast-check';
import { addDays } from '../../../../shared/domain/calendar';
import { defineTermReminderRules, TERM_REMINDER_LIMITS } from '../../../../shared/domain/election/term-reminder-settings';
import { DEFAULT_TERM_REMINDERS, termStatus } from '../../../../shared/domain/election/term-reminders';
import { nextTermWake, termWakeEvents, termWakeLowerBound } from '../../../../shared/domain/registry/term-wake';
import { dueEvents } from '../../../../shared/domain/scheduling/next-wake';

// docs/domain/scheduler.md: an organization's term wakes the scheduler on the days the term reminders are due.

const org = (termEnd?: string, status: 'active' | 'closed' = 'active') => ({ status, ...(termEnd !== undefined && { termEnd }) });
const rules = DEFAULT_TERM_REMINDERS; // 6m, 2m, request-1m

test.each([
  // [what, organization, today, done, wake]
  ['a new term: its 6-month reminder', org('2027-08-31'), '2026-01-01', [], '2027-02-28'],
  ['the day before the 6-month reminder', org('2027-08-31'), '2027-02-27', [], '2027-02-28'],
  ['the 6-month reminder on its day', org('2027-08-31'), '2027-02-28', [], '2027-02-28'],
  ['6 months sent: the 2-month reminder', org('2027-08-31'), '2027-02-28', ['6m'], '2027-06-30'],
  ['6 months never sent, past its window (the 2-month one is due)', org('2027-08-31'), '2027-06-30', [], '2027-06-30'],
  ['the last day of the 6-month window', org('2027-08-31'), '2027-06-29', [], '2027-02-28'],
  ['the request deadline sent: the overdue warning the day after the term end', org('2027-08-31'), '2027-07-31', ['request-1m'], '2027-09-01'],
  ['the term end day itself: the request deadline still due', org('2027-08-31'), '2027-08-31', [], '2027-07-31'],
  ['overdue and warned: nothing left', org('2027-08-31'), '2027-09-01', ['overdue'], undefined],
  ['closed: nothing', org('2027-08-31', 'closed'), '2027-02-28', [], undefined],
  ['no term end: nothing', org(), '2027-02-28', [], undefined],
  ['not a date: nothing', org('2027-02-30'), '2027-02-28', [], undefined],
] as const)('%s', (_what, o, today, done, wake) => {
  expect(nextTermWake(o, rules, today, new Set(done))).toBe(wake);
});

test('an organization write wakes at the earliest reminder any setting may have: 24 months before the term end', () => {
  expect(TERM_REMINDER_LIMITS.maxMonths).toBe(24);
  expect(termWakeLowerBound(org('2027-08-31'))).toBe('2025-08-31');
  expect(termWakeLowerBound(org('2027-08-31', 'closed'))).toBeUndefined();
  expect(termWakeLowerBound(org())).toBeUndefined();
});

const settingArb = fc
  .record({ request: fc.integer({ min: 1, max: 12 }), notices: fc.uniqueArray(fc.integer({ min: 1, max: 24 }), { minLength: 0, maxLength: 4 }) })
  .map(({ request, notices }) => ({ requestMonths: request, noticeMonths: notices.filter((m) => m > request) }));
const dayArb = (from: string, days: number) => fc.integer({ min: 0, max: days }).map((n) => addDays(from, n));

test('the event due on a day is exactly the reminder or warning termStatus names, under any setting', () => {
  fc.assert(fc.property(settingArb, dayArb('2026-01-01', 2000), fc.integer({ min: 0, max: 1200 }), (setting, termEnd, before) => {
    const defined = defineTermReminderRules(setting);
    const today = addDays(termEnd, -before + 60);
    const status = termStatus({ termEnd }, today, { rules: defined });
    const expected = status.state === 'overdue' ? ['overdue'] : status.due ? [status.due.key] : [];
    expect(dueEvents(termWakeEvents(org(termEnd), defined), today, new Set()).map((e) => e.key)).toEqual(expected);
  }));
});

test('the lower bound is never after the wake date of any setting, and the wake date never after the day something is due', () => {
  fc.assert(fc.property(settingArb, dayArb('2026-01-01', 2000), fc.integer({ min: 0, max: 1200 }), (setting, termEnd, before) => {
    const defined = defineTermReminderRules(setting);
    const today = addDays(termEnd, -before + 60);
    const wake = nextTermWake(org(termEnd), defined, today)!;
    expect(termWakeLowerBound(org(termEnd))! <= wake).toBe(true);
    // Nothing is due on a day before the wake date.
    for (let day = today; day < wake && day <= addDays(termEnd, 1); day = addDays(day, 7)) {
      expect(dueEvents(termWakeEvents(org(termEnd), defined), day, new Set())).toEqual([]);
    }
  }));
});
