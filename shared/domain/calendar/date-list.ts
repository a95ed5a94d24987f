import { datesFromTo, daysBetween, isIsoDate } from './iso-date';

/** What an administrator typed into a date list, read: the expanded dates, or what is wrong. */
export interface DateListResult {
  /** Every date, ranges expanded, in the order written (duplicates kept: validation reports them). */
  dates: string[];
  /** Messages in Simplified Chinese, one per unreadable entry; empty when all entries were read. */
  errors: string[];
}

/** A range longer than this is surely a typing mistake (a holiday year has at most 366 days). */
const MAX_RANGE_DAYS = 366;
const SEPARATORS = /[\n\r,，、;；]+/;
const RANGE = /^(\S+)\s*(?:至|\.\.|~|～)\s*(\S+)$/;

/**
 * Reads dates written one per line or separated by commas, each a date `2027-01-01` or a range
 * `2027-02-05 至 2027-02-12` / `2027-02-05..2027-02-12` (both ends included).
 */
export function parseDateList(text: string): DateListResult {
  const dates: string[] = [];
  const errors: string[] = [];
  for (const raw of text.split(SEPARATORS)) {
    const entry = raw.trim();
    if (entry === '') continue;
    const range = RANGE.exec(entry);
    if (!range) {
      if (isIsoDate(entry)) dates.push(entry);
      else errors.push(`“${entry}”不是有效日期，请按 YYYY-MM-DD 填写，或写成“开始日期 至 结束日期”`);
      continue;
    }
    const [, from, to] = range;
    const bad = [from, to].filter((date) => !isIsoDate(date));
    if (bad.length > 0) {
      errors.push(`“${entry}”中的“${bad.join('”“')}”不是有效日期，请按 YYYY-MM-DD 填写`);
    } else if (daysBetween(from, to) < 0) {
      errors.push(`“${entry}”的结束日期早于开始日期`);
    } else if (daysBetween(from, to) >= MAX_RANGE_DAYS) {
      errors.push(`“${entry}”跨度超过 ${MAX_RANGE_DAYS} 天，请检查日期`);
    } else {
      dates.push(...datesFromTo(from, to));
    }
  }
  return { dates, errors };
}
