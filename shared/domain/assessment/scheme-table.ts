import { AssessmentRuleError } from './errors';
import { FREQUENCY_LABELS, SCORING_LABELS } from './scheme';
import type { AdjustmentItem, Frequency, Indicator, PrefillSource, ScoringKind } from './types';

/**
 * A scheme as a table (A1): the indicators one a row, the bonus and deduction items one a row, in Chinese headings
 * and values, for an administrator to export, edit in a spreadsheet and import into a draft.
 */
export const INDICATOR_HEADINGS = ['编号', '类别', '指标', '分值', '周期', '计分方式', '每次分值', '上报要求', '系统预填'] as const;
export const ADJUSTMENT_HEADINGS = ['编号', '类型', '名称', '全年封顶'] as const;
const KIND_LABELS = { bonus: '加分', deduction: '减分' } as const;
const PREFILL_SHORT: Record<PrefillSource, string> = { 'development-on-time': '发展党员按期', 'election-on-time': '按期换届', 'notice-objections-handled': '公示异议处理' };

type Cell = string | number | undefined;

export function indicatorTable(indicators: readonly Indicator[]): Cell[][] {
  return [[...INDICATOR_HEADINGS], ...indicators.map((i) => [
    i.key, i.area, i.name, i.maxPoints, FREQUENCY_LABELS[i.frequency], SCORING_LABELS[i.scoring], i.pointsPerCount, i.requirement, i.prefill ? PREFILL_SHORT[i.prefill] : '',
  ])];
}

export function adjustmentTable(items: readonly AdjustmentItem[]): Cell[][] {
  return [[...ADJUSTMENT_HEADINGS], ...items.map((i) => [i.key, KIND_LABELS[i.kind], i.name, i.cap])];
}

const text = (cell: Cell) => (cell === undefined || cell === null ? '' : String(cell).trim());
function lookup<K extends string>(labels: Record<K, string>, value: string, what: string, row: number): K {
  const found = (Object.entries(labels) as [K, string][]).find(([key, label]) => label === value || key === value);
  if (!found) throw new AssessmentRuleError(`第 ${row} 行的${what}“${value}”无法识别，可填：${Object.values(labels).join('、')}。`, 'file');
  return found[0];
}
function number(cell: Cell, what: string, row: number): number {
  const value = Number(text(cell));
  if (!text(cell) || !Number.isFinite(value)) throw new AssessmentRuleError(`第 ${row} 行的${what}须为数字。`, 'file');
  return value;
}
function checkHeadings(rows: readonly Cell[][], headings: readonly string[], sheet: string): void {
  if (headings.some((heading, i) => text(rows[0]?.[i]) !== heading)) {
    throw new AssessmentRuleError(`“${sheet}”表的第一行须为：${headings.join('、')}。请使用导出的表格修改后导入。`, 'file');
  }
}

/** The indicators of an imported table (rows as read, headings first); blank rows skipped; each value checked. */
export function indicatorsFromTable(rows: readonly Cell[][]): Indicator[] {
  checkHeadings(rows, INDICATOR_HEADINGS, '考核指标');
  return rows.slice(1).flatMap((cells, index): Indicator[] => {
    const row = index + 2;
    if (cells.every((cell) => text(cell) === '')) return [];
    const scoring = lookup<ScoringKind>(SCORING_LABELS, text(cells[5]), '计分方式', row);
    const prefill = text(cells[8]) ? lookup<PrefillSource>({ ...PREFILL_SHORT }, text(cells[8]), '系统预填', row) : undefined;
    return [{
      key: text(cells[0]) || `I${String(row - 1).padStart(2, '0')}`, area: text(cells[1]), name: text(cells[2]), maxPoints: number(cells[3], '分值', row),
      frequency: lookup<Frequency>(FREQUENCY_LABELS, text(cells[4]), '周期', row), scoring, requirement: text(cells[7]),
      ...(scoring === 'count' ? { pointsPerCount: number(cells[6], '每次分值', row) } : {}), ...(prefill ? { prefill } : {}),
    }];
  });
}

/** The bonus and deduction items of an imported table. */
export function adjustmentsFromTable(rows: readonly Cell[][]): AdjustmentItem[] {
  checkHeadings(rows, ADJUSTMENT_HEADINGS, '加减分项目');
  return rows.slice(1).flatMap((cells, index): AdjustmentItem[] => {
    const row = index + 2;
    if (cells.every((cell) => text(cell) === '')) return [];
    if (!text(cells[2])) throw new AssessmentRuleError(`“加减分项目”表第 ${row} 行须有名称。`, 'file');
    return [{ key: text(cells[0]) || `A${row - 1}`, kind: lookup(KIND_LABELS, text(cells[1]), '类型', row), name: text(cells[2]), cap: number(cells[3], '全年封顶', row) }];
  });
}

