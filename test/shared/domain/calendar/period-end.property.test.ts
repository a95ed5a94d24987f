import fc from 'fast-check';
import {
  addDays,
  chinaDate,
  computePeriodEnd,
  countWorkingDays,
  datesFromTo,
  dayStatus,
  daysBetween,
  isWeekend,
  shippedCalendar,
  withYears,
  type HolidayYear,
  type WorkingCalendar,
} from '../../../../shared/domain/calendar';

const shipped = shippedCalendar();

/** A made-up 2027 as an administrator might enter it: some days off, some working weekend days. */
const year2027: fc.Arbitrary<HolidayYear> = fc
  .tuple(fc.uniqueArray(fc.integer({ min: 0, max: 364 }), { maxLength: 40 }), fc.uniqueArray(fc.integer({ min: 0, max: 364 }), { maxLength: 10 }))
  .map(([off, extra]) => {
    const daysOff = off.map((n) => addDays('2027-01-01', n));
    const workingWeekendDays = extra.map((n) => addDays('2027-01-01', n)).filter((date) => isWeekend(date) && !daysOff.includes(date));
    return { year: 2027, daysOff, workingWeekendDays };
  });

const calendars: fc.Arbitrary<WorkingCalendar> = fc.oneof(fc.constant(shipped), year2027.map((year) => withYears(shipped, [year])));
const instants = fc.date({ min: new Date('2024-11-01T00:00:00Z'), max: new Date('2028-02-01T00:00:00Z'), noInvalidDate: true });
const counts = fc.integer({ min: 1, max: 40 });

describe('computePeriodEnd properties (working days)', () => {
  test('the end never falls on a day off, and every counted day is a working day', () => {
    fc.assert(
      fc.property(calendars, instants, counts, (calendar, publishedAt, count) => {
        const result = computePeriodEnd(calendar, publishedAt, { unit: 'workingDays', count });
        expect(dayStatus(calendar, result.lastDay).working).toBe(true);
        for (const day of result.countedDays) expect(dayStatus(calendar, day).working).toBe(true);
      }),
    );
  });

  test('counting working days back from the last day to the first counted day gives N', () => {
    fc.assert(
      fc.property(calendars, instants, counts, (calendar, publishedAt, count) => {
        const result = computePeriodEnd(calendar, publishedAt, { unit: 'workingDays', count });
        expect(countWorkingDays(calendar, result.countedDays[0], result.lastDay)).toBe(count);
        expect(countWorkingDays(calendar, chinaDate(publishedAt), result.lastDay)).toBe(count);
      }),
    );
  });

  test('countedDays has length N, is strictly increasing and ends on lastDay', () => {
    fc.assert(
      fc.property(calendars, instants, counts, (calendar, publishedAt, count) => {
        const { countedDays, lastDay } = computePeriodEnd(calendar, publishedAt, { unit: 'workingDays', count });
        expect(countedDays).toHaveLength(count);
        for (let i = 1; i < countedDays.length; i += 1) expect(daysBetween(countedDays[i - 1], countedDays[i])).toBeGreaterThan(0);
        expect(countedDays[countedDays.length - 1]).toBe(lastDay);
      }),
    );
  });

  test('skipped and counted days together are every day from publication to the end, without overlap', () => {
    fc.assert(
      fc.property(calendars, instants, counts, (calendar, publishedAt, count) => {
        const result = computePeriodEnd(calendar, publishedAt, { unit: 'workingDays', count });
        const span = datesFromTo(chinaDate(publishedAt), result.lastDay);
        const skipped = result.skippedDays.map((day) => day.date);
        expect([...result.countedDays, ...skipped].sort()).toEqual(span);
        for (const day of result.skippedDays) {
          const status = dayStatus(calendar, day.date);
          expect(status.working).toBe(false);
          expect(day.reason).toBe(status.reason);
        }
      }),
    );
  });

  test('provisional exactly when a day examined is in a year without data', () => {
    fc.assert(
      fc.property(calendars, instants, counts, (calendar, publishedAt, count) => {
        const result = computePeriodEnd(calendar, publishedAt, { unit: 'workingDays', count });
        const span = datesFromTo(chinaDate(publishedAt), result.lastDay);
        const missing = [...new Set(span.map((date) => Number(date.slice(0, 4))).filter((year) => !calendar.years.has(year)))];
        expect(result.missingYears).toEqual(missing);
        expect(result.provisional).toBe(missing.length > 0);
      }),
    );
  });

  test('the end is after publication, at 23:59:59 China time, and a longer period never ends earlier', () => {
    fc.assert(
      fc.property(calendars, instants, counts, (calendar, publishedAt, count) => {
        const shorter = computePeriodEnd(calendar, publishedAt, { unit: 'workingDays', count });
        const longer = computePeriodEnd(calendar, publishedAt, { unit: 'workingDays', count: count + 1 });
        // The period lasts through the last second of its last day (23:59:59.999), even for a publication within that second.
        expect(shorter.endsAtInstant.getTime() + 999).toBeGreaterThanOrEqual(publishedAt.getTime());
        expect(shorter.endsAt).toBe(`${shorter.lastDay}T23:59:59+08:00`);
        expect(chinaDate(shorter.endsAtInstant)).toBe(shorter.lastDay);
        expect(chinaDate(new Date(shorter.endsAtInstant.getTime() + 1000))).toBe(addDays(shorter.lastDay, 1));
        expect(daysBetween(shorter.lastDay, longer.lastDay)).toBeGreaterThan(0);
      }),
    );
  });
});

describe('computePeriodEnd properties (calendar days)', () => {
  test('a calendar-day period ends exactly N-1 days after the publication day, whatever the holidays', () => {
    fc.assert(
      fc.property(calendars, instants, fc.integer({ min: 1, max: 400 }), (calendar, publishedAt, count) => {
        const result = computePeriodEnd(calendar, publishedAt, { unit: 'calendarDays', count });
        expect(daysBetween(chinaDate(publishedAt), result.lastDay)).toBe(count - 1);
        expect(result.countedDays).toEqual(datesFromTo(chinaDate(publishedAt), result.lastDay));
        expect(result.skippedDays).toEqual([]);
        expect(result.provisional).toBe(false);
      }),
    );
  });
});

describe('adding a year that has no day off', () => {
  const emptyYears = fc.integer({ min: 2027, max: 2030 }).map((year): HolidayYear => ({ year, daysOff: [], workingWeekendDays: [] }));

  test('changes nothing for any day, in particular weekdays', () => {
    fc.assert(
      fc.property(emptyYears, fc.integer({ min: 0, max: 4 * 366 }), (year, offset) => {
        const date = addDays('2027-01-01', offset);
        const before = dayStatus(shipped, date);
        const after = dayStatus(withYears(shipped, [year]), date);
        expect(after.working).toBe(before.working);
        if (!isWeekend(date)) expect(after.working).toBe(true);
        expect(after.known).toBe(Number(date.slice(0, 4)) === year.year);
      }),
    );
  });

  test('moves no period end; it only drops that year from missingYears', () => {
    fc.assert(
      fc.property(emptyYears, instants, counts, (year, publishedAt, count) => {
        const before = computePeriodEnd(shipped, publishedAt, { unit: 'workingDays', count });
        const after = computePeriodEnd(withYears(shipped, [year]), publishedAt, { unit: 'workingDays', count });
        expect(after.endsAt).toBe(before.endsAt);
        expect(after.countedDays).toEqual(before.countedDays);
        expect(after.missingYears).toEqual(before.missingYears.filter((missing) => missing !== year.year));
      }),
    );
  });
});
