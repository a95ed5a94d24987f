import type { DevelopmentCase } from '../../domain/development/case';
import type { AuditEntry } from '../audit-trail';
import { formatDate } from '../format';
import { html, type SafeHtml } from '../html';

/**
 * The case file's key dates and its handovers with the person's transfers (docs/domain/transfer.md T8, T8b), as facts
 * at the top of the file: the dates the cultivation and probation count from are the ones recorded where they were
 * decided, whichever branch holds the case now.
 */
export function caseKeyDates(c: Pick<DevelopmentCase, 'dates'>): SafeHtml {
  const d = c.dates;
  const row = (label: string, date: string | undefined) => (date ? html`<dt>${label}</dt><dd>${date}</dd>` : html``);
  return html`${row('确定积极分子日期', d.activistDate)}${row('确定发展对象日期', d.targetDate)}${row('接收预备党员日期', d.admissionMeetingDate)}`;
}

export function caseHandovers(audit: AuditEntry[]): SafeHtml {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const lines = audit.flatMap((event) => {
    const d = event.details ?? {};
    const transfer = text(d.transferId);
    const link = transfer ? html`（<a href="/staff/transfers/${transfer}">转接详情</a>）` : html``;
    if (event.action === 'case.transferred') return [html`<div>${formatDate(event.at)} 由${text(d.fromOrg)}移交${text(d.toOrg)}${link}</div>`];
    if (event.action === 'case.transferred-out') return [html`<div>${text(d.receiptDate)} 随组织关系转往${text(d.toOrg)}（本系统外），本系统存档备查${link}</div>`];
    return [];
  });
  return lines.length === 0 ? html`` : html`<dt>组织关系转接</dt><dd>${lines}</dd>`;
}
