import fc from 'fast-check';
import { CalendarDateInvalidError, chinaDate, chinaDayEndText, chinaDayStartText } from '../../../../shared/domain/calendar';

describe('chinaDate', () => {
  test.each([
    ['2026-03-13T15:59:59.999Z', '2026-03-13'],
    ['2026-03-13T16:00:00.000Z', '2026-03-14'],
    ['2026-12-31T16:00:00Z', '2027-01-01'],
    ['2026-01-01T00:00:00+08:00', '2026-01-01'],
    ['2025-12-31T23:59:59+08:00', '2025-12-31'],
    ['2024-02-28T16:00:00Z', '2024-02-29'],
  ])('%s is %s in China', (instant, date) => {
    expect(chinaDate(new Date(instant))).toBe(date);
  });

  test('agrees with the Asia/Shanghai time zone of Intl', () => {
    const format = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (instant) => {
        expect(chinaDate(instant)).toBe(format.format(instant));
      }),
    );
  });

  test('refuses an invalid Date', () => {
    expect(() => chinaDate(new Date(Number.NaN))).toThrow(CalendarDateInvalidError);
  });

  test('day start and end texts carry the China offset and validate the date', () => {
    expect(chinaDayStartText('2026-09-23')).toBe('2026-09-23T00:00:00+08:00');
    expect(chinaDayEndText('2026-09-30')).toBe('2026-09-30T23:59:59+08:00');
    expect(() => chinaDayEndText('2026-02-29')).toThrow(CalendarDateInvalidError);
  });
});
