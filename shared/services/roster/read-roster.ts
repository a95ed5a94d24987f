import { ROSTER_COLUMNS, ROSTER_FIELD_LABELS, readRosterTable, type RosterRow } from '../../domain/roster';
import { decodeRosterFile, type RosterEncoding, type RosterFormat } from './decode-roster-file';
import { RosterFileInvalidError } from './roster-errors';
import { formatMegabytes, ROSTER_MAX_FILE_BYTES, ROSTER_MAX_ROWS } from './roster-limits';

export interface RosterFileContent {
  format: RosterFormat;
  encoding?: RosterEncoding;
  rows: RosterRow[];
  /** Headers that are not roster columns: ignored, and said so on the preview. */
  ignoredHeaders: string[];
}

const EXPECTED = ROSTER_COLUMNS.filter((c) => c.required).map((c) => c.header).join('、');

/** Reads an uploaded roster; a file that cannot be a roster at all is refused with the reason in Chinese. */
export async function readRosterFile(bytes: Buffer): Promise<RosterFileContent> {
  if (bytes.length > ROSTER_MAX_FILE_BYTES) {
    throw new RosterFileInvalidError(`文件过大（${formatMegabytes(bytes.length)}），最大 ${formatMegabytes(ROSTER_MAX_FILE_BYTES)}。请分成几个文件分别导入。`);
  }
  const decoded = await decodeRosterFile(bytes);
  const reading = readRosterTable(decoded.table);
  if (reading.kind === 'no-header') {
    throw new RosterFileInvalidError(`文件的前几行中没有找到表头。第一行应为列名，至少包括：${EXPECTED}。可下载模板对照。`);
  }
  if (reading.kind === 'missing-columns') {
    const missing = reading.header.missing.map((field) => ROSTER_FIELD_LABELS[field]).join('、');
    throw new RosterFileInvalidError(`文件缺少以下必需的列：${missing}。可下载模板对照。`);
  }
  if (reading.rows.length === 0) throw new RosterFileInvalidError('文件中只有表头，没有人员数据。');
  if (reading.rows.length > ROSTER_MAX_ROWS) {
    throw new RosterFileInvalidError(`文件有 ${reading.rows.length.toLocaleString('en-US')} 行人员数据，超过每次最多 ${ROSTER_MAX_ROWS.toLocaleString('en-US')} 行的限制，请分成几个文件分别导入。`);
  }
  return { format: decoded.format, encoding: decoded.encoding, rows: reading.rows, ignoredHeaders: reading.header.ignored };
}
