import type { ZodError } from 'zod';
import { parseDateList, shippedCalendar, type HolidayYear } from '../../../shared/domain/calendar';
import { InputInvalidError } from '../../../shared/services/errors';
import { CalendarYearInvalidError, type StoredHolidayYear } from '../../../shared/store/calendar-repo';
import type { CalendarYearRow } from '../../../shared/ui/pages/calendar-admin';

export const CALENDAR_FIELDS = ['year', 'daysOff', 'workingWeekendDays', 'source'] as const;

/** The calendar form as a HolidayYear: the two textareas read by parseDateList; unreadable input → 422. */
export function holidayYearFromForm(form: Record<string, string>): HolidayYear {
  const fieldErrors: Record<string, string> = {};
  const yearText = (form.year ?? '').trim();
  if (!/^\d{4}$/.test(yearText)) fieldErrors.year = '请填写四位数的年份，例如 2027。';
  const daysOff = parseDateList(form.daysOff ?? '');
  const workingWeekendDays = parseDateList(form.workingWeekendDays ?? '');
  if (daysOff.errors.length > 0) fieldErrors.daysOff = daysOff.errors.join('；');
  else if (daysOff.dates.length === 0) fieldErrors.daysOff = '请至少填写一个放假日期。';
  if (workingWeekendDays.errors.length > 0) fieldErrors.workingWeekendDays = workingWeekendDays.errors.join('；');
  if (Object.keys(fieldErrors).length > 0) throw new InputInvalidError(fieldErrors);
  const source = (form.source ?? '').trim();
  return { year: Number(yearText), daysOff: daysOff.dates, workingWeekendDays: workingWeekendDays.dates, source: source || undefined };
}

/** The repository's validation failure, as per-field messages (its cause is the schema's ZodError). */
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

/** The years the page lists: stored ones, and shipped ones no administrator has replaced. */
export function calendarRows(stored: StoredHolidayYear[]): CalendarYearRow[] {
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
