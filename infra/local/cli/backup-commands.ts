import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { createStore, type Store } from '../../../shared/store/store';
import { readBackupFile, writeBackupFile, type BackupHeader } from '../backup/backup-file';
import { requestBackup, runningServer } from '../backup/control-channel';
import { isLocalOnly, loadItems, scanTable } from '../backup/snapshot';
import { openDataStore } from '../data-store';
import type { CliIo } from './calendar-command';

/**
 * `dangjian backup | restore | export | import`: a pilot's data on one machine, and its move into the AWS table.
 * backup/export of a running server go through its control channel (one point in time while it keeps serving);
 * of a stopped one, through a DynamoDB Local started on the data folder for the command.
 */
const USAGE: Record<string, string> = {
  backup: '用法：dangjian backup --data 数据目录 --out 备份文件.jsonl.gz      （服务运行中也可备份）',
  restore: '用法：dangjian restore --in 备份文件.jsonl.gz --data 空的数据目录',
  export: '用法：dangjian export --data 数据目录 --out 导出文件.jsonl.gz       （迁移到 AWS：不含本机的会话、账号、发件箱和流程执行记录）',
  import: '用法：dangjian import --in 导出文件.jsonl.gz --table 表名 [--region 区域] [--endpoint 地址]   （导入空表）',
};

class CliUsageError extends Error {}

const tableName = () => process.env.TABLE_NAME ?? 'dangjian';

async function withDataFolder<T>(dataDir: string, use: (store: Store) => Promise<T>): Promise<T> {
  const data = await openDataStore({ dataDir, tableName: tableName() });
  try {
    return await use(data.store);
  } finally {
    await data.stop();
  }
}

function options(argv: string[], names: string[]): Record<string, string | undefined> {
  const { values } = parseArgs({ args: argv, options: Object.fromEntries(names.map((name) => [name, { type: 'string' as const }])), strict: true, allowPositionals: false });
  return values as Record<string, string | undefined>;
}

function required(values: Record<string, string | undefined>, name: string): string {
  const value = values[name];
  if (!value) throw new CliUsageError(`缺少 --${name} / --${name} is required`);
  return value;
}

async function copyOut(argv: string[], io: CliIo, kind: BackupHeader['kind']): Promise<number> {
  const values = options(argv, ['data', 'out']);
  const dataDir = resolve(required(values, 'data'));
  const out = resolve(required(values, 'out'));
  const server = runningServer(dataDir);
  const header = server
    ? await requestBackup(server, out, kind)
    : await withDataFolder(dataDir, async (store) => {
        const items = await scanTable(store);
        return writeBackupFile(out, { takenAt: new Date().toISOString(), table: store.tableName, kind }, kind === 'export' ? items.filter((item) => !isLocalOnly(item)) : items);
      });
  io.out(`${kind === 'export' ? '已导出' : '已备份'} ${header.itemCount} 条记录到 ${out}${server ? '（服务运行中，按同一时刻读取）' : ''}`);
  if (kind === 'export') io.out('注意：本机正在办理中的流程（待办步骤、公示期、审批链接）不随导出迁移，请在迁移前办结，或在 AWS 上重新发起。');
  return 0;
}

async function restore(argv: string[], io: CliIo): Promise<number> {
  const values = options(argv, ['in', 'data']);
  const file = resolve(required(values, 'in'));
  const dataDir = resolve(required(values, 'data'));
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    io.err(`数据目录 ${dataDir} 不是空的：恢复只写入空目录，以免覆盖现有数据 / the data folder must be empty`);
    return 1;
  }
  const { header, items } = readBackupFile(file);
  mkdirSync(dataDir, { recursive: true });
  const count = await withDataFolder(dataDir, async (store) => {
    await loadItems(store, items);
    return (await scanTable(store)).length;
  });
  if (count !== header.itemCount) {
    io.err(`恢复后有 ${count} 条记录，备份中有 ${header.itemCount} 条 / restored ${count} of ${header.itemCount}`);
    return 1;
  }
  io.out(`已从 ${file}（${header.takenAt}）恢复 ${count} 条记录到 ${dataDir}；用 dangjian serve --data ${dataDir} 启动`);
  return 0;
}

async function importInto(argv: string[], io: CliIo): Promise<number> {
  const values = options(argv, ['in', 'table', 'region', 'endpoint']);
  const { header, items } = readBackupFile(resolve(required(values, 'in')));
  const store = createStore({ tableName: required(values, 'table'), region: values.region, endpoint: values.endpoint });
  const existing = await store.doc.send(new ScanCommand({ TableName: store.tableName, Limit: 1 }));
  if ((existing.Items ?? []).length > 0) {
    io.err(`表 ${store.tableName} 中已有数据：只能导入空表 / the target table must be empty`);
    return 1;
  }
  const kept = items.filter((item) => !isLocalOnly(item));
  await loadItems(store, kept);
  io.out(`已导入 ${kept.length} 条记录到表 ${store.tableName}（导出时间 ${header.takenAt}${kept.length < items.length ? `，略过本机专用记录 ${items.length - kept.length} 条` : ''}）`);
  return 0;
}

const run: Record<string, (argv: string[], io: CliIo) => Promise<number>> = {
  backup: (argv, io) => copyOut(argv, io, 'backup'),
  export: (argv, io) => copyOut(argv, io, 'export'),
  restore,
  import: importInto,
};

/** The four data commands; each answers 0, 1 on a refused operation, or 2 on bad arguments. */
export function backupCommand(name: 'backup' | 'restore' | 'export' | 'import') {
  return async (argv: string[], io: CliIo): Promise<number> => {
    try {
      return await run[name](argv, io);
    } catch (error) {
      if (error instanceof CliUsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
        io.err(`${error.message}\n${USAGE[name]}`);
        return 2;
      }
      io.err(`失败 / failed: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
  };
}
