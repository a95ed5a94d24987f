import { addDays, chinaDate, chinaDayEndText, chinaDayStartText, computePeriodEnd, type WorkingCalendar } from '../calendar';
import { AssessmentRuleError } from './errors';
import type { Frequency, Indicator, Scheme } from './types';

/** One reporting period of a year: its key (2026-M01, 2026-Q1, 2026-H1, 2026-Y), its days and its instants (China time). */
export interface AssessmentPeriod {
  key: string;
  year: number;
  frequency: Frequency;
  /** Chinese label, e.g. 2026年1月, 2026年第一季度. */
  label: string;
  startsOn: string;
  endsOn: string;
  /** 00:00:00 China time on the first day (A5). */
  opensAt: string;
  /** 23:59:59 China time on the last day. */
  closesAt: string;
  /**
   * 00:00:00 China time on the first day of the period's last month: when the report task opens (A5). For a month
   * the period's start; for a quarter, half year or year its last month, so no execution runs near a year.
   */
  reportingOpensAt: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const QUARTERS = ['一', '二', '三', '四'];

function lastDayOfMonth(year: number, month: number): string {
  return addDays(`${month === 12 ? year + 1 : year}-${pad(month === 12 ? 1 : month + 1)}-01`, -1);
}

function period(year: number, frequency: Frequency, suffix: string, label: string, firstMonth: number, lastMonth: number): AssessmentPeriod {
  const startsOn = `${year}-${pad(firstMonth)}-01`;
  const endsOn = lastDayOfMonth(year, lastMonth);
  const reportingOpensAt = chinaDayStartText(`${year}-${pad(lastMonth)}-01`);
  return { key: `${year}-${suffix}`, year, frequency, label, startsOn, endsOn, opensAt: chinaDayStartText(startsOn), closesAt: chinaDayEndText(endsOn), reportingOpensAt };
}

/** The periods of one frequency in a year, in order (A5). */
export function periodsOf(year: number, frequency: Frequency): AssessmentPeriod[] {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new AssessmentRuleError('考核年度须为 2000 至 2100 年之间的年份。', 'year');
  switch (frequency) {
    case 'monthly':
      return Array.from({ length: 12 }, (_, i) => period(year, frequency, `M${pad(i + 1)}`, `${year}年${i + 1}月`, i + 1, i + 1));
    case 'quarterly':
      return Array.from({ length: 4 }, (_, i) => period(year, frequency, `Q${i + 1}`, `${year}年第${QUARTERS[i]}季度`, i * 3 + 1, i * 3 + 3));
    case 'half-yearly':
      return [period(year, frequency, 'H1', `${year}年上半年`, 1, 6), period(year, frequency, 'H2', `${year}年下半年`, 7, 12)];
    case 'yearly':
      return [period(year, frequency, 'Y', `${year}年度`, 1, 12)];
  }
}

const FREQUENCY_ORDER: Frequency[] = ['monthly', 'quarterly', 'half-yearly', 'yearly'];

/** Every period a scheme's indicators need, ordered by their end, then by length (A5). */
export function schemePeriods(scheme: Pick<Scheme, 'year' | 'indicators'>): AssessmentPeriod[] {
  const used = FREQUENCY_ORDER.filter((frequency) => scheme.indicators.some((indicator) => indicator.frequency === frequency));
  return used.flatMap((frequency) => periodsOf(scheme.year, frequency))
    .sort((a, b) => a.endsOn.localeCompare(b.endsOn) || FREQUENCY_ORDER.indexOf(a.frequency) - FREQUENCY_ORDER.indexOf(b.frequency));
}

/** The period of a key such as 2026-M03; refused when the key is not one. */
export function periodByKey(key: string): AssessmentPeriod {
  const match = /^(\d{4})-(M(0[1-9]|1[0-2])|Q[1-4]|H[12]|Y)$/.exec(key);
  if (!match) throw new AssessmentRuleError(`考核期“${key}”不存在。`, 'period');
  const year = Number(match[1]);
  const suffix = match[2];
  const frequency: Frequency = suffix.startsWith('M') ? 'monthly' : suffix.startsWith('Q') ? 'quarterly' : suffix.startsWith('H') ? 'half-yearly' : 'yearly';
  const found = periodsOf(year, frequency).find((p) => p.key === key);
  if (!found) throw new AssessmentRuleError(`考核期“${key}”不存在。`, 'period');
  return found;
}

/** The indicators reported in a period: those of its frequency. */
export function indicatorsOfPeriod(indicators: readonly Indicator[], period: Pick<AssessmentPeriod, 'frequency'>): Indicator[] {
  return indicators.filter((indicator) => indicator.frequency === period.frequency);
}

/**
 * The report's due instant (A6): the end (23:59:59 China time) of the N-th working day after the period's last day,
 * counted on the working-day calendar (holidays and 调休 included).
 */
export function reportDueAt(calendar: WorkingCalendar, period: Pick<AssessmentPeriod, 'endsOn'>, workingDays: number): string {
  return computePeriodEnd(calendar, new Date(chinaDayStartText(addDays(period.endsOn, 1))), { unit: 'workingDays', count: workingDays }).endsAt;
}

/** The review's due instant (A10): N working days after the report came in (the day of submission is day 1 when working). */
export function reviewDueAt(calendar: WorkingCalendar, submittedAt: Date, workingDays: number): string {
  return computePeriodEnd(calendar, submittedAt, { unit: 'workingDays', count: workingDays }).endsAt;
}

/**
 * The period's review deadline (A16a): the end of the N-th working day (the review's working days, A10) after the day
 * the reports are due. At that second the circular goes out with what is scored.
 */
export function periodReviewDeadline(calendar: WorkingCalendar, period: Pick<AssessmentPeriod, 'endsOn'>, settings: { reportDueWorkingDays: number; reviewDueWorkingDays: number }): string {
  const reportsDue = reportDueAt(calendar, period, settings.reportDueWorkingDays);
  return reportDueAt(calendar, { endsOn: chinaDate(new Date(reportsDue)) }, settings.reviewDueWorkingDays);
}

/** Periods whose reporting has opened by `now` (A5): what the scheduler opens. */
export function periodsOpenAt(periods: readonly AssessmentPeriod[], now: Date): AssessmentPeriod[] {
  return periods.filter((p) => new Date(p.reportingOpensAt).getTime() <= now.getTime());
}

/** A report is late when it comes in after its due instant (A7); exactly at the due second it is on time. */
export function isLate(submittedAt: Date, dueAt: string): boolean {
  return submittedAt.getTime() > new Date(dueAt).getTime();
}
