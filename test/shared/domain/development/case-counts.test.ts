import { caseCountKey, countChanges, formatCountKey, parseCountKey, sumStageCounts, type CaseCountKey } from '../../../../shared/domain/development/case-counts';

describe('the key a case is counted under', () => {
  test.each([
    ['active', { orgId: 'b1', stage: 3 }],
    ['full-member', undefined],
    ['stopped', undefined],
    ['cancelled', undefined],
    ['ended', undefined],
    ['transferred-out', undefined],
  ] as const)('%s → %j', (status, key) => {
    expect(caseCountKey({ status, orgId: 'b1', stage: 3 })).toEqual(key);
  });

  test.each([
    ['b1#1', { orgId: 'b1', stage: 1 }],
    ['b1#5', { orgId: 'b1', stage: 5 }],
    ['org#with#hash#2', { orgId: 'org#with#hash', stage: 2 }],
    ['b1#0', undefined],
    ['b1#6', undefined],
    ['#3', undefined],
    ['b1', undefined],
    [5, undefined],
    [undefined, undefined],
  ] as const)('stored %j reads as %j', (text, key) => {
    expect(parseCountKey(text)).toEqual(key);
    if (key) expect(formatCountKey(key as CaseCountKey)).toBe(text);
  });
});

describe('what a change adds to the counters', () => {
  const at = (orgId: string, stage: 1 | 2 | 3 | 4 | 5) => ({ orgId, stage });
  test.each([
    ['opened', undefined, at('b1', 1), [['b1', { 1: 1 }]]],
    ['the next stage', at('b1', 1), at('b1', 2), [['b1', { 1: -1, 2: 1 }]]],
    ['same stage (a step recorded)', at('b1', 2), at('b1', 2), []],
    ['closed', at('b1', 4), undefined, [['b1', { 4: -1 }]]],
    ['moved to another branch', at('b1', 3), at('b2', 3), [['b1', { 3: -1 }], ['b2', { 3: 1 }]]],
    ['never counted, still not', undefined, undefined, []],
  ] as const)('%s', (_name, before, after, expected) => {
    expect([...countChanges(before, after)]).toEqual(expected);
  });

  test('sums per stage, every stage listed', () => {
    expect(sumStageCounts([{ 1: 2, 3: 1 }, { 3: 4, 5: 1 }, {}])).toEqual({ 1: 2, 2: 0, 3: 5, 4: 0, 5: 1 });
  });
});
