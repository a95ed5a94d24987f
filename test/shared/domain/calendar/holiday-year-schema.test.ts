import { holidayYearSchema } from '../../../../shared/schemas/holiday-year';

const valid = {
  year: 2027,
  daysOff: ['2027-01-01', '2027-01-02', '2027-01-03'],
  workingWeekendDays: ['2027-02-20'],
  source: '国务院办公厅关于2027年部分节假日安排的通知',
};

function messages(input: unknown): Array<{ path: string; message: string }> {
  const result = holidayYearSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

describe('holidayYearSchema', () => {
  test('accepts a valid year and trims the source', () => {
    const result = holidayYearSchema.safeParse({ ...valid, source: `  ${valid.source}  ` });
    expect(result.success).toBe(true);
    expect(result.data).toEqual(valid);
  });

  test('accepts a year without source or working weekend days', () => {
    expect(holidayYearSchema.safeParse({ year: 2027, daysOff: ['2027-01-01'], workingWeekendDays: [] }).success).toBe(true);
  });

  test.each([
    ['a date outside the year', { daysOff: ['2027-01-01', '2028-01-01'] }, 'daysOff.1', '放假日期“2028-01-01”不在 2027 年内'],
    ['an impossible date', { daysOff: ['2027-02-29'] }, 'daysOff.0', '放假日期“2027-02-29”不是有效日期，请按 YYYY-MM-DD 填写'],
    ['a date in another format', { daysOff: ['2027/01/01'] }, 'daysOff.0', '放假日期“2027/01/01”不是有效日期，请按 YYYY-MM-DD 填写'],
    ['a duplicate day off', { daysOff: ['2027-01-01', '2027-01-01'] }, 'daysOff.1', '放假日期“2027-01-01”重复填写'],
    ['a duplicate working day', { workingWeekendDays: ['2027-02-20', '2027-02-20'] }, 'workingWeekendDays.1', '调休上班日期“2027-02-20”重复填写'],
    ['a working day that is a Monday', { workingWeekendDays: ['2027-01-04'] }, 'workingWeekendDays.0', '调休上班日期“2027-01-04”是星期一，调休上班日必须是星期六或星期日'],
    ['a day both off and working', { workingWeekendDays: ['2027-01-02'] }, 'workingWeekendDays.0', '“2027-01-02”不能既是放假日期又是调休上班日期'],
    ['a working day in another year', { workingWeekendDays: ['2026-02-14'] }, 'workingWeekendDays.0', '调休上班日期“2026-02-14”不在 2027 年内'],
    ['no day off', { daysOff: [] }, 'daysOff', '请至少填写一个放假日期'],
    ['a year that is text', { year: '2027' }, 'year', '年份必须是数字'],
    ['a fractional year', { year: 2027.5 }, 'year', '年份必须是整数'],
    ['a year too early', { year: 1999 }, 'year', '年份不能早于 2000 年'],
    ['a year too late', { year: 2100 }, 'year', '年份不能晚于 2099 年'],
    ['a missing list', { workingWeekendDays: undefined }, 'workingWeekendDays', '请填写调休上班日期（日期列表）'],
    ['a list item that is not text', { daysOff: [20270101] }, 'daysOff.0', '放假日期中的每一项都必须是日期文本（YYYY-MM-DD）'],
    ['a source too long', { source: '通'.repeat(201) }, 'source', '来源不能超过 200 个字'],
  ])('refuses %s', (_name, change, path, message) => {
    expect(messages({ ...valid, ...change })).toEqual([{ path, message }]);
  });

  test('reports every problem at once, each at its own place', () => {
    const found = messages({ year: 2027, daysOff: ['2027-01-01', 'x', '2027-01-01'], workingWeekendDays: ['2027-01-01', '2027-01-09'] });
    expect(found).toEqual([
      { path: 'daysOff.1', message: '放假日期“x”不是有效日期，请按 YYYY-MM-DD 填写' },
      { path: 'daysOff.2', message: '放假日期“2027-01-01”重复填写' },
      { path: 'workingWeekendDays.0', message: '调休上班日期“2027-01-01”是星期五，调休上班日必须是星期六或星期日' },
      { path: 'workingWeekendDays.0', message: '“2027-01-01”不能既是放假日期又是调休上班日期' },
    ]);
  });
});
