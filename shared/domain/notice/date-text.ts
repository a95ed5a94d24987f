/** A moment as people in China read it, e.g. 2026年9月30日 23:59. */
export function chinaDateTimeText(instantMs: number): string {
  const china = new Date(instantMs + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${china.getUTCFullYear()}年${china.getUTCMonth() + 1}月${china.getUTCDate()}日 ${pad(china.getUTCHours())}:${pad(china.getUTCMinutes())}`;
}

/** A calendar date (YYYY-MM-DD) as 2026年9月30日. */
export function chinaDateText(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}
