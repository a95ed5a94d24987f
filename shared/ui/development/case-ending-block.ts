import { CASE_ENDING_KIND_LABELS, caseEndingText, type CaseEnding } from '../../domain/development/case-ending';
import type { DevelopmentCase } from '../../domain/development/case';
import { formatDateLong, formatDateTime } from '../format';
import { html, type SafeHtml } from '../html';

/** The ending of a case (终止发展) as the file and the archive show it: when, by whom, why. */
export function caseEndingBlock(ending: CaseEnding): SafeHtml {
  return html`<table class="case-ending">
    <tr><th>终止日期</th><td>${formatDateLong(ending.date)}</td><th>经办人</th><td>${ending.byName}</td></tr>
    <tr><th>终止原因</th><td colspan="3">${CASE_ENDING_KIND_LABELS[ending.kind]}</td></tr>
    <tr><th>具体情况</th><td colspan="3">${ending.reason}</td></tr>
    <tr><th>登记时间</th><td colspan="3">${formatDateTime(ending.at)}</td></tr>
  </table>`;
}

/** The case's outcome reasons other than its ending (which caseEndingBlock shows). */
export function otherOutcomeReasons(c: Pick<DevelopmentCase, 'outcomeReasons' | 'ending'>): string[] {
  const endingText = c.ending ? caseEndingText(c.ending) : undefined;
  return c.outcomeReasons.filter((reason) => reason !== endingText);
}
