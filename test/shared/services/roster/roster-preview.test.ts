import { previewRoster, RosterFileInvalidError, type RosterPreview } from '../../../../shared/services/roster';
import { AuthForbiddenError } from '../../../../shared/errors';
import type { Store } from '../../../../shared/store/store';
import { createTestStore } from '../../../support/store';
import {
  ADMIN, BRANCH_STAFF, COMMITTEE_STAFF, gb18030Csv, HEADER, idNumberFor, personRow, scanTable, seedOrgs, testDeps, utf8BomCsv, utf8Csv, xlsxFile,
} from './support/roster-fixtures';

let store: Store;
beforeAll(async () => {
  store = await createTestStore();
  await seedOrgs(store);
});

const preview = (bytes: Buffer, actor = COMMITTEE_STAFF, fileName = 'roster.csv') => previewRoster(testDeps(store), actor, { bytes, fileName });
const problemsOf = (result: RosterPreview, rowNumber: number) => result.rows.find((r) => r.rowNumber === rowNumber)?.problems.map((p) => p.message).join(' | ') ?? '';

describe('roster preview: the formats people upload', () => {
  const rows = [personRow(1), personRow(2), personRow(3, { 所在党组织: 'b2', 党员状态: '预备党员', 状态日期: '2025年12月1日' })];

  test.each([
    ['UTF-8 CSV', () => utf8Csv(rows), 'utf-8'],
    ['UTF-8 CSV with BOM', () => utf8BomCsv(rows), 'utf-8-bom'],
    ['GB18030 CSV', () => gb18030Csv(rows), 'gb18030'],
  ])('%s: every row read, names intact, all new', async (_label, make, encoding) => {
    const result = await preview(make());
    expect(result.format).toBe('csv');
    expect(result.encoding).toBe(encoding);
    expect(result.counts).toEqual({ total: 3, invalid: 0, new: 3, changed: 0, unchanged: 0 });
    expect(result.rows.map((r) => r.name)).toEqual(rows.map((r) => r.姓名));
    expect(result.rows.map((r) => r.orgName)).toEqual(['第一党支部', '第二党支部', '第二党支部']);
    expect(result.rows[0].idNumberMasked).toMatch(/^110\*{11}\d{3}[\dX]$/);
  });

  test('XLSX with a title row, date cells and phone numbers as numbers', async () => {
    const result = await preview(await xlsxFile(rows, { title: true }), COMMITTEE_STAFF, 'roster.xlsx');
    expect(result.format).toBe('xlsx');
    expect(result.counts.new).toBe(3);
    expect(result.rows.map((r) => r.rowNumber)).toEqual([3, 4, 5]);
  });

  test('XLSX whose ID numbers Excel stored as numbers: the row says so', async () => {
    const result = await preview(await xlsxFile([personRow(4)], { idAsNumber: true }), COMMITTEE_STAFF, 'roster.xlsx');
    expect(problemsOf(result, 2)).toContain('身份证号被 Excel 存成了数字');
  });

  test('header variants (手机, 党支部, 身份证号码, 出生年月) and a tab-separated file', async () => {
    const header = HEADER.map((h) => ({ 联系电话: '手机', 所在党组织: '党支部', 身份证号: '身份证号码', 出生日期: '出生年月' })[h] ?? h);
    const row = personRow(5);
    const renamed = Object.fromEntries(HEADER.map((h, i) => [header[i], h === '出生日期' ? row[h].slice(0, 7).replace('-', '.') : row[h]]));
    const tsv = Buffer.from([header, header.map((h) => renamed[h])].map((cells) => cells.join('\t')).join('\n'), 'utf8');
    const result = await preview(tsv);
    expect(result.counts).toMatchObject({ new: 1, invalid: 0 });
  });

  test('nothing is written by a preview', async () => {
    const before = await scanTable(store);
    await preview(utf8Csv([personRow(6), personRow(7, { 身份证号: '123' })]));
    expect(await scanTable(store)).toEqual(before);
  });
});

describe('roster preview: every problem of a bad file', () => {
  const good = personRow(10);
  const bad = (n: number, overrides: Record<string, string>) => personRow(n, overrides);
  const id11 = idNumberFor('1985-06-15', '男', 11);
  const rows = [
    good,
    bad(11, { 身份证号: `${id11.slice(0, 17)}${id11[17] === '0' ? '1' : '0'}` }),
    bad(12, { 身份证号: '11010519850615123' }),
    bad(13, { 身份证号: '110105198502301238' }),
    bad(14, { 出生日期: '1990-01-01' }),
    bad(15, { 性别: personRow(15).性别 === '男' ? '女' : '男' }),
    bad(16, { 所在党组织: '不存在的党支部' }),
    bad(17, { 所在党组织: '教育局第二党支部' }),
    bad(18, { 所在党组织: '原综合党支部' }),
    { ...personRow(19), 身份证号: good.身份证号 },
    bad(20, { 姓名: '' }),
    bad(21, { 党员状态: '群众' }),
    bad(22, { 状态日期: '去年七月' }),
    bad(23, { 状态日期: '' }),
    bad(24, { 联系电话: '请联系办公室', 电子邮箱: 'not-an-email' }),
    bad(25, { 出生日期: '1990-02-30' }),
  ];

  test('each row lists its problem in Chinese; only the good row is valid', async () => {
    const result = await preview(utf8Csv(rows));
    expect(result.counts).toEqual({ total: 16, invalid: 15, new: 1, changed: 0, unchanged: 0 });
    const expectations: [number, string][] = [
      [3, '身份证号校验位不正确'], [4, '身份证号应为 18 位'], [5, '身份证号中的出生日期不存在'], [6, '出生日期与填写的出生日期不一致'],
      [7, '性别与填写的性别不一致'], [8, '系统中没有“不存在的党支部”这个党组织'], [9, '不在您的管理范围内'], [10, '已撤销'],
      [11, '身份证号与第 2 行重复'], [12, '未填写“姓名”'], [13, '党员状态“群众”无法识别'], [14, '状态日期“去年七月”无法识别'],
      [15, '未填写“状态日期”'], [16, '联系电话“请联系办公室”格式不正确'], [16, '电子邮箱“not-an-email”格式不正确'], [17, '出生日期“1990-02-30”不存在'],
    ];
    for (const [rowNumber, message] of expectations) expect(problemsOf(result, rowNumber)).toContain(message);
    expect(result.rows[0].outcome).toBe('new');
    expect(result.carry.expected).toBe('2:0');
  });

  test('an administrator sees the repeated branch name as ambiguous', async () => {
    const result = await preview(utf8Csv([{ ...good, 所在党组织: '第一党支部' }]), ADMIN);
    expect(problemsOf(result, 2)).toContain('有多个党组织名为“第一党支部”，请改填组织编号');
  });
});

describe('roster preview: refusals', () => {
  test('a branch secretary may not import (403)', async () => {
    await expect(preview(utf8Csv([personRow(30)]), BRANCH_STAFF)).rejects.toBeInstanceOf(AuthForbiddenError);
  });

  test('a file over 4 MB is refused before it is read', async () => {
    const huge = Buffer.concat([utf8Csv([personRow(31)]), Buffer.alloc(4 * 1024 * 1024, 0x20)]);
    await expect(preview(huge)).rejects.toThrow(RosterFileInvalidError);
    await expect(preview(huge)).rejects.toMatchObject({ userMessage: expect.stringContaining('文件过大') });
  });

  test('more than 10,000 rows is refused', async () => {
    const rows = Array.from({ length: 10_001 }, (_, i) => personRow(i));
    await expect(preview(utf8Csv(rows))).rejects.toMatchObject({ userMessage: expect.stringContaining('超过每次最多 10,000 行') });
  });

  test.each([
    ['no header', Buffer.from('a,b,c\n1,2,3\n'), '没有找到表头'],
    ['missing columns', Buffer.from('姓名,性别,出生日期\n张三,男,1990-01-01\n'), '缺少以下必需的列：身份证号、所在党组织、党员状态、状态日期'],
    ['only a header', utf8Csv([]), '只有表头'],
    ['an old .xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), '旧版 Excel'],
    ['a broken xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), '无法打开该 Excel 文件'],
    ['an empty file', Buffer.alloc(0), '文件是空的'],
  ])('%s', async (_label, bytes, message) => {
    await expect(preview(bytes)).rejects.toMatchObject({ userMessage: expect.stringContaining(message), httpStatus: 422 });
  });
});
