import { isWeekend, yearOf } from './iso-date';
import type { DayStatus, WorkingCalendar } from './types';

/**
 * Whether a China calendar date is a working day. With data for its year: days off (放假) first,
 * then weekend days declared working (调休上班), then Monday–Friday. Without data: weekends only.
 */
export function dayStatus(calendar: WorkingCalendar, isoDate: string): DayStatus {
  const year = calendar.years.get(yearOf(isoDate));
  const weekend = isWeekend(isoDate);
  if (!year) return { working: !weekend, reason: weekend ? 'weekend' : 'workday', known: false };
  if (year.daysOff.includes(isoDate)) return { working: false, reason: 'holiday', known: true };
  if (year.workingWeekendDays.includes(isoDate)) return { working: true, reason: 'working-weekend', known: true };
  return { working: !weekend, reason: weekend ? 'weekend' : 'workday', known: true };
}
