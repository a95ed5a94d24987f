import type { TermRow } from '../../services/registry/term-overview';
import { html, type HtmlValue, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';
import { termTable } from '../term-table';

export interface ElectionsOverviewOptions {
  terms: readonly TermRow[];
  staff: LayoutStaff;
  /** The elections list and the create link, when elections are available. */
  elections?: HtmlValue;
}

/** 换届选举: the organizations' terms (overdue highlighted, next reminder), then the elections. */
export function electionsOverviewPage(options: ElectionsOverviewOptions): SafeHtml {
  const overdue = options.terms.filter((row) => row.status.state === 'overdue').length;
  const body = html`<h1>换届选举</h1>
    ${overdue > 0 ? html`<div class="alert" role="alert"><p>有 ${overdue} 个组织任期已届满、尚无经批准的换届选举结果，请尽快组织换届。</p></div>` : ''}
    ${options.elections ?? ''}
    <h2>各组织任期</h2>
    <p class="muted">任期届满前 6 个月、2 个月发送换届提醒；届满前 1 个月为换届请示报送截止日。提醒邮件发给本组织及上级党组织的工作人员。</p>
    ${termTable(options.terms)}`;
  return layout({ title: '换届选举', body, staff: options.staff });
}
