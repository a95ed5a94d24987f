import { checkTermReminderSettings, type TermReminderSettings } from '../domain/election/term-reminder-settings';
import { InputInvalidError } from '../errors';

/**
 * The 换届提醒设置 form: `noticeMonths` lists the months before the term end (e.g. “6，2”: commas, 顿号 or spaces;
 * empty: no reminder besides the request deadline), `requestMonths` the request deadline, `version` the stored
 * version the form was shown with. The shape is checked here (with the rules' messages for the other fields when
 * one is not a number); the rules themselves are `defineTermReminderRules`'.
 */
export const TERM_REMINDER_FIELD_LABELS: Record<string, string> = {
  noticeMonths: '提醒时间（任期届满前几个月）',
  requestMonths: '换届请示截止（任期届满前几个月）',
  version: '版本',
};

export function termReminderFormValues(settings: TermReminderSettings, version: number): Record<string, string> {
  return { noticeMonths: settings.noticeMonths.join('，'), requestMonths: String(settings.requestMonths), version: String(version) };
}

const NUMBER = /^\d+(\.\d+)?$/;

export function parseTermReminderForm(form: Record<string, string>): TermReminderSettings & { version: number } {
  const errors: Record<string, string> = {};
  const tokens = (form.noticeMonths ?? '').split(/[\s,，、;；]+/).filter((t) => t !== '');
  const notNumbers = tokens.filter((t) => !NUMBER.test(t));
  if (notNumbers.length > 0) errors.noticeMonths = `提醒时间应填写月数（数字，用逗号分隔，例如“6，2”），“${notNumbers.join('、')}”不是月数。`;
  const request = (form.requestMonths ?? '').trim();
  if (!NUMBER.test(request)) errors.requestMonths = '请填写换届请示截止为任期届满前几个月（1 至 12 的整数）。';
  const version = (form.version ?? '').trim();
  if (!/^\d+$/.test(version)) errors.version = '表单缺少版本号，请刷新页面后重新填写。';
  const parsed = { noticeMonths: tokens.filter((t) => NUMBER.test(t)).map(Number), requestMonths: NUMBER.test(request) ? Number(request) : 1 };
  if (Object.keys(errors).length > 0) throw new InputInvalidError({ ...checkTermReminderSettings(parsed), ...errors }); // the rules' messages for the fields that are numbers
  return { ...parsed, version: Number(version) };
}
