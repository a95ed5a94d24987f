import { withAncestryPaths } from '../../../../../shared/domain/registry/org-tree';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { randomBytes } from 'node:crypto';
import { ManualClock } from '../../../../../infra/local/manual-clock';
import { idNumberCheckCharacter } from '../../../../../shared/domain/registry/id-number';
import type { Organization, OrgKind } from '../../../../../shared/domain/registry/organization';
import type { Actor } from '../../../../../shared/services/actor';
import type { ServiceDeps } from '../../../../../shared/services/deps';
import { organizationWrites } from '../../../../../shared/store/orgs-repo';
import type { Store } from '../../../../../shared/store/store';
import { transactWrite } from '../../../../../shared/store/transact';

/** Header of the template, in order. */
export const HEADER = ['姓名', '性别', '民族', '出生日期', '身份证号', '学历', '单位及职务', '联系电话', '电子邮箱', '所在党组织', '党员状态', '状态日期', '入党申请日期'];

/** A valid 18-character ID number for a birth date and gender (region 110105, sequence from `n`). */
export function idNumberFor(birthDate: string, gender: '男' | '女', n: number, region = '110105'): string {
  const sequence = (n % 500) * 2 + (gender === '男' ? 1 : 0);
  const first17 = `${region}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
}

function org(id: string, name: string, kind: OrgKind, parentId?: string, status: 'active' | 'closed' = 'active'): Organization {
  return { id, name, kind, parentId, committee: [], mayApprove: kind === 'committee' || kind === 'working-committee', status, version: 1 };
}

/** Two agency committees; both have a “第一党支部” (names repeat across agencies); one branch is closed. */
export const ORGS: Organization[] = [
  org('wc', '市直机关工委', 'working-committee'),
  org('c1', '市财政局机关党委', 'committee', 'wc'),
  org('b1', '第一党支部', 'branch', 'c1'),
  org('b2', '第二党支部', 'branch', 'c1'),
  org('b-old', '原综合党支部', 'branch', 'c1', 'closed'),
  org('c2', '市教育局机关党委', 'committee', 'wc'),
  org('b3', '第一党支部', 'branch', 'c2'),
  org('b4', '教育局第二党支部', 'branch', 'c2'),
];

export async function seedOrgs(store: Store): Promise<void> {
  await transactWrite(store, organizationWrites(store, { created: withAncestryPaths(ORGS) }));
}

const actor = (id: string, role: Actor['role'], orgId: string, scopeOrgIds: string[]): Actor => ({ id, displayName: id, role, orgId, scopeOrgIds });

/** Committee staff of 市财政局机关党委: c1 and its branches. */
export const COMMITTEE_STAFF = actor('staff-c1', 'committee-staff', 'c1', ['c1', 'b1', 'b2', 'b-old']);
export const ADMIN = actor('admin', 'admin', 'wc', ORGS.map((o) => o.id));
export const BRANCH_STAFF = actor('staff-b1', 'branch-staff', 'b1', ['b1']);

export function testDeps(store: Store, now = '2026-09-23T02:00:00.000Z'): ServiceDeps & { clock: ManualClock } {
  return {
    store,
    clock: new ManualClock(now),
    workflow: { startExecution: async () => ({ executionArn: 'x' }), sendTaskSuccess: async () => {}, sendTaskFailure: async () => {}, stopExecution: async () => {}, executionArnOf: () => 'x' },
    mailer: { send: async () => {} },
    newId: () => randomBytes(12).toString('base64url'),
    publicBaseUrl: 'http://localhost',
  };
}

export type RowSpec = Record<string, string>;

/** A realistic person row in the template's columns; `n` varies name, ID number and phone. */
export function personRow(n: number, overrides: RowSpec = {}): RowSpec {
  const gender = n % 3 === 0 ? '女' : '男';
  const birthDate = `19${70 + (n % 30)}-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`;
  const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
  return {
    姓名: `${surnames[n % surnames.length]}${'建华明丽伟芳静军'[n % 8]}${n}`, 性别: gender, 民族: n % 10 === 0 ? '回族' : '汉族', 出生日期: birthDate,
    身份证号: idNumberFor(birthDate, gender, n), 学历: n % 2 ? '大学本科' : '硕士研究生', 单位及职务: `预算处 科员${n}`, 联系电话: `139${String(10_000_000 + n).slice(-8)}`,
    电子邮箱: n % 4 === 0 ? '' : `user${n}@example.gov.cn`, 所在党组织: n % 2 ? '第一党支部' : '第二党支部', 党员状态: '正式党员', 状态日期: '2015-07-01', 入党申请日期: '2012-03-15',
    ...overrides,
  };
}

export function csvText(rows: RowSpec[], header = HEADER): string {
  const quote = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return [header, ...rows.map((row) => header.map((h) => row[h] ?? ''))].map((cells) => cells.map(quote).join(',')).join('\r\n') + '\r\n';
}

export const utf8Csv = (rows: RowSpec[], header?: string[]) => Buffer.from(csvText(rows, header), 'utf8');
export const utf8BomCsv = (rows: RowSpec[], header?: string[]) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8Csv(rows, header)]);
export const gb18030Csv = (rows: RowSpec[], header?: string[]) => iconv.encode(csvText(rows, header), 'gb18030');

/** An XLSX as a person makes it in Excel: a title row, the header, dates as date cells, ID numbers as text. */
export async function xlsxFile(rows: RowSpec[], options: { title?: boolean; idAsNumber?: boolean } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('党员名册');
  if (options.title) sheet.addRow(['市财政局机关党委党员花名册']);
  sheet.addRow(HEADER);
  for (const row of rows) {
    sheet.addRow(HEADER.map((h) => {
      const value = row[h] ?? '';
      if (['出生日期', '状态日期'].includes(h) && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
      if (h === '身份证号' && options.idAsNumber) return Number(value);
      if (h === '联系电话' && /^\d+$/.test(value)) return Number(value);
      return value;
    }));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Every item of the table, sorted: for “nothing changed” comparisons. */
export async function scanTable(store: Store): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await store.doc.send(new ScanCommand({ TableName: store.tableName, ExclusiveStartKey: start, ConsistentRead: true }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items.sort((a, b) => `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`));
}
