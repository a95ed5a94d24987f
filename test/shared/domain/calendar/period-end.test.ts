import {
  CalendarPeriodInvalidError,
  computePeriodEnd,
  shippedCalendar,
  type PeriodUnit,
} from '../../../../shared/domain/calendar';

const calendar = shippedCalendar();

describe('computePeriodEnd: worked examples of docs/domain/notices-and-calendar.md (5 working days)', () => {
  test.each([
    {
      published: '2026-09-23T09:00:00+08:00',
      counted: ['2026-09-23', '2026-09-24', '2026-09-28', '2026-09-29', '2026-09-30'],
      skipped: [['2026-09-25', 'holiday'], ['2026-09-26', 'holiday'], ['2026-09-27', 'holiday']],
      endsAt: '2026-09-30T23:59:59+08:00',
      utc: '2026-09-30T15:59:59.000Z',
    },
    {
      published: '2026-09-18T09:00:00+08:00',
      counted: ['2026-09-18', '2026-09-20', '2026-09-21', '2026-09-22', '2026-09-23'],
      skipped: [['2026-09-19', 'weekend']],
      endsAt: '2026-09-23T23:59:59+08:00',
      utc: '2026-09-23T15:59:59.000Z',
    },
    {
      published: '2026-09-29T09:00:00+08:00',
      counted: ['2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10'],
      skipped: ['01', '02', '03', '04', '05', '06', '07'].map((day) => [`2026-10-${day}`, 'holiday']),
      endsAt: '2026-10-10T23:59:59+08:00',
      utc: '2026-10-10T15:59:59.000Z',
    },
  ])('published $published → $endsAt', ({ published, counted, skipped, endsAt, utc }) => {
    const result = computePeriodEnd(calendar, new Date(published), { unit: 'workingDays', count: 5 });
    expect(result).toEqual({
      endsAt,
      endsAtInstant: new Date(utc),
      lastDay: counted[counted.length - 1],
      countedDays: counted,
      skippedDays: skipped.map(([date, reason]) => ({ date, reason })),
      provisional: false,
      missingYears: [],
    });
    expect(result.endsAtInstant.toISOString()).toBe(utc);
  });
});

interface Row {
  name: string;
  published: string;
  unit: PeriodUnit;
  count: number;
  lastDay: string;
  first: string;
  skipped: string[];
  missingYears?: number[];
}

const rows: Row[] = [
  { name: 'published on a holiday (Sat 2026-10-03) starts on the next working day', published: '2026-10-03T10:00:00+08:00', unit: 'workingDays', count: 5, first: '2026-10-08', lastDay: '2026-10-13', skipped: ['2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-11'] },
  { name: 'published on the last day of a holiday (2025-10-08)', published: '2025-10-08T08:00:00+08:00', unit: 'workingDays', count: 5, first: '2025-10-09', lastDay: '2025-10-14', skipped: ['2025-10-08', '2025-10-12'] },
  { name: 'published on a working Sunday (2026-09-20) counts that Sunday', published: '2026-09-20T15:00:00+08:00', unit: 'workingDays', count: 5, first: '2026-09-20', lastDay: '2026-09-24', skipped: [] },
  { name: 'published on an ordinary Sunday starts on Monday', published: '2026-03-08T11:00:00+08:00', unit: 'workingDays', count: 5, first: '2026-03-09', lastDay: '2026-03-13', skipped: ['2026-03-08'] },
  { name: 'Friday 23:30 China time (UTC Friday 15:30) counts Friday', published: '2026-03-13T15:30:00Z', unit: 'workingDays', count: 5, first: '2026-03-13', lastDay: '2026-03-19', skipped: ['2026-03-14', '2026-03-15'] },
  { name: 'UTC Thursday 16:30 is already Friday in China', published: '2026-03-12T16:30:00Z', unit: 'workingDays', count: 5, first: '2026-03-13', lastDay: '2026-03-19', skipped: ['2026-03-14', '2026-03-15'] },
  { name: 'UTC Friday 16:00 is Saturday 00:00 in China', published: '2026-03-13T16:00:00Z', unit: 'workingDays', count: 5, first: '2026-03-16', lastDay: '2026-03-20', skipped: ['2026-03-14', '2026-03-15'] },
  { name: 'UTC Friday 15:59:59 is still Friday in China', published: '2026-03-13T15:59:59Z', unit: 'workingDays', count: 1, first: '2026-03-13', lastDay: '2026-03-13', skipped: [] },
  { name: '2025 Spring Festival: Monday before, then a working Saturday', published: '2025-01-27T10:00:00+08:00', unit: 'workingDays', count: 5, first: '2025-01-27', lastDay: '2025-02-08', skipped: ['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04'] },
  { name: '2025 Spring Festival: published on the working Sunday 2025-01-26', published: '2025-01-26T10:00:00+08:00', unit: 'workingDays', count: 5, first: '2025-01-26', lastDay: '2025-02-07', skipped: ['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04'] },
  { name: '2026 Spring Festival, 10 working days with a working Saturday before it', published: '2026-02-09T10:00:00+08:00', unit: 'workingDays', count: 10, first: '2026-02-09', lastDay: '2026-02-27', skipped: ['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23'] },
  { name: 'from 2025 into 2026 New Year, both years known', published: '2025-12-31T10:00:00+08:00', unit: 'workingDays', count: 5, first: '2025-12-31', lastDay: '2026-01-07', skipped: ['2026-01-01', '2026-01-02', '2026-01-03'] },
  { name: 'from 2026 into 2027 (no data): weekends only, provisional', published: '2026-12-30T10:00:00+08:00', unit: 'workingDays', count: 5, first: '2026-12-30', lastDay: '2027-01-05', skipped: ['2027-01-02', '2027-01-03'], missingYears: [2027] },
  { name: 'from 2024 (no data) into 2025 New Year', published: '2024-12-30T10:00:00+08:00', unit: 'workingDays', count: 5, first: '2024-12-30', lastDay: '2025-01-06', skipped: ['2025-01-01', '2025-01-04', '2025-01-05'], missingYears: [2024] },
  { name: 'count 1 on a working day ends that day', published: '2026-09-23T00:00:00+08:00', unit: 'workingDays', count: 1, first: '2026-09-23', lastDay: '2026-09-23', skipped: [] },
  { name: 'count 1 on a holiday Saturday ends on the next working day', published: '2026-09-26T12:00:00+08:00', unit: 'workingDays', count: 1, first: '2026-09-28', lastDay: '2026-09-28', skipped: ['2026-09-26', '2026-09-27'] },
  { name: '7 calendar days across the National Day holiday', published: '2026-09-29T10:00:00+08:00', unit: 'calendarDays', count: 7, first: '2026-09-29', lastDay: '2026-10-05', skipped: [] },
  { name: '7 calendar days across the 2026 Spring Festival', published: '2026-02-13T10:00:00+08:00', unit: 'calendarDays', count: 7, first: '2026-02-13', lastDay: '2026-02-19', skipped: [] },
  { name: '1 calendar day on a Saturday ends that Saturday', published: '2026-03-14T10:00:00+08:00', unit: 'calendarDays', count: 1, first: '2026-03-14', lastDay: '2026-03-14', skipped: [] },
  { name: 'calendar days counted from the China date of a UTC instant', published: '2026-03-13T16:00:00Z', unit: 'calendarDays', count: 3, first: '2026-03-14', lastDay: '2026-03-16', skipped: [] },
  { name: 'calendar days into 2027 are not provisional (no holiday data needed)', published: '2026-12-28T10:00:00+08:00', unit: 'calendarDays', count: 7, first: '2026-12-28', lastDay: '2027-01-03', skipped: [] },
];

describe('computePeriodEnd: boundaries', () => {
  test.each(rows)('$name', ({ published, unit, count, first, lastDay, skipped, missingYears = [] }) => {
    const result = computePeriodEnd(calendar, new Date(published), { unit, count });
    expect(result.lastDay).toBe(lastDay);
    expect(result.endsAt).toBe(`${lastDay}T23:59:59+08:00`);
    expect(result.endsAtInstant.getTime()).toBe(Date.parse(`${lastDay}T15:59:59Z`));
    expect(result.countedDays[0]).toBe(first);
    expect(result.countedDays).toHaveLength(count);
    expect(result.skippedDays.map((day) => day.date)).toEqual(skipped);
    expect(result.missingYears).toEqual(missingYears);
    expect(result.provisional).toBe(missingYears.length > 0);
  });

  test('skipped days carry their reason', () => {
    const result = computePeriodEnd(calendar, new Date('2026-10-03T10:00:00+08:00'), { unit: 'workingDays', count: 5 });
    expect(result.skippedDays.find((day) => day.date === '2026-10-04')).toEqual({ date: '2026-10-04', reason: 'holiday' });
    expect(result.skippedDays.find((day) => day.date === '2026-10-11')).toEqual({ date: '2026-10-11', reason: 'weekend' });
  });

  test('a period beginning in one unknown year and ending in another lists both', () => {
    const result = computePeriodEnd(calendar, new Date('2027-12-20T10:00:00+08:00'), { unit: 'workingDays', count: 20 });
    expect(result.missingYears).toEqual([2027, 2028]);
    expect(result.provisional).toBe(true);
    expect(result.lastDay).toBe('2028-01-14');
  });
});

describe('computePeriodEnd: invalid input', () => {
  test.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 3661])('count %p is refused', (count) => {
    expect(() => computePeriodEnd(calendar, new Date('2026-09-23T00:00:00+08:00'), { unit: 'workingDays', count })).toThrow(CalendarPeriodInvalidError);
    expect(() => computePeriodEnd(calendar, new Date('2026-09-23T00:00:00+08:00'), { unit: 'calendarDays', count })).toThrow(CalendarPeriodInvalidError);
  });

  test('the largest count is accepted', () => {
    expect(computePeriodEnd(calendar, new Date('2026-01-01T00:00:00+08:00'), { unit: 'calendarDays', count: 3660 }).countedDays).toHaveLength(3660);
  });

  test('an invalid publication instant is refused, with the cause', () => {
    let thrown: unknown;
    try {
      computePeriodEnd(calendar, new Date('not a date'), { unit: 'workingDays', count: 5 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CalendarPeriodInvalidError);
    expect((thrown as Error).cause).toBeInstanceOf(Error);
  });

  test('an unknown unit is refused', () => {
    const period = { unit: 'weeks' as PeriodUnit, count: 1 };
    expect(() => computePeriodEnd(calendar, new Date('2026-09-23T00:00:00+08:00'), period)).toThrow(CalendarPeriodInvalidError);
  });
});
