import { caseAfterStage } from '../../../../shared/domain/development/case-progress';
import type { DevelopmentCase } from '../../../../shared/domain/development/case';
import { DEFAULT_RULE_SET, defineRuleSet } from '../../../../shared/domain/development/rule-set';
import { DEVELOPMENT_STEPS, NOTICE_NODE_POSITIONS, stepsOfStage } from '../../../../shared/domain/development/steps';

test('the catalog holds the 25 steps of docs/domain/development.md in order, stage by stage', () => {
  expect(DEVELOPMENT_STEPS.map((s) => s.no)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  expect([1, 2, 3, 4, 5].map((stage) => stepsOfStage(stage as 1).map((s) => s.no))).toEqual([
    [1, 2], [3, 4, 5, 6], [7, 8, 9, 10, 11], [12, 13, 14, 15, 16, 17, 18], [19, 20, 21, 22, 23, 24, 25],
  ]);
  expect(DEVELOPMENT_STEPS.filter((s) => s.kind === 'record').map((s) => s.no)).toEqual([6, 19, 20, 21]);
  expect(DEVELOPMENT_STEPS.filter((s) => s.kind === 'approval').map((s) => s.no)).toEqual([13, 17, 24]);
  expect(DEVELOPMENT_STEPS.filter((s) => s.kind === 'filing').map((s) => s.no)).toEqual([4, 8, 18]);
  expect(new Set(DEVELOPMENT_STEPS.map((s) => s.key)).size).toBe(25);
});

test('the four notice nodes sit before steps 4, 8, after 13 (before the application form), and before 23', () => {
  expect(NOTICE_NODE_POSITIONS.map((p) => [p.node, p.afterStep])).toEqual([['activist', 3], ['developmentTarget', 7], ['admission', 13], ['conversion', 22]]);
});

const base: DevelopmentCase = {
  id: 'c1', personId: 'p1', personName: '张三', orgId: 'b1', ruleSetVersion: '2014', status: 'active', stage: 2, attempt: 1, stageState: 'running',
  dates: { applicationDate: '2025-01-06', talkDate: '2025-01-20', activistDate: '2025-03-10' }, outcomeReasons: [], warnings: [], createdAt: 'x', updatedAt: 'x', version: 3,
};

test.each([
  ['stage II completed: stage III on the anniversary of the activist date', { stage: 2 }, 'completed', { stage: 3, attempt: 1, earliestStart: '2026-03-10' }],
  ['stage IV completed: stage V at the end of probation', { stage: 4, dates: { ...base.dates, admissionMeetingDate: '2026-06-30' } }, 'completed', { stage: 5, attempt: 1, earliestStart: '2027-06-30' }],
  ['probation extended by 6 months: a new stage V attempt at the new end', { stage: 5, dates: { ...base.dates, admissionMeetingDate: '2026-06-30', probationExtensions: [6] } }, 'extended', { stage: 5, attempt: 2, earliestStart: '2027-12-30' }],
  ['a failed vote: stage IV again, attempt 2, at once', { stage: 4 }, 'vote-failed', { stage: 4, attempt: 2, earliestStart: '2026-05-01' }],
] as const)('%s', (_name, change, outcome, nextStage) => {
  const next = caseAfterStage({ ...base, ...change } as DevelopmentCase, outcome, DEFAULT_RULE_SET, '2026-05-01', 'now');
  expect(next).toMatchObject({ status: 'active', stageState: 'between', nextStage, version: 4 });
});

test('a longer cultivation in a configured rule set moves stage III later', () => {
  const local = defineRuleSet({ ruleSetVersion: 'local-18', minimumCultivationMonths: 18 });
  expect(caseAfterStage(base, 'completed', local, '2026-05-01', 'now').nextStage).toEqual({ stage: 3, attempt: 1, earliestStart: '2026-09-10' });
});

test.each([['stopped', 'stopped'], ['cancelled', 'cancelled']] as const)('%s closes the case', (outcome, status) => {
  const next = caseAfterStage(base, outcome, DEFAULT_RULE_SET, '2026-05-01', 'now', '公示异议查实');
  expect(next).toMatchObject({ status, stageState: 'closed', nextStage: undefined, dates: { closedDate: '2026-05-01' } });
  expect(next.outcomeReasons.at(-1)).toContain('公示异议查实');
});

test('stage V completed: a full member', () => {
  expect(caseAfterStage({ ...base, stage: 5 }, 'completed', DEFAULT_RULE_SET, '2027-07-10', 'now')).toMatchObject({ status: 'full-member', stageState: 'closed' });
});
