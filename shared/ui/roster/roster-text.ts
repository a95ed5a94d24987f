import type { RosterField } from '../../domain/roster';
import { ROSTER_FIELD_LABELS } from '../../domain/roster';

/** Row numbers as people read them: 2–51、57、60–61. */
export function rowRanges(rowNumbers: readonly number[]): string {
  const sorted = [...new Set(rowNumbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j;
  }
  return parts.join('、');
}

export const changedFieldsText = (fields: readonly RosterField[]) => fields.map((f) => ROSTER_FIELD_LABELS[f]).join('、');

const ENCODING_LABELS: Record<string, string> = { 'utf-8': 'UTF-8 编码', 'utf-8-bom': 'UTF-8 编码', gb18030: 'GB18030（GBK）编码', 'utf-16': 'Unicode 文本' };

export function fileKindText(format: 'csv' | 'xlsx', encoding?: string): string {
  return format === 'xlsx' ? 'Excel 工作簿（读取第一个工作表）' : `CSV 文件（${ENCODING_LABELS[encoding ?? 'utf-8'] ?? encoding}）`;
}

/** The preview lists at most this many rows of each kind; the counts cover every row. */
export const ROSTER_PREVIEW_ROW_LIMIT = 500;
