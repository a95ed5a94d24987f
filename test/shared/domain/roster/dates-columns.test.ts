import { fieldForHeader, findHeaderRow, parseRosterDate, readRosterTable } from '../../../../shared/domain/roster';

describe('parseRosterDate', () => {
  test.each([
    ['2026-09-23', '2026-09-23'], ['2026/9/23', '2026-09-23'], ['2026.9.3', '2026-09-03'], ['2026年9月23日', '2026-09-23'], ['２０２６年９月２３日', '2026-09-23'],
    ['20260923', '2026-09-23'], ['2026/9/23 0:00', '2026-09-23'], ['2026-09-23 00:00:00', '2026-09-23'], ['2026-09-23T00:00:00.000Z', '2026-09-23'],
    ['46288', '2026-09-23'], ['2024-02-29', '2024-02-29'],
  ])('%s → %s', (text, date) => {
    expect(parseRosterDate(text)).toEqual({ kind: 'date', date });
  });

  test('year and month only', () => {
    expect(parseRosterDate('1990.05')).toEqual({ kind: 'year-month', yearMonth: '1990-05' });
    expect(parseRosterDate('1990年5月')).toEqual({ kind: 'year-month', yearMonth: '1990-05' });
  });

  test.each([['2025-02-29', 'impossible'], ['2026-13-01', 'impossible'], ['去年', 'format'], ['23/09/2026', 'format'], ['', 'format']])('%s is %s', (text, reason) => {
    expect(parseRosterDate(text)).toEqual({ kind: 'invalid', reason });
  });
});

describe('roster headers', () => {
  test.each([
    ['姓名', 'name'], [' 姓 名 ', 'name'], ['*身份证号', 'idNumber'], ['身份证号码（必填）', 'idNumber'], ['公民身份号码', 'idNumber'], ['手机', 'phone'],
    ['联系电话', 'phone'], ['党支部', 'org'], ['所在党组织', 'org'], ['E-mail', 'email'], ['出生年月', 'birthDate'], ['政治面貌', 'status'], ['序号', undefined],
  ])('%s → %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  test('a title row before the header; blank rows skipped; unknown columns ignored; rows numbered as in the sheet', () => {
    const table = [
      ['某某党支部党员花名册'],
      ['序号', '姓名', '性别', '出生日期', '身份证号', '所在党组织', '党员状态', '状态日期', '备注'],
      ['1', '张三', '男', '1990-01-01', 'x', '第一党支部', '正式党员', '2015-07-01', ''],
      ['', '', '', '', '', '', '', '', ''],
      ['2', '李四', '女', '1991-01-01', 'y', '第一党支部', '预备党员', '2025-07-01', '调入'],
    ];
    const reading = readRosterTable(table);
    expect(reading.kind).toBe('rows');
    if (reading.kind !== 'rows') return;
    expect(reading.header.rowIndex).toBe(1);
    expect(reading.header.ignored).toEqual(['序号', '备注']);
    expect(reading.rows.map((r) => [r.rowNumber, r.values.name])).toEqual([[3, '张三'], [5, '李四']]);
  });

  test('no header among the first rows', () => {
    expect(findHeaderRow([['a'], ['b']])).toBeUndefined();
    expect(readRosterTable([['姓名', '性别']]).kind).toBe('missing-columns');
  });
});
