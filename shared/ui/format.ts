import type { Notice, NoticePeriod } from '../domain/notice/notice';

/** Display formats in China time (Asia/Shanghai, UTC+8 all year). */
const CHINA_OFFSET_MS = 8 * 3_600_000;

function chinaParts(at: string | number | Date): string | undefined {
  const time = new Date(at).getTime();
  if (Number.isNaN(time)) return undefined;
  return new Date(time + CHINA_OFFSET_MS).toISOString();
}

/** 2026-09-30 23:59 */
export function formatDateTime(at: string | number | Date | undefined): string {
  if (at === undefined) return '';
  const iso = chinaParts(at);
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : String(at);
}

/** 2026-09-30 (the China calendar date of an instant) */
export function formatDate(at: string | number | Date | undefined): string {
  if (at === undefined) return '';
  return chinaParts(at)?.slice(0, 10) ?? String(at);
}

/** 2026年9月30日, from an instant or an ISO date */
export function formatDateLong(at: string | undefined): string {
  if (!at) return '';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(at) ? at : formatDate(at);
  const [year, month, day] = date.split('-').map(Number);
  if (!year || !month || !day) return at;
  return `${year}年${month}月${day}日`;
}

/** 1990-05 → 1990年5月 */
export function formatYearMonth(yearMonth: string): string {
  const [year, month] = yearMonth.split('-').map(Number);
  return year && month ? `${year}年${month}月` : yearMonth;
}

export function formatPeriod(period: NoticePeriod): string {
  return `${period.count}个${period.unit === 'workingDays' ? '工作日' : '自然日'}`;
}

/** What the public board shows about a notice's state: neutral, never the investigation's outcome. */
export function publicStatusLabel(notice: Pick<Notice, 'status' | 'endsAtMs'>, now: Date): string {
  if (notice.status === 'withdrawn') return '已撤回';
  if (notice.status === 'closed' || now.getTime() > notice.endsAtMs) return '公示期满';
  return '公示中';
}

const STAFF_RESULT_LABELS: Record<NonNullable<Notice['result']>, string> = {
  proceed: '公示期满，继续推进',
  postponed: '暂缓',
  stopped: '终止程序',
  withdrawn: '已撤回',
};

/** What staff pages show: the state and, once known, the result. */
export function staffStatusLabel(notice: Pick<Notice, 'status' | 'result' | 'reviewDate' | 'endsAtMs' | 'objectionCount'>, now: Date): string {
  if (notice.result) {
    const label = STAFF_RESULT_LABELS[notice.result];
    return notice.result === 'postponed' && notice.reviewDate ? `${label}（复核日期 ${notice.reviewDate}）` : label;
  }
  if (notice.status === 'withdrawn') return '已撤回';
  if (notice.status === 'closed') return notice.objectionCount > 0 ? '期满，待处理异议' : '已结束';
  return now.getTime() > notice.endsAtMs ? '期满，待结束' : '公示中';
}

/** The rules a development case follows, in words: the 2014 rules by their title, a later version by its name. */
export function developmentRulesLabel(ruleSetVersion: string): string {
  return /^\d{4}$/.test(ruleSetVersion) ? `《中国共产党发展党员工作细则》（${ruleSetVersion}年）` : `规则版本：${ruleSetVersion}`;
}
