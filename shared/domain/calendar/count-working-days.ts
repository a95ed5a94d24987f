import { dayStatus } from './day-status';
import { datesFromTo } from './iso-date';
import type { WorkingCalendar } from './types';

/** Working days from `fromDate` to `toDate`, both included (0 when `toDate` is earlier). */
export function countWorkingDays(calendar: WorkingCalendar, fromDate: string, toDate: string): number {
  return datesFromTo(fromDate, toDate).filter((date) => dayStatus(calendar, date).working).length;
}
