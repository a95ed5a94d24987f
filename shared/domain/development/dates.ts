import { isIsoDate } from '../calendar';
import { DevelopmentInputError } from './check-result';

/**
 * Months and years on ISO dates (YYYY-MM-DD). Adding months keeps the day of the month and clamps
 * it to the month's last day: 2024-01-31 + 1 month = 2024-02-29, and the anniversary of 2024-02-29
 * is 2025-02-28. "At least N months after X" therefore means "on or after addMonths(X, N)", and a
 * birthday or anniversary counts on the day itself.
 */

export function requireDate(value: string, label: string): string {
  if (typeof value !== 'string' || !isIsoDate(value)) throw new DevelopmentInputError(`${label}不是有效日期（应为 YYYY-MM-DD）：${JSON.stringify(value)}`);
  return value;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addMonths(isoDate: string, months: number): string {
  requireDate(isoDate, '日期');
  if (!Number.isInteger(months)) throw new DevelopmentInputError(`月数必须是整数：${String(months)}`);
  const [y, m, d] = isoDate.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addYears(isoDate: string, years: number): string {
  return addMonths(isoDate, years * 12);
}

/** Completed years of age on `date` for someone born on `birthDate` (the birthday itself counts). */
export function ageOn(birthDate: string, date: string): number {
  requireDate(birthDate, '出生日期');
  requireDate(date, '日期');
  let years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (years > 0 && addYears(birthDate, years) > date) years -= 1;
  return years;
}
