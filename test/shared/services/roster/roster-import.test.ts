import { listAudit } from '../../../../shared/store/audit';
import { getPersonByIdNumber, personPk } from '../../../../shared/store/people-repo';
import { putPersonGrade } from '../../../../shared/store/evaluations-repo';
import { transactWrite } from '../../../../shared/store/transact';
import { exportRoster, importRoster, previewRoster, RosterFileMismatchError, type RosterPreview } from '../../../../shared/services/roster';
import type { Actor } from '../../../../shared/services/actor';
import { AuthForbiddenError } from '../../../../shared/errors';
import type { Store } from '../../../../shared/store/store';
import { createTestStore } from '../../../support/store';
import { ADMIN, COMMITTEE_STAFF, gb18030Csv, personRow, scanTable, seedOrgs, testDeps, utf8Csv, xlsxFile, type RowSpec } from './support/roster-fixtures';

let store: Store;
beforeEach(async () => {
  store = await createTestStore();
  await seedOrgs(store);
});

const deps = () => testDeps(store);
const preview = (bytes: Buffer, actor: Actor = COMMITTEE_STAFF) => previewRoster(deps(), actor, { bytes, fileName: 'roster.csv' });
const confirm = (p: RosterPreview, actor: Actor = COMMITTEE_STAFF) => importRoster(deps(), actor, { ...p.carry, fileName: p.fileName });
async function previewAndImport(bytes: Buffer, actor: Actor = COMMITTEE_STAFF) {
  const p = await preview(bytes, actor);
  return { preview: p, result: await confirm(p, actor) };
}

describe('roster import', () => {
  test('confirm imports only the valid rows, each with its audit event (no ID number in it)', async () => {
    const rows = [personRow(1), personRow(2, { 身份证号: '110105' }), personRow(3, { 所在党组织: '教育局第二党支部' }), personRow(4, { 党员状态: '入党积极分子', 状态日期: '2025-06-01' })];
    const { preview: p, result } = await previewAndImport(gb18030Csv(rows));
    expect(p.counts).toMatchObject({ new: 2, invalid: 2 });
    expect(result.created).toEqual([2, 5]);
    expect(result.refused).toEqual([]);
    expect(result.writeUnits).toBeGreaterThan(0);
    const first = await getPersonByIdNumber(store, rows[0].身份证号);
    expect(first).toMatchObject({ name: rows[0].姓名, orgId: 'b1', status: 'full', version: 1, rightsState: 'normal', email: rows[0].电子邮箱, ethnicity: '汉族' });
    expect(first?.statusHistory).toEqual([
      { value: 'applicant', from: '2012-03-15', note: '花名册导入' },
      { value: 'full', from: '2015-07-01', note: '花名册导入' },
    ]);
    expect(await getPersonByIdNumber(store, rows[1].身份证号)).toBeUndefined();
    expect(await getPersonByIdNumber(store, rows[2].身份证号)).toBeUndefined();
    const fourth = await getPersonByIdNumber(store, rows[3].身份证号);
    expect(fourth?.id).toMatch(/^p-[A-Za-z0-9_-]{22}$/);
    const audit = await listAudit(store, personPk(fourth!.id));
    expect(audit).toEqual([expect.objectContaining({ action: 'person.created', actor: COMMITTEE_STAFF.id })]);
    expect(JSON.stringify(audit)).not.toContain(rows[3].身份证号);
    expect(JSON.stringify(audit)).not.toContain(rows[3].身份证号.slice(6, 14));
  });

  test('re-importing the same file changes nothing: all unchanged, no write, no audit event', async () => {
    const file = utf8Csv(Array.from({ length: 8 }, (_, i) => personRow(i + 40)));
    await previewAndImport(file);
    const before = await scanTable(store);
    const again = await previewAndImport(file);
    expect(again.preview.counts).toMatchObject({ unchanged: 8, new: 0, changed: 0 });
    expect(again.preview.carry.expected).toBe('');
    expect(again.result).toMatchObject({ created: [], updated: [], writeUnits: 0 });
    expect(await scanTable(store)).toEqual(before);
  });

  test('a changed row updates the person (status history appended, blank cells keep values) with an audit event', async () => {
    const original = personRow(50, { 党员状态: '预备党员', 状态日期: '2025-07-01', 所在党组织: '第一党支部' });
    await previewAndImport(utf8Csv([original]));
    const createdId = (await getPersonByIdNumber(store, original.身份证号))?.id;
    const changed = { ...original, 联系电话: '13800001111', 党员状态: '正式党员', 状态日期: '2026-07-01', 电子邮箱: '', 所在党组织: '第二党支部' };
    const { preview: p, result } = await previewAndImport(utf8Csv([changed]));
    expect(p.rows[0]).toMatchObject({ outcome: 'changed', changedFields: ['phone', 'org', 'status', 'statusDate'] });
    expect(result.updated).toEqual([2]);
    const person = await getPersonByIdNumber(store, original.身份证号);
    expect(person).toMatchObject({ id: createdId, phone: '13800001111', status: 'full', orgId: 'b2', version: 2, email: original.电子邮箱 });
    expect(person?.statusHistory.map((h) => [h.value, h.from])).toEqual([['applicant', '2012-03-15'], ['probationary', '2025-07-01'], ['full', '2026-07-01']]);
    const audit = await listAudit(store, personPk(person!.id));
    expect(audit.map((a) => a.action)).toEqual(['person.created', 'person.edited']);
    expect(audit[1].details).toEqual({
      source: 'roster-import', file: expect.stringMatching(/^[0-9a-f]{16}$/), row: 2, changed: ['phone', 'orgId', 'status', 'statusDate'],
      status: { before: 'probationary', after: 'full' }, orgId: { before: 'b1', after: 'b2' }, statusFrom: '2026-07-01',
    });
    expect(JSON.stringify(audit)).not.toContain(original.身份证号);
  });

  test('a status date before the recorded one is a problem, not a silent rewrite of history', async () => {
    const original = personRow(51, { 党员状态: '预备党员', 状态日期: '2025-07-01' });
    await previewAndImport(utf8Csv([original]));
    const p = await preview(utf8Csv([{ ...original, 党员状态: '正式党员', 状态日期: '2024-01-01' }]));
    expect(p.rows[0].problems[0].message).toContain('早于系统中已登记的最近一次状态变化');
  });

  test('a person registered outside the actor\'s scope cannot be moved in by a roster row', async () => {
    const row = personRow(52, { 所在党组织: '教育局第二党支部' });
    await previewAndImport(utf8Csv([row]), ADMIN);
    const p = await preview(utf8Csv([{ ...row, 所在党组织: '第一党支部' }]));
    expect(p.rows[0].problems[0].message).toContain('管理范围以外');
    expect(p.counts.invalid).toBe(1);
  });

  test('a stale preview: the chunk with a row changed since is refused and named, the other chunk is written', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => personRow(i + 100));
    await previewAndImport(utf8Csv([rows[55]]));
    const edited = rows.map((r, i) => (i === 55 ? { ...r, 联系电话: '13700000000' } : r));
    const stale = await preview(utf8Csv(edited));
    expect(stale.counts).toMatchObject({ new: 59, changed: 1 });
    // Someone else changes row 57's person between the preview and the confirmation.
    await previewAndImport(utf8Csv([{ ...rows[55], 单位及职务: '办公室 主任' }]));
    const result = await confirm(stale);
    // Transactions of 33 people: rows 2–34, 35–61 (row 57 is the changed one).
    expect(result.created).toEqual(Array.from({ length: 33 }, (_, i) => i + 2));
    expect(result.refused).toEqual([{ rowNumbers: Array.from({ length: 27 }, (_, i) => i + 35), conflictRows: [57] }]);
    expect(await getPersonByIdNumber(store, rows[59].身份证号)).toBeUndefined();
    expect((await getPersonByIdNumber(store, rows[55].身份证号))?.phone).not.toBe('13700000000');
  });

  test('a row that became importable after the preview is not written behind the user\'s back', async () => {
    const row = personRow(60);
    const p = await preview(utf8Csv([row]));
    await previewAndImport(utf8Csv([{ ...row, 学历: '博士研究生' }]));
    const result = await confirm(p);
    // The new person's ID-number index item is refused: the number was registered since the preview.
    expect(result.refused).toEqual([{ rowNumbers: [2], conflictRows: [2] }]);
    expect((await getPersonByIdNumber(store, row.身份证号))?.education).toBe('博士研究生');
  });

  test('a tampered carried file is refused', async () => {
    const p = await preview(utf8Csv([personRow(61)]));
    const other = await preview(utf8Csv([personRow(62)]));
    await expect(importRoster(deps(), COMMITTEE_STAFF, { ...p.carry, file: other.carry.file, fileName: 'x.csv' })).rejects.toBeInstanceOf(RosterFileMismatchError);
    await expect(importRoster(deps(), COMMITTEE_STAFF, { ...p.carry, file: 'garbage', fileName: 'x.csv' })).rejects.toBeInstanceOf(RosterFileMismatchError);
  });
});

describe('roster export', () => {
  const rows: RowSpec[] = [
    ...Array.from({ length: 6 }, (_, i) => personRow(i + 200)),
    personRow(210, { 电子邮箱: '', 入党申请日期: '', 民族: '', 党员状态: '入党申请人', 状态日期: '2026-03-01' }),
    personRow(211, { 姓名: '欧阳, "小雪"', 单位及职务: '办公室\n副主任' }),
  ];

  test.each([
    ['CSV UTF-8', 'csv', 'utf-8'],
    ['CSV GB18030', 'csv', 'gb18030'],
    ['XLSX', 'xlsx', 'utf-8'],
  ] as const)('export → import is a no-op (%s)', async (_label, kind, encoding) => {
    await previewAndImport(utf8Csv(rows));
    const before = await scanTable(store);
    const file = await exportRoster(deps(), COMMITTEE_STAFF, 'c1', kind, encoding);
    expect(file.fileName).toBe(`市财政局机关党委花名册-2026-09-23.${kind}`);
    const again = await previewAndImport(file.bytes);
    expect(again.preview.counts).toEqual({ total: 8, invalid: 0, new: 0, changed: 0, unchanged: 8 });
    expect(await scanTable(store)).toEqual(before);
  });

  test('the export carries the evaluation grades of each person (民主评议等次) as a last column the import ignores', async () => {
    await previewAndImport(utf8Csv(rows.slice(0, 2)));
    const person = (await getPersonByIdNumber(store, rows[0].身份证号))!;
    for (const [year, grade] of [[2025, 'qualified'], [2026, 'excellent']] as const) {
      await transactWrite(store, [putPersonGrade(store, person.id, { year, grade, evaluationId: `v-${year}`, orgName: '办公室党支部' })]);
    }
    const file = await exportRoster(deps(), COMMITTEE_STAFF, 'c1', 'csv');
    const lines = file.bytes.toString('utf8').split('\r\n');
    expect(lines[0].endsWith(',民主评议等次')).toBe(true);
    expect(lines.find((l) => l.startsWith(person.name))?.endsWith(',2026年度 优秀；2025年度 合格')).toBe(true);
    const again = await preview(file.bytes);
    expect(again.counts.unchanged).toBe(2);
  });

  test('the CSV is UTF-8 with a BOM by default, GB18030 on request', async () => {
    await previewAndImport(utf8Csv(rows.slice(0, 1)));
    const utf8 = await exportRoster(deps(), COMMITTEE_STAFF, 'b1', 'csv');
    expect([...utf8.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(utf8.contentType).toBe('text/csv; charset=utf-8');
    const gb = await exportRoster(deps(), COMMITTEE_STAFF, 'b1', 'csv', 'gb18030');
    expect(gb.contentType).toBe('text/csv; charset=gb18030');
    expect(gb.bytes.includes(Buffer.from('姓名', 'utf8'))).toBe(false);
  });

  test('an organization outside the scope is refused (403), a branch secretary too', async () => {
    await expect(exportRoster(deps(), COMMITTEE_STAFF, 'c2', 'csv')).rejects.toBeInstanceOf(AuthForbiddenError);
    await expect(exportRoster(deps(), { ...COMMITTEE_STAFF, role: 'branch-staff' }, 'b1', 'csv')).rejects.toBeInstanceOf(AuthForbiddenError);
  });

  test('an XLSX round trip through a file Excel would save (with a title row) stays a no-op', async () => {
    await previewAndImport(await xlsxFile(rows.slice(0, 4), { title: true }));
    const exported = await exportRoster(deps(), COMMITTEE_STAFF, 'c1', 'xlsx');
    const again = await preview(exported.bytes);
    expect(again.counts.unchanged).toBe(4);
  });
});
