import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/** A table item as DynamoDB stores it (attribute types kept, so a restore writes back exactly what was read). */
export type RawItem = Record<string, AttributeValue>;

export const BACKUP_FORMAT = 'dangjian-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** When the table was read (ISO, UTC). */
  takenAt: string;
  table: string;
  itemCount: number;
  /** `backup`: everything, for a restore on one machine; `export`: without the local runtime's own records, for AWS. */
  kind: 'backup' | 'export';
}

export class BackupFileError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'BackupFileError';
  }
}

// Binary attributes are the only ones JSON cannot carry as they are.
const encode = (_key: string, value: unknown) => (value instanceof Uint8Array ? { $base64: Buffer.from(value).toString('base64') } : value);
const decode = (_key: string, value: unknown) =>
  value !== null && typeof value === 'object' && '$base64' in value ? new Uint8Array(Buffer.from(String((value as { $base64: string }).$base64), 'base64')) : value;

/**
 * Writes a backup as gzip'd JSON lines (header, one item per line, an end line with the count), to a temporary
 * file first, synced, then renamed over `path`: a crash mid-write never leaves a half file under the final name,
 * and never touches an earlier backup.
 */
export function writeBackupFile(path: string, header: Omit<BackupHeader, 'format' | 'version' | 'itemCount'>, items: readonly RawItem[]): BackupHeader {
  const full: BackupHeader = { format: BACKUP_FORMAT, version: BACKUP_VERSION, ...header, itemCount: items.length };
  const lines = [JSON.stringify(full), ...items.map((item) => JSON.stringify(item, encode)), JSON.stringify({ end: true, itemCount: items.length })];
  const temporary = `${path}.partial-${process.pid}`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, gzipSync(Buffer.from(`${lines.join('\n')}\n`, 'utf8')));
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, path);
  return full;
}

/** Reads and checks a backup file: the format, the version and that every item is there (a cut file is refused). */
export function readBackupFile(path: string): { header: BackupHeader; items: RawItem[] } {
  let text: string;
  try {
    text = gunzipSync(readFileSync(path)).toString('utf8');
  } catch (error) {
    throw new BackupFileError(`无法读取备份文件 ${path}（不是完整的 gzip 文件）/ cannot read the backup file`, { cause: error });
  }
  const lines = text.split('\n').filter((line) => line !== '');
  const header = JSON.parse(lines[0] ?? '{}') as BackupHeader;
  if (header.format !== BACKUP_FORMAT) throw new BackupFileError(`${path} 不是 dangjian 备份文件 / not a dangjian backup`);
  if (header.version > BACKUP_VERSION) throw new BackupFileError(`备份文件版本 ${header.version} 比本程序新，请先升级 / the backup is newer than this program`);
  const end = JSON.parse(lines.at(-1) ?? '{}') as { end?: boolean; itemCount?: number };
  const items = lines.slice(1, -1).map((line) => JSON.parse(line, decode) as RawItem);
  if (end.end !== true || end.itemCount !== header.itemCount || items.length !== header.itemCount) {
    throw new BackupFileError(`备份文件 ${path} 不完整（应有 ${header.itemCount} 条，读到 ${items.length} 条）/ the backup is incomplete`);
  }
  return { header, items };
}
