import { withAncestryPaths } from '../../shared/domain/registry/org-tree';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { ManualClock } from '../../infra/local/manual-clock';
import { idNumberCheckCharacter } from '../../shared/domain/registry/id-number';
import type { Organization } from '../../shared/domain/registry/organization';
import type { Actor } from '../../shared/services/actor';
import type { ServiceDeps } from '../../shared/services/deps';
import { importRoster, previewRoster, ROSTER_CHUNK_PEOPLE } from '../../shared/services/roster';
import { rosterCsv } from '../../shared/services/roster/write-roster-file';
import { organizationWrites } from '../../shared/store/orgs-repo';
import { createStore, ensureTable, type Store } from '../../shared/store/store';
import { transactWrite } from '../../shared/store/transact';
import { round } from './stats';
import { itemBytes, transactionalWriteUnits } from './write-units';

export interface RosterBenchOptions {
  endpoint: string;
  /** Rows of the generated roster (5,000). */
  people?: number;
  /** Branches the people are spread over (25). */
  branches?: number;
}

export interface RosterBenchResult {
  people: number;
  branches: number;
  fileBytes: number;
  /** Upload → preview ready: decode, check every row, look up every ID number (reads only). */
  previewMs: number;
  /** Confirmation → done: re-read and re-check the carried file, then the writes. */
  importMs: number;
  transactions: number;
  created: number;
  /** Items written: each person, its ID-number index item and its audit event. */
  itemsWritten: number;
  /** Write capacity units by DynamoDB's size rules (transactional: 2 per KB per item, + 1 per KB per GSI entry). */
  writeUnits: number;
  writeUnitsPerPerson: number;
  /** What DynamoDB Local reports (ReturnConsumedCapacity TOTAL, summed): it counts one item per transaction, so far too low. */
  reportedWriteUnits: number;
  /** Average size of a person item, of its ID-number index item and of its audit event (bytes). */
  personItemBytes: number;
  indexItemBytes: number;
  auditItemBytes: number;
  /** The same file again: preview and import time; nothing is written. */
  reimportPreviewMs: number;
  reimportImportMs: number;
  reimportWriteUnits: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A valid, distinct ID number per row: birth dates one day apart from 1970, region 110105. */
function benchIdNumber(i: number): { idNumber: string; birthDate: string; gender: '男' | '女' } {
  const date = new Date(Date.UTC(1970, 0, 1) + i * 86_400_000);
  const birthDate = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const sequence = (i * 37) % 999;
  const first17 = `110105${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  return { idNumber: first17 + idNumberCheckCharacter(first17), birthDate, gender: sequence % 2 === 1 ? '男' : '女' };
}

/** A 5,000-person roster CSV (UTF-8 with BOM, the export's format). */
export function benchRosterCsv(people: number, branchNames: string[]): Buffer {
  const statuses = ['正式党员', '正式党员', '正式党员', '预备党员', '发展对象', '入党积极分子', '入党申请人'];
  return rosterCsv(Array.from({ length: people }, (_, i) => {
    const { idNumber, birthDate, gender } = benchIdNumber(i);
    return {
      name: `党员${i}`, gender, ethnicity: '汉族', birthDate, idNumber, education: '大学本科', unitPost: `第${(i % 40) + 1}处 科员`,
      phone: `139${String(i).padStart(8, '0')}`, email: `member${i}@example.gov.cn`, org: branchNames[i % branchNames.length],
      status: statuses[i % statuses.length], statusDate: '2025-07-01', applicationDate: '2020-03-15',
    };
  }));
}

function orgs(branches: number): Organization[] {
  const base = { committee: [], status: 'active' as const, version: 1 };
  return [
    { ...base, id: 'bench-c', name: '测试局机关党委', kind: 'committee', mayApprove: true },
    ...Array.from({ length: branches }, (_, i) => ({ ...base, id: `bench-b${i + 1}`, name: `测试局第${i + 1}党支部`, kind: 'branch' as const, parentId: 'bench-c', mayApprove: false })),
  ];
}

/** Everything in the people's partitions and the ID-number index (the fresh table holds only the organizations besides). */
async function personPartitionItems(store: Store): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await store.doc.send(new ScanCommand({ TableName: store.tableName, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []).filter((item) => /^(PERSON|IDNUMBER)#/.test(String(item.pk))));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await run();
  return [value, performance.now() - started];
}

/** Imports a generated roster into a fresh table: preview and import times, and the write units consumed. */
export async function runRosterBench(options: RosterBenchOptions): Promise<RosterBenchResult> {
  const people = options.people ?? 5_000;
  const branches = options.branches ?? 25;
  const store: Store = createStore({ tableName: `bench-roster-${randomUUID()}`, endpoint: options.endpoint });
  await ensureTable(store);
  const tree = withAncestryPaths(orgs(branches));
  for (let i = 0; i < tree.length; i += 99) await transactWrite(store, organizationWrites(store, { created: tree.slice(i, i + 99) }));
  const deps: ServiceDeps = {
    store, clock: new ManualClock('2026-09-23T02:00:00.000Z'), newId: randomUUID, publicBaseUrl: 'http://localhost',
    workflow: { startExecution: async () => ({ executionArn: 'bench' }), sendTaskSuccess: async () => {}, sendTaskFailure: async () => {}, stopExecution: async () => {}, executionArnOf: () => 'bench' },
    mailer: { send: async () => {} },
  };
  const actor: Actor = { id: 'bench-admin', displayName: '测试管理员', role: 'admin', orgId: 'bench-c', scopeOrgIds: tree.map((o) => o.id) };
  const bytes = benchRosterCsv(people, tree.slice(1).map((o) => o.name));
  const upload = { bytes, fileName: 'bench.csv' };

  const [preview, previewMs] = await timed(() => previewRoster(deps, actor, upload));
  if (preview.counts.new !== people) throw new Error(`Bench roster: expected ${people} new rows, preview says ${JSON.stringify(preview.counts)}`);
  const [result, importMs] = await timed(() => importRoster(deps, actor, { ...preview.carry, fileName: upload.fileName }));
  if (result.created.length !== people) throw new Error(`Bench roster: ${result.created.length} of ${people} created, ${result.refused.length} chunks refused`);

  const written = await personPartitionItems(store);
  const sizes = (type: string) => written.filter((item) => item.type === type).map(itemBytes);
  const average = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const writeUnits = transactionalWriteUnits(written);

  const [again, reimportPreviewMs] = await timed(() => previewRoster(deps, actor, upload));
  const [reimport, reimportImportMs] = await timed(() => importRoster(deps, actor, { ...again.carry, fileName: upload.fileName }));
  return {
    people, branches, fileBytes: bytes.length, previewMs, importMs, transactions: Math.ceil(people / ROSTER_CHUNK_PEOPLE), created: result.created.length,
    itemsWritten: written.length, writeUnits, writeUnitsPerPerson: writeUnits / people, reportedWriteUnits: result.writeUnits,
    personItemBytes: average(sizes('person')), indexItemBytes: average(sizes('idnumber-index')), auditItemBytes: average(sizes('audit')), reimportPreviewMs, reimportImportMs, reimportWriteUnits: reimport.writeUnits,
  };
}

const n = (value: number, digits = 1) => round(value, digits).toLocaleString('en-US', { maximumFractionDigits: digits });

/** The bench's 4th section, as text. */
export function formatRosterBench(r: RosterBenchResult, title = '4. Roster import'): string {
  const rows: [string, string, string][] = [
    ['file', `${n(r.fileBytes / 1024, 0)} KB`, `${n(r.people, 0)} people over ${r.branches} branches, CSV UTF-8 with BOM`],
    ['preview', `${n(r.previewMs, 0)} ms`, `${n(r.people / (r.previewMs / 1000), 0)} rows/s: decode, check, look the ID numbers up (BatchGetItem, 100 a call: the index items, then the people found); writes nothing`],
    ['import', `${n(r.importMs, 0)} ms`, `${n(r.people / (r.importMs / 1000), 0)} rows/s: re-check the carried file, then ${r.transactions} transactions of ${ROSTER_CHUNK_PEOPLE} people (record, ID-number index item, audit event)`],
    ['write units', n(r.writeUnits, 0), `${n(r.writeUnitsPerPerson, 2)} per person: ${n(r.itemsWritten, 0)} items (person ≈ ${n(r.personItemBytes, 0)} B + gsi1 (name) + gsi2, ID-number index ≈ ${n(r.indexItemBytes, 0)} B, audit ≈ ${n(r.auditItemBytes, 0)} B) by DynamoDB's size rules for transactions`],
    ['  DynamoDB Local says', n(r.reportedWriteUnits, 0), 'ReturnConsumedCapacity TOTAL summed; it prices one item per transaction, so not usable'],
    ['re-import (same file)', `${n(r.reimportPreviewMs, 0)} + ${n(r.reimportImportMs, 0)} ms`, `preview + import; ${n(r.reimportWriteUnits, 0)} write units (nothing written)`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const valueWidth = Math.max(...rows.map(([, value]) => value.length));
  return [`${title}: ${n(r.people, 0)}-person roster (preview, then import), fresh table`, ...rows.map(([l, v, note]) => `  ${l.padEnd(width)}  ${v.padEnd(valueWidth)}  ${note}`)].join('\n');
}

export function rosterBenchJson(r: RosterBenchResult): Record<string, number> {
  return Object.fromEntries(Object.entries(r).map(([key, value]) => [key, round(value, key.endsWith('PerPerson') ? 2 : 0)]));
}
