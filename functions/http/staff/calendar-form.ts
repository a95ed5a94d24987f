import { parseDateList, type HolidayYear } from '../../../shared/domain/calendar';
import { InputInvalidError } from '../../../shared/errors';

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
