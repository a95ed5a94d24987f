import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { ROSTER_MAX_ROWS } from './roster-limits';
import { RosterFileInvalidError } from './roster-errors';

export type RosterFormat = 'csv' | 'xlsx';
export type RosterEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16';

export interface DecodedRoster {
  format: RosterFormat;
  /** CSV only: how the text was encoded. */
  encoding?: RosterEncoding;
  /** Cells as text; row i is the spreadsheet's row i + 1. */
  table: string[][];
}

const startsWith = (bytes: Buffer, ...prefix: number[]) => prefix.every((byte, index) => bytes[index] === byte);

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8, UTF-16 with its BOM, else GB18030 (Excel's “CSV” in China). */
export function decodeText(bytes: Buffer): { text: string; encoding: RosterEncoding } {
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8-bom' };
  if (startsWith(bytes, 0xff, 0xfe)) return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16' };
  if (startsWith(bytes, 0xfe, 0xff)) return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030' };
  }
}

function parseCsv(text: string): string[][] {
  if (text.includes('\u0000')) throw new RosterFileInvalidError('无法识别该文件的内容，请上传 CSV 或 Excel（.xlsx）文件。', { detail: 'NUL in text' });
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  try {
    return parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new RosterFileInvalidError(`CSV 文件格式有误${line ? `（约第 ${line} 行）` : ''}，请在 Excel 中打开后重新另存为 CSV。`, { cause: error });
  }
}

type CellValue = ExcelJS.CellValue;

/** A cell as text. An integer beyond double precision (an ID number typed into a number cell) keeps its exponent form. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) >= 1e15 ? value.toExponential() : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return new Date(Math.round(value.getTime() / 86_400_000) * 86_400_000).toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return String(value.text ?? '');
  if ('result' in value) return cellText((value.result ?? null) as CellValue);
  return '';
}

async function parseXlsx(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new RosterFileInvalidError('无法打开该 Excel 文件，请确认文件未损坏，或另存为 .xlsx 后重新上传。', { cause: error });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new RosterFileInvalidError('该 Excel 文件中没有工作表。');
  if (sheet.actualRowCount > ROSTER_MAX_ROWS + 10) {
    throw new RosterFileInvalidError(`文件超过 ${ROSTER_MAX_ROWS.toLocaleString('en-US')} 行，请分成几个文件分别导入。`);
  }
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values : [];
    table[rowNumber - 1] = Array.from({ length: Math.max(0, values.length - 1) }, (_, index) => cellText(values[index + 1]).trim());
  });
  return Array.from(table, (cells) => cells ?? []);
}

/** The file's cells: XLSX (first sheet) or CSV in UTF-8, UTF-8 with BOM, UTF-16 or GB18030. */
export async function decodeRosterFile(bytes: Buffer): Promise<DecodedRoster> {
  if (bytes.length === 0) throw new RosterFileInvalidError('上传的文件是空的。');
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return { format: 'xlsx', table: await parseXlsx(bytes) };
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) {
    throw new RosterFileInvalidError('暂不支持旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 或 CSV 后重新上传。');
  }
  const { text, encoding } = decodeText(bytes);
  return { format: 'csv', encoding, table: parseCsv(text) };
}
