import ExcelJS from 'exceljs';
import {
  adjustmentsFromTable, adjustmentTable, checkScheme, indicatorsFromTable, indicatorTable, requireDraft, type Scheme,
} from '../../domain/assessment';
import { listSchemeVersions, replaceDraftScheme, schemePk } from '../../store/assessment-repo';
import { auditPut } from '../../store/audit';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import { InputInvalidError, RecordNotFoundError } from '../../errors';
import type { Actor } from '../actor';
import { authorize, loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { checked, AssessmentChangedError } from './errors';

const SHEETS = { indicators: '考核指标', adjustments: '加减分项目' } as const;

async function versionOf(deps: ServiceDeps, actor: Actor, committeeId: string, year: number, version: number): Promise<Scheme> {
  authorize(actor, 'assessment.scheme', committeeId, await loadOrgTree(deps.store));
  const scheme = (await listSchemeVersions(deps.store, committeeId, year)).find((v) => v.version === version);
  if (!scheme) throw new RecordNotFoundError('该版本的考核方案');
  return scheme;
}

/** A version as an XLSX workbook (A1): the indicators, then the bonus and deduction items, Chinese headings and values. */
export async function exportSchemeWorkbook(deps: ServiceDeps, actor: Actor, committeeId: string, year: number, version: number): Promise<Buffer> {
  const scheme = await versionOf(deps, actor, committeeId, year, version);
  const workbook = new ExcelJS.Workbook();
  const indicators = workbook.addWorksheet(SHEETS.indicators);
  indicatorTable(scheme.indicators).forEach((row) => indicators.addRow(row));
  indicators.columns.forEach((column, i) => { column.width = i === 7 ? 60 : 14; });
  const adjustments = workbook.addWorksheet(SHEETS.adjustments);
  adjustmentTable(scheme.adjustments).forEach((row) => adjustments.addRow(row));
  for (const sheet of [indicators, adjustments]) sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function sheetRows(sheet: ExcelJS.Worksheet | undefined): (string | number | undefined)[][] {
  const rows: (string | number | undefined)[][] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, n) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows[n - 1] = values.map((v) => (typeof v === 'number' || typeof v === 'string' ? v : v && typeof v === 'object' && 'richText' in v ? v.richText.map((t) => t.text).join('') : undefined));
  });
  return Array.from(rows, (r) => r ?? []);
}

/**
 * Imports a workbook (as exported) into a draft (A1, A2): its indicators and items replace the draft's, the whole
 * scheme is checked first (a message naming the row), a published version is refused. One conditional write.
 */
export async function importSchemeWorkbook(deps: ServiceDeps, actor: Actor, committeeId: string, year: number, version: number, bytes: Buffer): Promise<Scheme> {
  const scheme = await versionOf(deps, actor, committeeId, year, version);
  checked(() => requireDraft(scheme));
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new InputInvalidError({ file: '无法打开该文件，请上传从本页导出并修改后的 .xlsx 文件。' }, { cause: error });
  }
  const next = checked(() => checkScheme({
    ...scheme,
    indicators: indicatorsFromTable(sheetRows(workbook.getWorksheet(SHEETS.indicators) ?? workbook.worksheets[0])),
    adjustments: workbook.getWorksheet(SHEETS.adjustments) ? adjustmentsFromTable(sheetRows(workbook.getWorksheet(SHEETS.adjustments))) : scheme.adjustments,
  }));
  try {
    await transactWrite(deps.store, [
      replaceDraftScheme(deps.store, next),
      auditPut(deps.store, schemePk(committeeId, year), { at: deps.clock.now().toISOString(), action: 'assessment.scheme-imported', actor: actor.id, details: { version, indicators: next.indicators.length } }),
    ]);
  } catch (error) {
    if (error instanceof StoreConditionFailedError) throw new AssessmentChangedError('scheme', { cause: error });
    throw error;
  }
  return next;
}
