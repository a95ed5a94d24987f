import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { createStore, type Store } from '../../../shared/store/store';
import { readBackupFile, writeBackupFile, type BackupHeader } from '../backup/backup-file';
import { requestBackup, runningServer } from '../backup/control-channel';
import { openProcesses } from '../backup/open-processes';
import { isLocalOnly, loadItems, scanTable } from '../backup/snapshot';
import { openDataStore } from '../data-store';
import type { CliIo } from './calendar-command';
import { CliUsageError } from './usage-error';

/**
 * `dangjian backup | restore | export | import`: a pilot's data on one machine, and its move into the AWS table.
 * backup/export of a running server go through its control channel (one point in time while it keeps serving);
 * of a stopped one, through a DynamoDB Local started on the data folder for the command.
 */
const USAGE: Record<string, string> = {
  backup: '用法：dangjian backup --data 数据目录 --out 备份文件.jsonl.gz      （服务运行中也可备份）',
  restore: '用法：dangjian restore --in 备份文件.jsonl.gz --data 空的数据目录',
  export: '用法：dangjian export --data 数据目录 --out 导出文件.jsonl.gz [--allow-open]   （迁移到 AWS：不含本机的会话、账号、发件箱和流程执行记录；有办理中的流程时拒绝导出）',
  import: '用法：dangjian import --in 导出文件.jsonl.gz --table 表名 [--region 区域] [--endpoint 地址] [--allow-open]   （导入空表）',
};

const tableName = () => process.env.TABLE_NAME ?? 'dangjian';

async function withDataFolder<T>(dataDir: string, use: (store: Store) => Promise<T>): Promise<T> {
  const data = await openDataStore({ dataDir, tableName: tableName() });
  try {
    return await use(data.store);
  } finally {
    await data.stop();
  }
}

function options(argv: string[], names: string[], flags: string[] = []): Record<string, string | boolean | undefined> {
  const declared = { ...Object.fromEntries(names.map((name) => [name, { type: 'string' as const }])), ...Object.fromEntries(flags.map((name) => [name, { type: 'boolean' as const }])) };
  const { values } = parseArgs({ args: argv, options: declared, strict: true, allowPositionals: false });
  return values as Record<string, string | boolean | undefined>;
}

/** What a committee is told when processes are still running (export and import alike). */
function reportOpen(open: string[], io: CliIo, allowed: boolean, verb: '导出' | '导入'): void {
  const say = allowed ? io.out : io.err;
  say(`${allowed ? '注意' : `无法${verb}`}：以下 ${open.length} 项流程仍在试点系统上办理中。AWS 上的流程引擎不能接续本机正在运行的流程，迁移后它们会停在当前步骤，无法继续办理：`);
  for (const line of open) say(`  · ${line}`);
  if (allowed) {
    say('已按 --allow-open 继续：这份数据只宜用于试看或存档，不宜作为正式数据。');
    return;
  }
  say('请先在试点系统上办结这些事项（等公示期结束并处理异议、请上级党委通过邮件链接作出审批、把当前阶段的步骤办完），');
  say('或对确实不再办理的事项“终止”，然后再' + verb + '。发展党员案件在两个阶段之间可以迁移，下一阶段在 AWS 上启动。');
  say(`Refused: ${open.length} process(es) still running on the pilot cannot be carried into AWS Step Functions; finish them first (or pass --allow-open for a trial copy).`);
}

function required(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || !value) throw new CliUsageError(`缺少 --${name} / --${name} is required`);
  return value;
}


async function copyOut(argv: string[], io: CliIo, kind: BackupHeader['kind']): Promise<number> {
  const values = options(argv, ['data', 'out'], kind === 'export' ? ['allow-open'] : []);
  const dataDir = resolve(required(values, 'data'));
  const out = resolve(required(values, 'out'));
  const server = runningServer(dataDir);
  const header = server
    ? await requestBackup(server, out, kind)
    : await withDataFolder(dataDir, async (store) => {
        const items = await scanTable(store);
        return writeBackupFile(out, { takenAt: new Date().toISOString(), table: store.tableName, kind }, kind === 'export' ? items.filter((item) => !isLocalOnly(item)) : items);
      });
  if (kind === 'export') {
    // Read back from the file written: the same point in time whether the server or this command wrote it.
    const open = openProcesses(readBackupFile(out).items);
    if (open.length > 0) {
      reportOpen(open, io, values['allow-open'] === true, '导出');
      if (values['allow-open'] !== true) {
        rmSync(out, { force: true });
        return 1;
      }
    }
  }
  io.out(`${kind === 'export' ? '已导出' : '已备份'} ${header.itemCount} 条记录到 ${out}${server ? '（服务运行中，按同一时刻读取）' : ''}`);
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
  const values = options(argv, ['in', 'table', 'region', 'endpoint'], ['allow-open']);
  const { header, items } = readBackupFile(resolve(required(values, 'in')));
  const open = openProcesses(items);
  if (open.length > 0) {
    reportOpen(open, io, values['allow-open'] === true, '导入');
    if (values['allow-open'] !== true) return 1;
  }
  const text = (name: string) => (typeof values[name] === 'string' ? values[name] : undefined);
  const store = createStore({ tableName: required(values, 'table'), region: text('region'), endpoint: text('endpoint') });
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
