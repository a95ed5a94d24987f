import { AssessmentRuleError } from './errors';
import type { Indicator } from './types';

/** One indicator's entry in a report (A9): a value, a text, the evidence's file metadata. */
export interface ReportEntry {
  indicatorKey: string;
  /** 'done' / 'not-done' for done-or-not, a count for per-count, absent for graded. */
  value?: string;
  text: string;
  evidence: { name: string; size?: number }[];
  /** Where a prefilled value came from (shown with it). */
  prefillSource?: string;
}

/** A report's place in its period (A10): waiting for the organization, waiting for review, returned, scored. */
export type ReportStatus = 'open' | 'submitted' | 'returned' | 'scored';

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = { open: '待报送', submitted: '待审核', returned: '已退回', scored: '已评分' };

/**
 * Checks a report before it is stored (A9): every indicator of the period has an entry with a text; a done-or-not
 * value is done or not done; a count is a whole number from 0.
 */
export function checkReport(indicators: readonly Indicator[], entries: readonly ReportEntry[]): ReportEntry[] {
  const byKey = new Map(entries.map((entry) => [entry.indicatorKey, entry]));
  return indicators.map((indicator) => {
    const entry = byKey.get(indicator.key);
    if (!entry || !entry.text.trim()) throw new AssessmentRuleError(`请填写“${indicator.name}”的完成情况。`, indicator.key);
    if (indicator.scoring === 'done' && entry.value !== 'done' && entry.value !== 'not-done') {
      throw new AssessmentRuleError(`请选择“${indicator.name}”是否完成。`, indicator.key);
    }
    if (indicator.scoring === 'count' && !/^\d{1,4}$/.test(entry.value ?? '')) {
      throw new AssessmentRuleError(`“${indicator.name}”的次数须为 0 或正整数。`, indicator.key);
    }
    return { ...entry, text: entry.text.trim() };
  });
}

/** A return for correction needs a reason the organization can act on (A11). */
export function checkReturnReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed.length < 4) throw new AssessmentRuleError('退回须写明原因（至少 4 个字），以便支部改正。', 'reason');
  return trimmed;
}
