import { CalendarDateInvalidError } from './errors';

/**
 * Arithmetic on calendar dates written as ISO strings (YYYY-MM-DD). A date here is a day of the
 * calendar, with no time zone: the UTC functions of Date are used only as a proleptic calendar.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real calendar day written YYYY-MM-DD (so '2026-02-30' is false). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function toEpochDay(isoDate: string): number {
  if (!isIsoDate(isoDate)) throw new CalendarDateInvalidError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(isoDate)}`);
  return Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;
}

function fromEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  return fromEpochDay(toEpochDay(isoDate) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** Day of the week: 0 = Sunday … 6 = Saturday. */
export function weekday(isoDate: string): number {
  return new Date(toEpochDay(isoDate) * DAY_MS).getUTCDay();
}

export function isWeekend(isoDate: string): boolean {
  const day = weekday(isoDate);
  return day === 0 || day === 6;
}

export function yearOf(isoDate: string): number {
  toEpochDay(isoDate);
  return Number(isoDate.slice(0, 4));
}

/** Every date from `from` to `to`, both included; empty when `to` is before `from`. */
export function datesFromTo(from: string, to: string): string[] {
  const start = toEpochDay(from);
  const end = toEpochDay(to);
  const dates: string[] = [];
  for (let day = start; day <= end; day += 1) dates.push(fromEpochDay(day));
  return dates;
}
