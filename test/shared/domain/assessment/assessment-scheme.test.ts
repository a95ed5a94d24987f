import {
  appliesFromAt, AssessmentRuleError, checkScheme, DEFAULT_ADJUSTMENTS, DEFAULT_INDICATORS, DEFAULT_SETTINGS, periodByKey, requireDraft, versionFor,
  type Scheme,
} from '../../../../shared/domain/assessment';

const scheme = (over: Partial<Scheme> = {}): Scheme => ({
  committeeId: 'committee-1', year: 2026, version: 1, status: 'draft', indicators: DEFAULT_INDICATORS, adjustments: DEFAULT_ADJUSTMENTS, settings: DEFAULT_SETTINGS, ...over,
});

describe('the default scheme (A1)', () => {
  test('24 indicators, 100 points, unique keys, every frequency, three prefilled, valid', () => {
    expect(DEFAULT_INDICATORS).toHaveLength(24);
    expect(DEFAULT_INDICATORS.reduce((sum, i) => sum + i.maxPoints, 0)).toBe(100);
    expect(new Set(DEFAULT_INDICATORS.map((i) => i.frequency)).size).toBe(4);
    expect(DEFAULT_INDICATORS.filter((i) => i.prefill).map((i) => i.prefill).sort()).toEqual(['development-on-time', 'election-on-time', 'notice-objections-handled']);
    expect(checkScheme(scheme())).toBeTruthy();
  });
});

describe('checking a scheme (A1, A4)', () => {
  const first = DEFAULT_INDICATORS[0];
  test.each([
    ['max 0.5 accepted', { ...first, maxPoints: 0.5 }, true],
    ['max 0.4 refused', { ...first, maxPoints: 0.4 }, false],
    ['max 100 accepted', { ...first, maxPoints: 100 }, true],
    ['max 100.5 refused', { ...first, maxPoints: 100.5 }, false],
    ['empty requirement refused', { ...first, requirement: ' ' }, false],
    ['per count without points per count refused', { ...first, pointsPerCount: undefined }, false],
  ])('%s', (_name, indicator, accepted) => {
    const candidate = scheme({ indicators: [indicator, ...DEFAULT_INDICATORS.slice(1)] });
    if (accepted) expect(checkScheme(candidate)).toBe(candidate);
    else expect(() => checkScheme(candidate)).toThrow(AssessmentRuleError);
  });
  test.each([
    [{ periodWeight: 80, reviewWeight: 20 }, true], [{ periodWeight: 80, reviewWeight: 21 }, false],
    [{ reportDueWorkingDays: 1 }, true], [{ reportDueWorkingDays: 0 }, false], [{ reportDueWorkingDays: 30 }, true], [{ reportDueWorkingDays: 31 }, false],
    [{ grades: { good: 90, fairlyGood: 90, average: 60 } }, false], [{ lateDeduction: -1 }, false],
  ])('settings %o accepted %s', (settings, accepted) => {
    const candidate = scheme({ settings: { ...DEFAULT_SETTINGS, ...settings } });
    if (accepted) expect(checkScheme(candidate)).toBe(candidate);
    else expect(() => checkScheme(candidate)).toThrow(AssessmentRuleError);
  });
  test('a repeated key is refused', () => {
    expect(() => checkScheme(scheme({ indicators: [DEFAULT_INDICATORS[0], DEFAULT_INDICATORS[0]] }))).toThrow('指标编号 I01 重复。');
  });
});

describe('versions (A2, A3)', () => {
  test('a published version is not edited', () => {
    expect(() => requireDraft({ status: 'published', version: 2 })).toThrow('第 2 版已发布，不能修改；请新建一版，自下一考核期起施行。');
    expect(() => requireDraft({ status: 'draft', version: 2 })).not.toThrow();
  });
  test('the first version applies from the first period; a later one from the next period not yet open', () => {
    expect(appliesFromAt(scheme(), new Date('2026-03-10T00:00:00Z'), true)).toBe('2026-M01');
    expect(appliesFromAt(scheme(), new Date('2026-03-10T00:00:00Z'), false)).toBe('2026-M04');
    expect(appliesFromAt(scheme(), new Date('2026-03-31T15:59:59Z'), false)).toBe('2026-M04');
    expect(appliesFromAt(scheme(), new Date('2026-03-31T16:00:00Z'), false)).toBe('2026-M05');
    expect(() => appliesFromAt(scheme(), new Date('2026-12-01T00:00:00Z'), false)).toThrow(AssessmentRuleError);
  });
  test('a period is assessed under the latest published version applying by then', () => {
    const versions = [
      { version: 1, status: 'published' as const, appliesFrom: '2026-M01' },
      { version: 2, status: 'published' as const, appliesFrom: '2026-M04' },
      { version: 3, status: 'draft' as const },
    ];
    const opensAt = (key: string) => periodByKey(key).opensAt;
    expect(versionFor(versions, opensAt('2026-M03'), opensAt)?.version).toBe(1);
    expect(versionFor(versions, opensAt('2026-Q1'), opensAt)?.version).toBe(1);
    expect(versionFor(versions, opensAt('2026-M04'), opensAt)?.version).toBe(2);
    expect(versionFor(versions, opensAt('2026-Y'), opensAt)?.version).toBe(1);
  });
});
