import { CalendarDateInvalidError } from './errors';
import { isIsoDate } from './iso-date';

/** China time: Asia/Shanghai is UTC+8 all year (no daylight saving since 1991). */
export const CHINA_OFFSET = '+08:00';
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The China calendar date (YYYY-MM-DD, Asia/Shanghai) on which an instant falls. */
export function chinaDate(instant: Date): string {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new CalendarDateInvalidError('Not a valid instant (Invalid Date)');
  return new Date(time + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

function checked(isoDate: string): string {
  if (!isIsoDate(isoDate)) throw new CalendarDateInvalidError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(isoDate)}`);
  return isoDate;
}

/** 00:00:00 China time on a date, as text with its offset. */
export function chinaDayStartText(isoDate: string): string {
  return `${checked(isoDate)}T00:00:00${CHINA_OFFSET}`;
}

/** 23:59:59 China time on a date, as text with its offset: the end of a notice period's last day. */
export function chinaDayEndText(isoDate: string): string {
  return `${checked(isoDate)}T23:59:59${CHINA_OFFSET}`;
}
