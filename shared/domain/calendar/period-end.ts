import { chinaDate, chinaDayEndText } from './china-date';
import { dayStatus } from './day-status';
import { CalendarDateInvalidError, CalendarPeriodInvalidError } from './errors';
import { addDays, yearOf } from './iso-date';
import type { Period, PeriodEnd, SkippedDay, WorkingCalendar } from './types';

/** Longest period accepted, in either unit: ten years of calendar days, far beyond any notice. */
export const MAX_PERIOD_COUNT = 3660;

/**
 * The end of a period that starts at `publishedAt` (docs/domain/notices-and-calendar.md). Working days: day 1 is the
 * publication day (China date) when it is a working day, otherwise the next working day. Calendar
 * days: day 1 is the publication day. The period ends at 23:59:59 China time on day N.
 * A working day examined in a year without data is counted by weekends only, and the result is
 * provisional; calendar days do not depend on holiday data and are never provisional.
 */
export function computePeriodEnd(calendar: WorkingCalendar, publishedAt: Date, period: Period): PeriodEnd {
  checkPeriod(period);
  let start: string;
  try {
    start = chinaDate(publishedAt);
  } catch (error) {
    if (error instanceof CalendarDateInvalidError) throw new CalendarPeriodInvalidError('The publication instant is not a valid date', { cause: error });
    throw error;
  }
  const counted: string[] = [];
  const skipped: SkippedDay[] = [];
  const missing = new Set<number>();
  if (period.unit === 'calendarDays') {
    for (let i = 0; i < period.count; i += 1) counted.push(addDays(start, i));
  } else {
    for (let day = start; counted.length < period.count; day = addDays(day, 1)) {
      const status = dayStatus(calendar, day);
      if (!status.known) missing.add(yearOf(day));
      if (status.working) counted.push(day);
      else skipped.push({ date: day, reason: status.reason === 'holiday' ? 'holiday' : 'weekend' });
    }
  }
  const lastDay = counted[counted.length - 1];
  const endsAt = chinaDayEndText(lastDay);
  const missingYears = [...missing].sort((a, b) => a - b);
  return {
    endsAt,
    endsAtInstant: new Date(endsAt),
    lastDay,
    countedDays: counted,
    skippedDays: skipped,
    provisional: missingYears.length > 0,
    missingYears,
  };
}

function checkPeriod(period: Period): void {
  if (period.unit !== 'workingDays' && period.unit !== 'calendarDays') {
    throw new CalendarPeriodInvalidError(`Unknown period unit: ${JSON.stringify(period.unit)}`);
  }
  if (!Number.isInteger(period.count) || period.count < 1 || period.count > MAX_PERIOD_COUNT) {
    throw new CalendarPeriodInvalidError(`A period's count must be an integer from 1 to ${MAX_PERIOD_COUNT}, got ${String(period.count)}`);
  }
}
