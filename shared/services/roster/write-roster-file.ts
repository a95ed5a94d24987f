import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { MEMBERSHIP_STATUS_LABELS, RECORDABLE_STATUSES } from '../../domain/registry/person';
import { ROSTER_COLUMNS, type RosterField } from '../../domain/roster';

/** One person as a roster row: text by field, dates as YYYY-MM-DD. */
export type RosterRowValues = Record<RosterField, string>;

export type CsvEncoding = 'utf-8' | 'gb18030';

/** A column after the roster's own (the evaluation history): the import ignores it, so an export still imports back. */
export interface ExtraColumn {
  header: string;
  /** One value per row, in the rows' order. */
  values: readonly string[];
}

const DATE_FIELDS: ReadonlySet<RosterField> = new Set(['birthDate', 'statusDate', 'applicationDate']);

/**
 * CSV with the template's header, CRLF line ends; UTF-8 with a BOM (so Excel knows it), or GB18030, which Excel
 * in China opens directly. The ID number is written after a tab: Excel then keeps it as text instead of turning
 * it into 1.10105E+17; the import trims it.
 */
export function rosterCsv(rows: readonly RosterRowValues[], encoding: CsvEncoding = 'utf-8', extra?: ExtraColumn): Buffer {
  const records = rows.map((row, i) => [...ROSTER_COLUMNS.map((c) => (c.field === 'idNumber' && row.idNumber ? `\t${row.idNumber}` : row[c.field])), ...(extra ? [extra.values[i] ?? ''] : [])]);
  const text = stringify([[...ROSTER_COLUMNS.map((c) => c.header), ...(extra ? [extra.header] : [])], ...records], { record_delimiter: 'windows' });
  return encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

const WIDTHS: Partial<Record<RosterField, number>> = { idNumber: 22, unitPost: 28, org: 24, email: 24, phone: 16 };

/**
 * XLSX, one sheet 花名册: the ID number column formatted as text (typed numbers would lose digits), dates as date
 * cells, and drop-down lists for 性别 and 党员状态 down to the row limit.
 */
export async function rosterXlsx(rows: readonly RosterRowValues[], maxRows = 10_000, extra?: ExtraColumn): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('花名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [...ROSTER_COLUMNS.map((c) => ({
    header: c.header, key: c.field, width: WIDTHS[c.field] ?? 14,
    style: c.field === 'idNumber' ? { numFmt: '@' } : DATE_FIELDS.has(c.field) ? { numFmt: 'yyyy-mm-dd' } : {},
  })), ...(extra ? [{ header: extra.header, key: 'extra', width: 30 }] : [])];
  sheet.getRow(1).font = { bold: true };
  rows.forEach((row, i) => {
    sheet.addRow([...ROSTER_COLUMNS.map((c) => {
      const value = row[c.field];
      return DATE_FIELDS.has(c.field) && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : value;
    }), ...(extra ? [extra.values[i] ?? ''] : [])]);
  });
  const letter = (field: RosterField) => sheet.getColumn(field).letter;
  const last = maxRows + 1;
  // exceljs has range validations (one <dataValidation sqref="B2:B10001">) but leaves them out of its typings.
  const validations = (sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations;
  validations.add(`${letter('gender')}2:${letter('gender')}${last}`, { type: 'list', allowBlank: true, formulae: ['"男,女"'] });
  const statuses = RECORDABLE_STATUSES.map((s) => MEMBERSHIP_STATUS_LABELS[s]).join(',');
  validations.add(`${letter('status')}2:${letter('status')}${last}`, { type: 'list', allowBlank: true, formulae: [`"${statuses}"`] });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
