import { holidays2025 } from './holidays-2025';
import { holidays2026 } from './holidays-2026';
import type { HolidayYear, WorkingCalendar } from './types';

const SHIPPED: readonly HolidayYear[] = [holidays2025, holidays2026];

/** The years shipped with the code (docs/domain/notices-and-calendar.md). */
export function shippedCalendar(): WorkingCalendar {
  return withYears({ years: new Map() }, SHIPPED);
}

/** A new calendar with `years` added; a given year replaces the calendar's data for that year. */
export function withYears(calendar: WorkingCalendar, years: readonly HolidayYear[]): WorkingCalendar {
  const merged = new Map(calendar.years);
  for (const year of years) merged.set(year.year, year);
  return { years: merged };
}
