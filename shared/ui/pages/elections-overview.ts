import { DEFAULT_TERM_REMINDERS, type TermReminderRule } from '../../domain/election/term-reminders';
import { describeTermReminders, termReminderSettingsOf } from '../../domain/election/term-reminder-settings';
import type { TermRow } from '../../services/registry/term-overview';
import { html, type HtmlValue, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';
import { termTable } from '../term-table';
import { TERM_REMINDER_SETTINGS_PATH } from './term-reminder-settings';

export interface ElectionsOverviewOptions {
  terms: readonly TermRow[];
  staff: LayoutStaff;
  /** The elections list and the create link, when elections are available. */
  elections?: HtmlValue;
  /** The reminders in force (换届提醒设置); the defaults when absent. */
  reminders?: readonly TermReminderRule[];
}

/** 换届选举: the organizations' terms (overdue highlighted, next reminder), then the elections. */
export function electionsOverviewPage(options: ElectionsOverviewOptions): SafeHtml {
  const overdue = options.terms.filter((row) => row.status.state === 'overdue').length;
  const body = html`<h1>换届选举</h1>
    ${overdue > 0 ? html`<div class="alert" role="alert"><p>有 ${overdue} 个组织任期已届满、尚无经批准的换届选举结果，请尽快组织换届。</p></div>` : ''}
    ${options.elections ?? ''}
    <h2>各组织任期</h2>
    <p class="muted">${describeTermReminders(termReminderSettingsOf(options.reminders ?? DEFAULT_TERM_REMINDERS))}提醒邮件发给本组织及上级党组织的工作人员。${
      options.staff.role === 'admin' ? html` <a href="${TERM_REMINDER_SETTINGS_PATH}">换届提醒设置</a>` : ''}</p>
    ${termTable(options.terms)}`;
  return layout({ title: '换届选举', body, staff: options.staff });
}
