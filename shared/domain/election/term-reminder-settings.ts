import type { TermReminderRule } from './term-reminders';

/**
 * The term-end reminders as an administrator sets them (换届提醒设置, docs/domain/elections.md, docs/domain/warnings.md): the months before the term end
 * at which staff are reminded, and the month of the request deadline (换届请示, at least 1 month before the term end).
 * The once-only marker keys are derived from the months (`6m`, `request-1m`), so saving the setting again, or
 * changing other months, never sends a reminder already sent for the same months.
 */
export interface TermReminderSettings {
  /** Months before the term end, one reminder each (largest first once defined). */
  noticeMonths: number[];
  /** The request deadline: months before the term end. */
  requestMonths: number;
}

export type TermReminderSettingsField = keyof TermReminderSettings;

export const TERM_REMINDER_LIMITS = Object.freeze({ minMonths: 1, maxMonths: 24, maxReminders: 4, minRequestMonths: 1, maxRequestMonths: 12 });

/** The built-in setting: 6 and 2 months before, the request deadline 1 month before (DEFAULT_TERM_REMINDERS). */
export const DEFAULT_TERM_REMINDER_SETTINGS: Readonly<TermReminderSettings> = Object.freeze({ noticeMonths: [6, 2], requestMonths: 1 });

/** The setting cannot be used: a Chinese message per field. */
export class TermReminderSettingsError extends Error {
  constructor(readonly fieldErrors: Partial<Record<TermReminderSettingsField, string>>) {
    super(`换届提醒设置无效 (invalid term reminder settings): ${Object.values(fieldErrors).join(' ')}`);
    this.name = 'TermReminderSettingsError';
  }
}

const isWhole = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;

/** The problems of a setting, per field (empty when it is valid). */
export function checkTermReminderSettings(input: TermReminderSettings): Partial<Record<TermReminderSettingsField, string>> {
  const { minMonths, maxMonths, maxReminders, minRequestMonths, maxRequestMonths } = TERM_REMINDER_LIMITS;
  const errors: Partial<Record<TermReminderSettingsField, string>> = {};
  const requestOk = isWhole(input.requestMonths, minRequestMonths, maxRequestMonths);
  if (!requestOk) {
    errors.requestMonths = `换届请示截止应为任期届满前 ${minRequestMonths} 至 ${maxRequestMonths} 个月的整数（按规定至少提前 1 个月报送），“${input.requestMonths}”不符合。`;
  }
  const months = input.noticeMonths;
  const bad = months.filter((m) => !isWhole(m, minMonths, maxMonths));
  const duplicates = [...new Set(months.filter((m, i) => months.indexOf(m) !== i))];
  const notBeforeDeadline = requestOk ? months.filter((m) => isWhole(m, minMonths, maxMonths) && m <= input.requestMonths) : [];
  if (bad.length > 0) errors.noticeMonths = `提醒月数应为 ${minMonths} 至 ${maxMonths} 的整数，“${bad.join('、')}”不符合。`;
  else if (months.length > maxReminders) errors.noticeMonths = `最多设置 ${maxReminders} 次提醒，现填写了 ${months.length} 次。`;
  else if (duplicates.length > 0) errors.noticeMonths = `提醒月数不能重复：${duplicates.join('、')} 填写了不止一次。`;
  else if (notBeforeDeadline.length > 0) {
    errors.noticeMonths = `提醒须早于换届请示截止（届满前 ${input.requestMonths} 个月）：提醒月数应大于 ${input.requestMonths}，“${notBeforeDeadline.join('、')}”不符合。`;
  }
  return errors;
}

/** The reminder rules of a setting, validated: notices largest months first, then the request deadline. */
export function defineTermReminderRules(input: TermReminderSettings): TermReminderRule[] {
  const errors = checkTermReminderSettings(input);
  if (Object.keys(errors).length > 0) throw new TermReminderSettingsError(errors);
  const notices = [...input.noticeMonths].sort((a, b) => b - a).map((m): TermReminderRule => ({ key: `${m}m`, monthsBefore: m, kind: 'notice' }));
  return [...notices, { key: `request-${input.requestMonths}m`, monthsBefore: input.requestMonths, kind: 'request-deadline' }];
}

/** The setting of a list of rules (the request deadline defaults to 1 month when the rules have none). */
export function termReminderSettingsOf(rules: readonly TermReminderRule[]): TermReminderSettings {
  return {
    noticeMonths: rules.filter((r) => r.kind === 'notice').map((r) => r.monthsBefore).sort((a, b) => b - a),
    requestMonths: rules.find((r) => r.kind === 'request-deadline')?.monthsBefore ?? DEFAULT_TERM_REMINDER_SETTINGS.requestMonths,
  };
}

/** One sentence for the pages: 任期届满前 6 个月、2 个月发送换届提醒；届满前 1 个月为换届请示报送截止日。 */
export function describeTermReminders(settings: TermReminderSettings): string {
  const notices = settings.noticeMonths.length > 0 ? `任期届满前 ${settings.noticeMonths.map((m) => `${m} 个月`).join('、')}发送换届提醒；` : '不另发提前提醒；';
  return `${notices}届满前 ${settings.requestMonths} 个月为换届请示报送截止日。`;
}
