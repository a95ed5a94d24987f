import { jest } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBackupFile, writeBackupFile, BackupFileError, type RawItem } from '../../../../infra/local/backup/backup-file';
import { loadItems, scanTable, snapshotTable } from '../../../../infra/local/backup/snapshot';
import { WriteGate } from '../../../../infra/local/backup/write-gate';
import { decideByLink, startApprovalProcess, viewApprovalLink } from '../../../../shared/services/approval';
import { fileObjection, startNoticeProcess } from '../../../../shared/services/notice';
import { getApproval } from '../../../../shared/store/approvals-repo';
import { getNotice } from '../../../../shared/store/notices-repo';
import { startTestRuntime, type TestRuntime } from '../../../support/local-runtime';
import { noticeDraft } from '../../../support/notice-fixtures';
import { putTestOrg, testOrg } from '../../../support/registry-fixtures';
import { createTestStore } from '../../../support/store';

// A backup taken while objections keep arriving is one point in time, and a restore of it runs on.
jest.setTimeout(180_000);
const client = { ip: '203.0.113.7', userAgent: 'Mozilla/5.0 (测试浏览器)' };
const key = (item: RawItem) => `${item.pk?.S}\u0000${item.sk?.S}`;
const byKey = (items: RawItem[]) => [...items].sort((a, b) => key(a).localeCompare(key(b)));

let runtime: TestRuntime;
let folder: string;
beforeEach(async () => {
  runtime = await startTestRuntime('2026-09-23T01:00:00.000Z'); // Wed 23 Sep 2026; a 5-working-day notice ends Wed 30 Sep
  folder = mkdtempSync(join(tmpdir(), 'dangjian-backup-'));
});
afterEach(async () => {
  await runtime.shutdown();
  rmSync(folder, { recursive: true, force: true });
});

/** The figures a point-in-time copy must agree on: the count on the notice's gates, its objections and their audit events. */
function objectionFigures(items: RawItem[], noticeId: string) {
  const partition = items.filter((item) => item.pk?.S === `NOTICE#${noticeId}`);
  return {
    counter: partition.filter((item) => item.sk?.S?.startsWith('GATE#')).reduce((sum, gate) => sum + Number(gate.objectionCount?.N), 0),
    objections: partition.filter((item) => item.sk?.S?.startsWith('OBJECTION#')).length,
    audited: partition.filter((item) => item.action?.S === 'notice.objection-filed').length,
  };
}

async function fileObjectionsUntil(noticeId: string, done: () => boolean): Promise<number> {
  let filed = 0;
  const filer = async () => {
    while (!done()) {
      await fileObjection(runtime.deps, noticeId, { content: `异议 ${filed + 1}：需核实` });
      filed += 1;
    }
  };
  await Promise.all([filer(), filer(), filer()]);
  return filed;
}

test('a backup under load is one point in time; restored, the notice ends at its moment and the approval link decides', async () => {
  await putTestOrg(runtime.store, testOrg({ id: 'committee-1', kind: 'committee', name: '机关党委' }));
  await putTestOrg(runtime.store, testOrg({ id: 'branch-1', kind: 'branch', parentId: 'committee-1', name: '办公室党支部' }));
  const gate = new WriteGate(runtime.store);
  const draft = noticeDraft();
  await startNoticeProcess(runtime.deps, draft);
  await startApprovalProcess(runtime.deps, {
    approvalId: 'ap-backup-1',
    subject: { kind: 'admission', title: '接收张三为中共预备党员', summary: '支部大会表决通过。', orgId: 'branch-1' },
    approvers: [{ name: '赵书记', email: 'zhao@example.org' }],
    policy: 'any',
    dueDate: '2026-10-23T09:59:59.000Z',
  });
  await runtime.stepFunctions.settled();

  // Objections keep arriving while the table is read one item per page.
  let snapshotDone = false;
  const load = fileObjectionsUntil(draft.id, () => snapshotDone);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const snapshot = await snapshotTable(runtime.store, gate, { pageSize: 1 }).finally(() => (snapshotDone = true));
  const filed = await load;

  const figures = objectionFigures(snapshot, draft.id);
  expect(figures.objections).toBeGreaterThan(0);
  expect(figures.objections).toBeLessThanOrEqual(filed);
  expect(figures).toEqual({ counter: figures.objections, objections: figures.objections, audited: figures.objections });

  // Through the file and back into a fresh table: every item equal.
  const file = join(folder, 'backup.jsonl.gz');
  writeBackupFile(file, { takenAt: runtime.clock.now().toISOString(), table: runtime.store.tableName, kind: 'backup' }, snapshot);
  const { header, items } = readBackupFile(file);
  expect(header).toMatchObject({ format: 'dangjian-backup', version: 1, itemCount: snapshot.length });
  const restoredStore = await createTestStore();
  await loadItems(restoredStore, items);
  expect(byKey(await scanTable(restoredStore))).toEqual(byKey(snapshot));

  // The original stops; the restored copy runs on from where the backup was taken.
  await runtime.shutdown();
  const restored = await startTestRuntime('2026-09-24T02:00:00.000Z', restoredStore);
  try {
    const link = /\/approvals\/([A-Za-z0-9_-]{43})/.exec(runtime.mailer.sent.find((m) => m.to.includes('zhao@example.org'))?.text ?? '')?.[1] ?? '';
    expect((await viewApprovalLink(restored.deps, link)).state).toBe('pending');
    await decideByLink(restored.deps, link, { outcome: 'approved', comment: '同意', meetingDate: '2026-09-24' }, client);
    await restored.stepFunctions.settled();
    expect((await getApproval(restored.store, 'ap-backup-1'))?.status).toBe('approved');

    const endsAtMs = (await getNotice(restored.store, draft.id))?.endsAtMs ?? 0;
    expect(new Date(endsAtMs).toISOString()).toBe('2026-09-30T15:59:59.000Z');
    await restored.advanceTo(endsAtMs - 1000);
    expect((await getNotice(restored.store, draft.id))?.status).toBe('open');
    await restored.advanceTo(endsAtMs + 1000);
    expect((await getNotice(restored.store, draft.id))?.status).toBe('closed');
    expect((await getNotice(restored.store, draft.id))?.objectionCount).toBe(figures.objections);
  } finally {
    await restored.shutdown();
    runtime = await startTestRuntime(); // for afterEach
  }
});

test('a cut or foreign file is refused with the reason; an earlier backup under the same name is never half overwritten', () => {
  const file = join(folder, 'b.jsonl.gz');
  const item: RawItem = { pk: { S: 'X' }, sk: { S: 'Y' }, data: { B: new Uint8Array([1, 2, 3]) }, tags: { SS: ['a', 'b'] } };
  writeBackupFile(file, { takenAt: '2026-09-23T01:00:00.000Z', table: 't', kind: 'backup' }, [item]);
  expect(readBackupFile(file).items).toEqual([item]);

  writeFileSync(join(folder, 'cut.jsonl.gz'), Buffer.from('not gzip'));
  expect(() => readBackupFile(join(folder, 'cut.jsonl.gz'))).toThrow(BackupFileError);
  expect(() => readBackupFile(join(folder, 'cut.jsonl.gz'))).toThrow(/不是完整的 gzip/);
});
