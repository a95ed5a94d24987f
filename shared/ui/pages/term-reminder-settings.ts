import { TERM_REMINDER_LIMITS, describeTermReminders } from '../../domain/election/term-reminder-settings';
import { TERM_REMINDER_FIELD_LABELS } from '../../schemas/term-reminder-form';
import type { TermReminderSettingsChange, TermReminderSettingsView } from '../../services/settings/term-reminder-settings';
import { csrfField, errorSummary, textField, type FormState } from '../form-fields';
import { formatDateTime } from '../format';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';

export const TERM_REMINDER_SETTINGS_PATH = '/staff/elections/settings';

/**
 * 换届提醒设置 (administrators): the setting in force (or the defaults) and a form to change it. `form.values.version`
 * is the version the form was shown with; a save over a newer one is refused (409).
 */
export function termReminderSettingsPage(
  current: TermReminderSettingsView & { history: TermReminderSettingsChange[] },
  staff: LayoutStaff,
  form: FormState,
  options: { message?: string; flash?: string } = {},
): SafeHtml {
  const { maxReminders, minMonths, maxMonths, minRequestMonths, maxRequestMonths } = TERM_REMINDER_LIMITS;
  const body = html`<p><a href="/staff/elections">← 换届选举</a></p>
    <h1>换届提醒设置</h1>
    ${options.flash ? html`<div class="alert ok" role="status"><p>${options.flash}</p></div>` : ''}
    <h2>当前设置</h2>
    <p>${describeTermReminders(current.settings)}</p>
    <p class="muted">${current.version === 0 ? '尚未修改，使用系统默认设置。' : `第 ${current.version} 版，${current.changedByName ?? ''}于 ${formatDateTime(current.changedAt)} 保存。`}
      提醒邮件发给本组织及上级党组织的工作人员；同一任期内，同一月数的提醒只发送一次。</p>
    <h2 id="change">修改设置</h2>
    ${errorSummary(options.message, form.errors, TERM_REMINDER_FIELD_LABELS)}
    <form method="post" action="${TERM_REMINDER_SETTINGS_PATH}" class="stacked">
      ${csrfField(staff.csrfToken)}
      <input type="hidden" name="version" value="${form.values.version ?? ''}">
      ${textField({ name: 'noticeMonths', label: TERM_REMINDER_FIELD_LABELS.noticeMonths, state: form, maxLength: 40, hint: `最多 ${maxReminders} 次，每次为 ${minMonths} 至 ${maxMonths} 个月，用逗号分隔，例如“6，2”；不填则只发送换届请示截止提醒。` })}
      ${textField({ name: 'requestMonths', label: TERM_REMINDER_FIELD_LABELS.requestMonths, state: form, type: 'number', min: String(minRequestMonths), required: true, hint: `${minRequestMonths} 至 ${maxRequestMonths} 个月；按规定须在任期届满前至少 1 个月报送换届选举请示。` })}
      <button type="submit">保存设置</button>
    </form>
    ${current.history.length > 0 ? html`<h2>修改记录</h2>
    <div class="table-wrap" tabindex="0"><table>
      <thead><tr><th>版本</th><th>修改人</th><th>时间</th><th>修改前</th><th>修改后</th></tr></thead>
      <tbody>${current.history.map((c) => html`<tr><td>第 ${c.version} 版</td><td>${c.byName}</td><td>${formatDateTime(c.at)}</td><td>${c.before}</td><td>${c.after}</td></tr>`)}</tbody>
    </table></div>` : ''}`;
  return layout({ title: '换届提醒设置', body, staff });
}
