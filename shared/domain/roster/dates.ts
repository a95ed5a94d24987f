/**
 * Dates as people type them in a roster: 2026-09-23, 2026/9/23, 2026.9.23, 2026年9月23日, 20260923,
 * with or without a time (Excel's CSV writes “2026/9/23 0:00”), or an Excel date serial (days since 1899-12-30).
 */

export type RosterDate =
  | { kind: 'date'; date: string }
  /** Only a year and month (出生年月); allowed where the day can come from elsewhere. */
  | { kind: 'year-month'; yearMonth: string }
  | { kind: 'invalid'; reason: 'format' | 'impossible' };

const pad = (n: number) => String(n).padStart(2, '0');

/** A real calendar date (no 2月30日) in a plausible range, as YYYY-MM-DD. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Excel's serial day number (1900 date system, with its phantom 1900-02-29 below 61) as YYYY-MM-DD. */
export function excelSerialDate(serial: number): string | undefined {
  if (!Number.isInteger(serial) || serial < 61 || serial > 109_574) return undefined;
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

const FULL = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const YEAR_MONTH = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?$/;
const SERIAL = /^\d{4,6}$/;
/** A trailing time of day, e.g. “ 0:00”, “ 00:00:00”, “T00:00:00.000Z”. */
const TIME = /(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)$/;

export function parseRosterDate(raw: string): RosterDate {
  const text = raw.normalize('NFKC').trim().replace(TIME, '').trim();
  let match = FULL.exec(text) ?? COMPACT.exec(text);
  if (match) {
    const date = isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
    return date ? { kind: 'date', date } : { kind: 'invalid', reason: 'impossible' };
  }
  match = YEAR_MONTH.exec(text);
  if (match) {
    const month = Number(match[2]);
    const year = Number(match[1]);
    if (month < 1 || month > 12 || year < 1900 || year > 2199) return { kind: 'invalid', reason: 'impossible' };
    return { kind: 'year-month', yearMonth: `${year}-${pad(month)}` };
  }
  if (SERIAL.test(text)) {
    const date = excelSerialDate(Number(text));
    if (date) return { kind: 'date', date };
  }
  return { kind: 'invalid', reason: 'format' };
}

/** YYYY年M月D日: how the pages and messages show a date. */
export function chineseDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return day ? `${year}年${month}月${day}日` : `${year}年${month}月`;
}
