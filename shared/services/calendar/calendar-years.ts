import type { ZodError } from 'zod';
import { shippedCalendar } from '../../domain/calendar';
import { CalendarYearInvalidError, listHolidayYears, type StoredHolidayYear } from '../../store/calendar-repo';
import type { CalendarYearRow } from '../../ui/pages/calendar-admin';
import { authorizeAdmin, type Actor } from '../actor';
import type { ServiceDeps } from '../deps';
import { InputInvalidError } from '../../errors';

/** The years the calendar page lists (administrators only): stored ones, and shipped ones no administrator has replaced. */
export async function listCalendarYears(deps: ServiceDeps, actor: Actor): Promise<CalendarYearRow[]> {
  authorizeAdmin(actor);
  return calendarRows(await listHolidayYears(deps.store));
}

function calendarRows(stored: StoredHolidayYear[]): CalendarYearRow[] {
  const rows: CalendarYearRow[] = stored.map((y) => ({
    year: y.year, daysOff: y.daysOff.length, workingWeekendDays: y.workingWeekendDays.length, source: y.source, updatedAt: y.updatedAt, updatedBy: y.updatedBy, shipped: false,
  }));
  for (const y of shippedCalendar().years.values()) {
    if (!stored.some((s) => s.year === y.year)) {
      rows.push({ year: y.year, daysOff: y.daysOff.length, workingWeekendDays: y.workingWeekendDays.length, source: y.source, shipped: true });
    }
  }
  return rows.sort((a, b) => b.year - a.year);
}

/** The repository's validation failure as per-field messages (its cause is the schema's ZodError). */
export function calendarFieldErrors(error: CalendarYearInvalidError): InputInvalidError {
  const fieldErrors: Record<string, string> = {};
  const issues = (error.cause as ZodError | undefined)?.issues ?? [];
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'year');
    fieldErrors[field] = fieldErrors[field] ? `${fieldErrors[field]}；${issue.message}` : issue.message;
  }
  if (issues.length === 0) fieldErrors.year = '该年度的节假日安排有误，请检查后重新提交。';
  return new InputInvalidError(fieldErrors, { cause: error });
}
