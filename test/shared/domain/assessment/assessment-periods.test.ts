import { shippedCalendar } from '../../../../shared/domain/calendar';
import {
  AssessmentRuleError, DEFAULT_INDICATORS, isLate, periodByKey, periodReviewDeadline, periodsOf, periodsOpenAt, reportDueAt, reviewDueAt, schemePeriods,
} from '../../../../shared/domain/assessment';

const calendar = shippedCalendar();

describe('periods of a year (A5)', () => {
  test.each([
    ['monthly', 12, '2026-M01', '2026-01-01', '2026-01-31', '2026年1月'],
    ['quarterly', 4, '2026-Q1', '2026-01-01', '2026-03-31', '2026年第一季度'],
    ['half-yearly', 2, '2026-H1', '2026-01-01', '2026-06-30', '2026年上半年'],
    ['yearly', 1, '2026-Y', '2026-01-01', '2026-12-31', '2026年度'],
  ] as const)('%s: %i periods, the first %s from %s to %s', (frequency, count, key, startsOn, endsOn, label) => {
    const periods = periodsOf(2026, frequency);
    expect(periods).toHaveLength(count);
    expect(periods[0]).toMatchObject({ key, startsOn, endsOn, label, opensAt: `${startsOn}T00:00:00+08:00`, closesAt: `${endsOn}T23:59:59+08:00` });
    expect(periods.at(-1)?.endsOn).toBe('2026-12-31');
  });

  test('February of a leap year ends on the 29th, of another year on the 28th', () => {
    expect(periodsOf(2028, 'monthly')[1].endsOn).toBe('2028-02-29');
    expect(periodsOf(2026, 'monthly')[1].endsOn).toBe('2026-02-28');
  });

  test('the default scheme needs 12 + 4 + 2 + 1 periods, ordered by their end', () => {
    const periods = schemePeriods({ year: 2026, indicators: DEFAULT_INDICATORS });
    expect(periods).toHaveLength(19);
    expect(periods.slice(0, 4).map((p) => p.key)).toEqual(['2026-M01', '2026-M02', '2026-M03', '2026-Q1']);
    expect(periods.at(-1)?.key).toBe('2026-Y');
  });

  test.each(['2026-M00', '2026-M13', '2026-Q5', '2026-H3', '26-M01', 'x'])('key %s is refused in Chinese', (key) => {
    expect(() => periodByKey(key)).toThrow(AssessmentRuleError);
    expect(() => periodByKey(key)).toThrow(/考核期/);
  });

  test('a key gives its period back', () => {
    expect(periodByKey('2026-Q3')).toMatchObject({ startsOn: '2026-07-01', endsOn: '2026-09-30', frequency: 'quarterly' });
  });

  test('a period opens at 00:00 China time on its first day: one second before it is not open', () => {
    const march = periodsOf(2026, 'monthly').slice(0, 3);
    expect(periodsOpenAt(march, new Date('2026-02-28T15:59:59.000Z')).map((p) => p.key)).toEqual(['2026-M01', '2026-M02']);
    expect(periodsOpenAt(march, new Date('2026-02-28T16:00:00.000Z')).map((p) => p.key)).toEqual(['2026-M01', '2026-M02', '2026-M03']);
  });

  test.each([
    ['2026-Q1', '2026-03-01T00:00:00+08:00'], ['2026-H2', '2026-12-01T00:00:00+08:00'], ['2026-Y', '2026-12-01T00:00:00+08:00'], ['2026-M07', '2026-07-01T00:00:00+08:00'],
  ])('%s: reporting opens in its last month, at %s', (key, at) => {
    const period = periodByKey(key);
    expect(period.reportingOpensAt).toBe(at);
    expect(periodsOpenAt([period], new Date(new Date(at).getTime() - 1000))).toEqual([]);
    expect(periodsOpenAt([period], new Date(at))).toEqual([period]);
  });
});

describe('report due dates on the working-day calendar (A6)', () => {
  test.each([
    ['January 2026 ends on a Saturday: Monday 2 Feb is day 1', '2026-M01', 5, '2026-02-06T23:59:59+08:00'],
    ['September 2026: the National Day holiday and the working Saturday 10 Oct', '2026-M09', 5, '2026-10-13T23:59:59+08:00'],
    ['one working day', '2026-M09', 1, '2026-10-08T23:59:59+08:00'],
    ['configurable: 10 working days', '2026-M01', 10, '2026-02-13T23:59:59+08:00'],
  ])('%s', (_name, key, days, due) => {
    expect(reportDueAt(calendar, periodByKey(key), days)).toBe(due);
  });

  test.each([
    ['January 2026: reports due Fri 6 Feb, reviews 5 working days later', '2026-M01', 5, 5, '2026-02-13T23:59:59+08:00'],
    ['10 review days: the working Saturday 14 Feb, then the Spring Festival skipped', '2026-M01', 5, 10, '2026-02-27T23:59:59+08:00'],
    ['one review day: the next working day after the reports', '2026-M09', 5, 1, '2026-10-14T23:59:59+08:00'],
  ])('the review deadline (A16a): %s', (_name, key, reportDays, reviewDays, deadline) => {
    expect(periodReviewDeadline(calendar, periodByKey(key), { reportDueWorkingDays: reportDays, reviewDueWorkingDays: reviewDays })).toBe(deadline);
  });

  test('late only after the due second (A7): at it on time, a second after late', () => {
    const due = '2026-02-06T23:59:59+08:00';
    expect(isLate(new Date('2026-02-06T15:59:58.000Z'), due)).toBe(false);
    expect(isLate(new Date('2026-02-06T15:59:59.000Z'), due)).toBe(false);
    expect(isLate(new Date('2026-02-06T16:00:00.000Z'), due)).toBe(true);
  });

  test('the review is due 5 working days after the report: submitted on a Friday, due Thursday', () => {
    expect(reviewDueAt(calendar, new Date('2026-02-06T02:00:00.000Z'), 5)).toBe('2026-02-12T23:59:59+08:00');
  });
});
