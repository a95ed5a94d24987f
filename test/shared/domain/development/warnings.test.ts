import { caseWarnings, warningCountsByStage, type WarningCase } from '../../../../shared/domain/development/warnings';
import { defineRuleSet } from '../../../../shared/domain/development';

const applicant = (dates: WarningCase['dates'], extra: Partial<WarningCase> = {}): WarningCase => ({ caseId: 'c1', personName: '张三', orgId: 'b1', stage: 1, dates, ...extra });

describe('warnings (预警) from case dates, docs/domain/warnings.md', () => {
  // Application 2026-03-10: the talk is due 2026-04-10; the due-soon window is 14 days (from 2026-03-27).
  test.each([
    ['outside the window (15 days left)', '2026-03-26', undefined],
    ['the window edge (14 days left)', '2026-03-27', ['due-soon', 14, '张三：应在 2026-04-10 前与入党申请人谈话（还有 14 天）']],
    ['due tomorrow', '2026-04-09', ['due-soon', 1, '张三：应在 2026-04-10 前与入党申请人谈话（还有 1 天）']],
    ['due today', '2026-04-10', ['due-soon', 0, '张三：应在 2026-04-10 前与入党申请人谈话（今天到期）']],
    ['1 day past', '2026-04-11', ['overdue', -1, '张三：应在 2026-04-10 前与入党申请人谈话（已逾期 1 天）']],
  ] as const)('talk due: %s', (_label, asOf, expected) => {
    const items = caseWarnings([applicant({ applicationDate: '2026-03-10' })], asOf);
    if (expected === undefined) {
      expect(items).toEqual([]);
      return;
    }
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ caseId: 'c1', kind: 'talk-due', dueDate: '2026-04-10', level: expected[0], daysLeft: expected[1], message: expected[2], target: { caseId: 'c1', stepNo: 2 } });
    expect(items[0].key).toBe(`c1#talk-due#2026-04-10#${expected[0]}`);
  });

  test('a window of 7 days: 8 days before the due date is not yet a warning', () => {
    expect(caseWarnings([applicant({ applicationDate: '2026-04-10' })], '2026-05-02', { dueSoonDays: 7 })).toEqual([]);
    expect(caseWarnings([applicant({ applicationDate: '2026-04-10' })], '2026-05-03', { dueSoonDays: 7 })).toHaveLength(1);
  });

  test.each([
    ['the day before', '2027-03-09', 'due-soon', '张三：2027-03-10 起培养考察满 1 年，可确定为发展对象（还有 1 天）'],
    ['on the day', '2027-03-10', 'reached', '张三：2027-03-10 起培养考察满 1 年，可确定为发展对象（今天到期）'],
    ['the day after', '2027-03-11', 'reached', '张三：2027-03-10 起培养考察满 1 年，可确定为发展对象（已到期 1 天）'],
  ] as const)('cultivation year (a milestone): %s', (_label, asOf, level, message) => {
    const dates = { applicationDate: '2026-01-05', talkDate: '2026-01-20', activistDate: '2026-03-10', evaluationDates: ['2026-09-01', '2027-02-01'] };
    const items = caseWarnings([applicant(dates, { stage: 2 })], asOf).filter((i) => i.kind === 'cultivation-reached');
    expect(items).toEqual([expect.objectContaining({ level, message, target: { caseId: 'c1', stepNo: 7 } })]);
  });

  test('the case rule set is used: a 2-month talk rule moves the due date', () => {
    const rules = defineRuleSet({ ruleSetVersion: 'local-2', talkWithinMonths: 2 });
    expect(caseWarnings([applicant({ applicationDate: '2026-03-10' })], '2026-04-11', { rulesOf: () => rules })).toEqual([]);
    expect(caseWarnings([applicant({ applicationDate: '2026-03-10' })], '2026-05-11', { rulesOf: () => rules })[0]).toMatchObject({ dueDate: '2026-05-10', level: 'overdue' });
  });

  test('overdue first, then by due date; a closed case has none', () => {
    const cases = [
      applicant({ applicationDate: '2026-03-18' }, { caseId: 'c2', personName: '李四' }),
      applicant({ applicationDate: '2026-03-01' }, { caseId: 'c3', personName: '王五' }),
      applicant({ applicationDate: '2026-03-15' }, { caseId: 'c4', personName: '赵六' }),
      applicant({ applicationDate: '2026-01-01', closedDate: '2026-02-01' }, { caseId: 'c5', personName: '孙七' }),
    ];
    expect(caseWarnings(cases, '2026-04-05').map((i) => [i.personName, i.level])).toEqual([
      ['王五', 'overdue'],
      ['赵六', 'due-soon'],
      ['李四', 'due-soon'],
    ]);
  });

  test('counts per stage: every stage listed, cases and warnings by level', () => {
    const cases = [
      applicant({ applicationDate: '2026-03-01' }, { caseId: 'a' }),
      applicant({ applicationDate: '2026-03-15' }, { caseId: 'b' }),
      applicant({ applicationDate: '2025-01-02', talkDate: '2025-01-10', activistDate: '2025-03-01' }, { caseId: 'c', stage: 2 }),
    ];
    const items = caseWarnings(cases, '2026-04-05');
    expect(warningCountsByStage(cases, items)).toEqual([
      { stage: 1, cases: 2, overdue: 1, dueSoon: 1, reached: 0 },
      { stage: 2, cases: 1, overdue: 2, dueSoon: 0, reached: 1 },
      { stage: 3, cases: 0, overdue: 0, dueSoon: 0, reached: 0 },
      { stage: 4, cases: 0, overdue: 0, dueSoon: 0, reached: 0 },
      { stage: 5, cases: 0, overdue: 0, dueSoon: 0, reached: 0 },
    ]);
  });
});
