import { jest } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { RawItem } from '../../../../infra/local/backup/backup-file';
import { startControlChannel } from '../../../../infra/local/backup/control-channel';
import { LocalBackups } from '../../../../infra/local/backup/local-backups';
import { scanTable } from '../../../../infra/local/backup/snapshot';
import { backupCommand } from '../../../../infra/local/cli/backup-commands';
import { startDynamoDbLocal } from '../../../../infra/local/dynamodb-local';
import { createStore, ensureTable, type Store } from '../../../../shared/store/store';
import { createTestStore } from '../../../support/store';

// The data commands on real data folders (DynamoDB Local started on each), and an empty table as the AWS target.
// Each command starts a Java process of its own: a slow machine needs minutes, not the default minute.
jest.setTimeout(300_000);
const ITEMS = [
  { pk: 'CASE#c1', sk: 'CASE', status: 'active', stage: 3 },
  { pk: 'NOTICE#n1', sk: 'NOTICE', objectionCount: 2, tags: new Set(['a', 'b']) },
  { pk: 'SESSION#abc', sk: 'SESSION', username: 'admin' },
  { pk: 'EXECUTION#arn:1', sk: 'STATE', state: 'WaitForStep' },
];

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dangjian-cli-'));
  process.env.TABLE_NAME = 'dangjian';
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function io() {
  const lines: { out: string[]; err: string[] } = { out: [], err: [] };
  return { lines, io: { out: (line: string) => lines.out.push(line), err: (line: string) => lines.err.push(line) } };
}

async function onFolder<T>(dataDir: string, use: (store: Store) => Promise<T>): Promise<T> {
  const db = await startDynamoDbLocal({ dataDir: join(dataDir, 'dynamodb') });
  try {
    const store = createStore({ tableName: 'dangjian', endpoint: db.endpoint });
    await ensureTable(store);
    return await use(store);
  } finally {
    await db.stop();
  }
}

const keys = (items: RawItem[]) => items.map((item) => `${item.pk?.S}|${item.sk?.S}`).sort();

test('backup of a stopped folder, restore into an empty one: the same items; a folder in use is never restored over', async () => {
  const data = join(root, 'pilot');
  const original = await onFolder(data, async (store) => {
    for (const Item of ITEMS) await store.doc.send(new PutCommand({ TableName: store.tableName, Item }));
    return scanTable(store);
  });
  const file = join(root, 'pilot.jsonl.gz');
  const backup = io();
  expect(await backupCommand('backup')(['--data', data, '--out', file], backup.io)).toBe(0);
  expect(backup.lines.out.join('\n')).toContain('已备份 4 条记录');

  const fresh = join(root, 'restored');
  const restore = io();
  expect(await backupCommand('restore')(['--in', file, '--data', fresh], restore.io)).toBe(0);
  const restored = await onFolder(fresh, (store) => scanTable(store));
  expect(restored.sort((a, b) => String(a.pk.S).localeCompare(String(b.pk.S)))).toEqual(original.sort((a, b) => String(a.pk.S).localeCompare(String(b.pk.S))));

  const refused = io();
  expect(await backupCommand('restore')(['--in', file, '--data', data], refused.io)).toBe(1);
  expect(refused.lines.err.join('\n')).toContain('不是空的');
  const usage = io();
  expect(await backupCommand('restore')(['--in', file], usage.io)).toBe(2);
  expect(usage.lines.err.join('\n')).toContain('缺少 --data');
});

test('a running server is backed up through its control channel; an export imports into an empty table only, without local records', async () => {
  const data = join(root, 'running');
  mkdirSync(data, { recursive: true });
  await onFolder(data, async (store) => {
    for (const Item of ITEMS) await store.doc.send(new PutCommand({ TableName: store.tableName, Item }));
    const backups = new LocalBackups(store, { dir: join(data, 'backups'), keep: 3 });
    const control = await startControlChannel(data, backups);
    try {
      const exported = join(root, 'export.jsonl.gz');
      const run = io();
      expect(await backupCommand('export')(['--data', data, '--out', exported], run.io)).toBe(0);
      expect(run.lines.out.join('\n')).toContain('服务运行中');
      expect(run.lines.out.join('\n')).toContain('已导出 2 条记录');

      const target = await createTestStore();
      const imported = io();
      expect(await backupCommand('import')(['--in', exported, '--table', target.tableName, '--endpoint', String(process.env.TEST_DYNAMODB_ENDPOINT)], imported.io)).toBe(0);
      expect(keys(await scanTable(target))).toEqual(['CASE#c1|CASE', 'NOTICE#n1|NOTICE']);
      const again = io();
      expect(await backupCommand('import')(['--in', exported, '--table', target.tableName, '--endpoint', String(process.env.TEST_DYNAMODB_ENDPOINT)], again.io)).toBe(1);
      expect(again.lines.err.join('\n')).toContain('只能导入空表');
    } finally {
      await control.close();
    }
  });
});

const OPEN_WORK = [
  { pk: 'CASE#c2', sk: 'CASE', type: 'case', id: 'c2', personName: '杨帆', status: 'active', stage: 4, stageState: 'running' },
  { pk: 'CASE#c3', sk: 'CASE', type: 'case', id: 'c3', personName: '周敏', status: 'active', stage: 3, stageState: 'between' },
  { pk: 'ELECTION#e1', sk: 'ELECTION', type: 'election', id: 'e1', orgName: '办公室党支部', status: 'running' },
  { pk: 'ELECTION#e2', sk: 'ELECTION', type: 'election', id: 'e2', orgName: '财务处党支部', status: 'completed' },
  { pk: 'NOTICE#n2', sk: 'NOTICE', type: 'notice', id: 'n2', kind: 'other', subject: { name: '陈晨' }, proposedStep: '拟推荐为优秀共产党员', status: 'open' },
  { pk: 'EXECUTION#arn:2', sk: 'STATE', status: 'RUNNING' },
];

test('export refuses while processes run on the pilot, naming each in Chinese; --allow-open writes a trial copy that import takes only with --allow-open too', async () => {
  const data = join(root, 'open-work');
  mkdirSync(data, { recursive: true });
  await onFolder(data, async (store) => {
    for (const Item of OPEN_WORK) await store.doc.send(new PutCommand({ TableName: store.tableName, Item }));
    const control = await startControlChannel(data, new LocalBackups(store, { dir: join(data, 'backups'), keep: 3 }));
    try {
      const exported = join(root, 'open.jsonl.gz');
      const refused = io();
      expect(await backupCommand('export')(['--data', data, '--out', exported], refused.io)).toBe(1);
      const said = refused.lines.err.join('\n');
      expect(said).toContain('无法导出：以下 3 项流程仍在试点系统上办理中');
      expect(said).toContain('发展党员：杨帆，第四阶段办理中');
      expect(said).toContain('换届选举：办公室党支部，进行中');
      expect(said).toContain('公示：陈晨同志拟推荐为优秀共产党员的公示');
      expect(said).not.toContain('周敏'); // between two stages: nothing runs, the case moves as it is
      expect(said).not.toContain('财务处党支部');
      expect(existsSync(exported)).toBe(false);

      const allowed = io();
      expect(await backupCommand('export')(['--data', data, '--out', exported, '--allow-open'], allowed.io)).toBe(0);
      expect(allowed.lines.out.join('\n')).toContain('只宜用于试看或存档');
      const target = await createTestStore();
      const importArgs = ['--in', exported, '--table', target.tableName, '--endpoint', String(process.env.TEST_DYNAMODB_ENDPOINT)];
      const importRefused = io();
      expect(await backupCommand('import')(importArgs, importRefused.io)).toBe(1);
      expect(importRefused.lines.err.join('\n')).toContain('无法导入：以下 3 项流程');
      expect(await scanTable(target)).toEqual([]);
      const imported = io();
      expect(await backupCommand('import')([...importArgs, '--allow-open'], imported.io)).toBe(0);
      expect(keys(await scanTable(target))).toHaveLength(5);
    } finally {
      await control.close();
    }
  });
});

test('a pilot whose processes are all finished or between stages exports without a word of warning', async () => {
  const data = join(root, 'quiet');
  mkdirSync(data, { recursive: true });
  await onFolder(data, async (store) => {
    for (const Item of [OPEN_WORK[1], OPEN_WORK[3]]) await store.doc.send(new PutCommand({ TableName: store.tableName, Item }));
    const control = await startControlChannel(data, new LocalBackups(store, { dir: join(data, 'backups'), keep: 3 }));
    try {
      const run = io();
      expect(await backupCommand('export')(['--data', data, '--out', join(root, 'quiet.jsonl.gz')], run.io)).toBe(0);
      expect(run.lines.err).toEqual([]);
      expect(run.lines.out.join('\n')).not.toContain('注意');
    } finally {
      await control.close();
    }
  });
});

test('automatic backups keep the newest N; a stray partial file never counts as a backup', async () => {
  const store = await createTestStore();
  await store.doc.send(new PutCommand({ TableName: store.tableName, Item: ITEMS[0] }));
  const dir = join(root, 'auto');
  const backups = new LocalBackups(store, { dir, keep: 2 });
  for (const at of ['2026-12-01T01:00:00Z', '2026-12-02T01:00:00Z', '2026-12-03T01:00:00Z']) await backups.takeScheduled(new Date(at));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'dangjian-20261204-010000.jsonl.gz.partial-999'), 'cut');
  expect(backups.latest()?.file).toBe(join(dir, 'dangjian-20261203-010000.jsonl.gz'));
  expect(readdirSync(dir).filter((name) => name.endsWith('.jsonl.gz')).sort()).toEqual(['dangjian-20261202-010000.jsonl.gz', 'dangjian-20261203-010000.jsonl.gz']);
});
