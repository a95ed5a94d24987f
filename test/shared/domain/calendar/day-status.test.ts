import {
  countWorkingDays,
  dayStatus,
  holidays2025,
  holidays2026,
  shippedCalendar,
  weekday,
  withYears,
} from '../../../../shared/domain/calendar';
import { holidayYearSchema } from '../../../../shared/schemas/holiday-year';

const calendar = shippedCalendar();

describe('dayStatus', () => {
  test.each([
    ['2026-09-21', true, 'workday', true],
    ['2026-09-19', false, 'weekend', true],
    ['2026-09-20', true, 'working-weekend', true],
    ['2026-10-01', false, 'holiday', true],
    ['2026-10-03', false, 'holiday', true],
    ['2026-10-10', true, 'working-weekend', true],
    ['2025-01-26', true, 'working-weekend', true],
    ['2025-02-04', false, 'holiday', true],
    ['2025-06-02', false, 'holiday', true],
    ['2027-01-01', true, 'workday', false],
    ['2027-01-02', false, 'weekend', false],
    ['2024-10-01', true, 'workday', false],
  ] as const)('%s → working %p, %s, known %p', (date, working, reason, known) => {
    expect(dayStatus(calendar, date)).toEqual({ working, reason, known });
  });

  test('a stored year replaces the shipped one', () => {
    const replaced = withYears(calendar, [{ year: 2026, daysOff: ['2026-09-21'], workingWeekendDays: [] }]);
    expect(dayStatus(replaced, '2026-09-21')).toEqual({ working: false, reason: 'holiday', known: true });
    expect(dayStatus(replaced, '2026-10-01')).toEqual({ working: true, reason: 'workday', known: true });
    expect(dayStatus(replaced, '2026-09-20')).toEqual({ working: false, reason: 'weekend', known: true });
    expect(dayStatus(calendar, '2026-10-01').working).toBe(false);
  });
});

describe('shipped holiday data (docs/domain/notices-and-calendar.md)', () => {
  test('has the years 2025 and 2026 with their sources', () => {
    expect([...calendar.years.keys()].sort()).toEqual([2025, 2026]);
    expect(calendar.years.get(2025)?.source).toBe('国务院办公厅关于2025年部分节假日安排的通知');
    expect(calendar.years.get(2026)?.source).toBe('国务院办公厅关于2026年部分节假日安排的通知');
  });

  test.each([
    [holidays2025, 28, ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']],
    [holidays2026, 33, ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']],
  ])('year %#: day-off count and working weekend days', (year, daysOff, workingWeekendDays) => {
    expect(year.daysOff).toHaveLength(daysOff);
    expect(year.workingWeekendDays).toEqual(workingWeekendDays);
    expect(year.workingWeekendDays.map(weekday).every((day) => day === 0 || day === 6)).toBe(true);
    expect(holidayYearSchema.safeParse(year).success).toBe(true);
  });

  test.each([
    ['2025-01-27', '2025-02-09', 5],
    ['2025-09-29', '2025-10-12', 5],
    ['2026-02-09', '2026-02-28', 11],
    ['2026-09-28', '2026-10-11', 6],
    ['2026-01-01', '2026-12-31', 248],
    ['2025-01-01', '2025-12-31', 248],
    ['2026-10-02', '2026-10-01', 0],
  ])('countWorkingDays(%s, %s) = %i', (from, to, count) => {
    expect(countWorkingDays(calendar, from, to)).toBe(count);
  });
});
