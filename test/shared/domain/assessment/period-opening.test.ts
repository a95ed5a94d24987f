import fc from 'fast-check';
import {
  DEFAULT_ADJUSTMENTS, DEFAULT_INDICATORS, DEFAULT_SETTINGS, nextPeriodOpening, periodsOf, periodsOpenAt, periodsToOpen, schemePeriods, type Scheme,
} from '../../../../shared/domain/assessment';

// docs/domain/scheduler.md: a committee's year is due when its next period not yet opened opens (A5), the boundary on each side.
const MONTHLY = DEFAULT_INDICATORS.filter((i) => i.frequency === 'monthly');
const QUARTERLY = DEFAULT_INDICATORS.filter((i) => i.frequency === 'quarterly');
const scheme = (version: number, indicators: Scheme['indicators'], appliesFrom: string | undefined, status: Scheme['status'] = 'published'): Scheme => ({
  committeeId: 'c1', year: 2026, version, status, appliesFrom, indicators, adjustments: DEFAULT_ADJUSTMENTS, settings: DEFAULT_SETTINGS,
});
const quarters = periodsOf(2026, 'quarterly');
const months = periodsOf(2026, 'monthly');
const keys = (...ks: string[]) => new Set(ks.map((k) => `2026-${k}`));

test.each([
  ['nothing opened: the first quarter, on 1 March (its last month)', quarters, [], '2026-02-28T16:00:00.000Z'],
  ['Q1 opened: Q2, on 1 June', quarters, ['Q1'], '2026-05-31T16:00:00.000Z'],
  ['Q2 opened before Q1 (out of order): Q1 still', quarters, ['Q2'], '2026-02-28T16:00:00.000Z'],
  ['three opened: the last', quarters, ['Q1', 'Q2', 'Q3'], '2026-11-30T16:00:00.000Z'],
  ['every period opened: none', quarters, ['Q1', 'Q2', 'Q3', 'Q4'], undefined],
  ['keys of other periods change nothing', quarters, ['M01', 'H1'], '2026-02-28T16:00:00.000Z'],
  ['months: January opens on 1 January', months, [], '2025-12-31T16:00:00.000Z'],
  ['months and quarters: Q1 and March open together', [...months, ...quarters], ['M01', 'M02'], '2026-02-28T16:00:00.000Z'],
  ['March opened, Q1 not: Q1 (the same instant)', [...months, ...quarters], ['M01', 'M02', 'M03'], '2026-02-28T16:00:00.000Z'],
  ['none at all', [], [], undefined],
])('%s', (_, periods, opened, expected) => {
  expect(nextPeriodOpening(periods, keys(...opened))).toBe(expected);
});

test.each([
  ['a millisecond before the next opening: nothing to open', '2026-05-31T15:59:59.999Z', []],
  ['at the next opening: Q2', '2026-05-31T16:00:00.000Z', ['2026-Q2']],
])('Q1 opened, %s', (_, now, expected) => {
  const next = nextPeriodOpening(quarters, keys('Q1'));
  expect(next).toBe('2026-05-31T16:00:00.000Z');
  expect(periodsOpenAt(quarters, new Date(now)).filter((p) => !keys('Q1').has(p.key)).map((p) => p.key)).toEqual(expected);
});

test('the periods to open: those of every published version, each under the version in force; drafts add none', () => {
  const v1 = scheme(1, QUARTERLY, '2026-Q1');
  const v2 = scheme(2, [...QUARTERLY, ...MONTHLY], '2026-Q3'); // monthly from July; January–June under v1 (no monthly indicator)
  const draft = scheme(3, DEFAULT_INDICATORS, undefined, 'draft');
  const toOpen = periodsToOpen([v1, v2, draft]);
  expect(toOpen.map((p) => p.period.key)).toEqual(schemePeriods({ year: 2026, indicators: [...QUARTERLY, ...MONTHLY] }).map((p) => p.key));
  expect(toOpen.find((p) => p.period.key === '2026-M06')?.scheme.version).toBe(1);
  expect(toOpen.find((p) => p.period.key === '2026-M07')?.scheme.version).toBe(2);
  expect(periodsToOpen([draft])).toEqual([]);
  expect(periodsToOpen([scheme(1, QUARTERLY, '2026-Q3')]).map((p) => p.period.key)).toEqual(['2026-Q3', '2026-Q4']); // no version for Q1, Q2
});

test('the next opening is the first instant a period not opened is open: nothing not opened is open a millisecond before', () => {
  const all = [...months, ...quarters, ...periodsOf(2026, 'half-yearly'), ...periodsOf(2026, 'yearly')];
  fc.assert(fc.property(fc.subarray(all.map((p) => p.key)), (openedKeys) => {
    const opened = new Set(openedKeys);
    const next = nextPeriodOpening(all, opened);
    const openNotOpened = (at: number) => periodsOpenAt(all, new Date(at)).filter((p) => !opened.has(p.key));
    if (next === undefined) {
      expect(opened.size).toBe(all.length);
      return;
    }
    expect(openNotOpened(Date.parse(next) - 1)).toEqual([]);
    expect(openNotOpened(Date.parse(next)).length).toBeGreaterThan(0);
  }), { numRuns: 300 });
});
