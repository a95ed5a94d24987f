import { parseDateList } from '../../../../shared/domain/calendar';

describe('parseDateList', () => {
  test('reads dates one per line or separated by commas (ASCII or Chinese) and expands ranges', () => {
    const text = '2027-01-01\n2027-02-05 至 2027-02-08，2027-04-05..2027-04-06\r\n\n  2027-05-01、2027-10-01~2027-10-02 ; 2027-12-31';
    expect(parseDateList(text)).toEqual({
      dates: [
        '2027-01-01',
        '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08',
        '2027-04-05', '2027-04-06',
        '2027-05-01',
        '2027-10-01', '2027-10-02',
        '2027-12-31',
      ],
      errors: [],
    });
  });

  test('a range without spaces, a one-day range and a range across a month end', () => {
    expect(parseDateList('2027-02-27至2027-03-01, 2027-06-01..2027-06-01').dates).toEqual(['2027-02-27', '2027-02-28', '2027-03-01', '2027-06-01']);
  });

  test('keeps duplicates (the schema reports them) and reads empty text as no dates', () => {
    expect(parseDateList('2027-01-01, 2027-01-01').dates).toEqual(['2027-01-01', '2027-01-01']);
    expect(parseDateList(' \n , ')).toEqual({ dates: [], errors: [] });
  });

  test.each([
    ['2027-02-30', '“2027-02-30”不是有效日期，请按 YYYY-MM-DD 填写，或写成“开始日期 至 结束日期”'],
    ['2027/01/01', '“2027/01/01”不是有效日期，请按 YYYY-MM-DD 填写，或写成“开始日期 至 结束日期”'],
    ['2027-02-12 至 2027-02-05', '“2027-02-12 至 2027-02-05”的结束日期早于开始日期'],
    ['2027-02-05 至 2027-13-01', '“2027-02-05 至 2027-13-01”中的“2027-13-01”不是有效日期，请按 YYYY-MM-DD 填写'],
    ['2027-01-01..2028-01-02', '“2027-01-01..2028-01-02”跨度超过 366 天，请检查日期'],
  ])('reports %s', (entry, message) => {
    expect(parseDateList(`2027-01-01\n${entry}`)).toEqual({ dates: ['2027-01-01'], errors: [message] });
  });
});
