import fc from 'fast-check';
import { addDays, daysBetween } from '../../../../shared/domain/calendar';
import { caseDeadlines, checkEvaluations, evaluationDueDates, type CaseDates } from '../../../../shared/domain/development';
import { addMonths } from '../../../../shared/domain/development/dates';

const summary = (dates: CaseDates, asOf: string) => caseDeadlines(dates, asOf).map((d) => [d.kind, d.dueDate, d.status]);

describe('case deadlines (预警, docs/domain/warnings.md)', () => {
  test('a new application: the talk is due within a month', () => {
    expect(summary({ applicationDate: '2025-03-10' }, '2025-03-10')).toEqual([['talk-due', '2025-04-10', 'upcoming']]);
    expect(summary({ applicationDate: '2025-03-10' }, '2025-04-01')).toEqual([['talk-due', '2025-04-10', 'due-soon']]);
    expect(summary({ applicationDate: '2025-03-10' }, '2025-04-10')).toEqual([['talk-due', '2025-04-10', 'due-soon']]);
    expect(summary({ applicationDate: '2025-03-10' }, '2025-04-11')).toEqual([['talk-due', '2025-04-10', 'overdue']]);
    expect(summary({ applicationDate: '2025-03-10', talkDate: '2025-03-20' }, '2025-04-11')).toEqual([]);
  });

  test('an activist: half-yearly evaluations and the cultivation year', () => {
    const dates = { applicationDate: '2024-01-10', talkDate: '2024-01-20', activistDate: '2024-09-10' };
    expect(summary(dates, '2024-10-01')).toEqual([
      ['evaluation-due', '2025-03-10', 'upcoming'],
      ['cultivation-reached', '2025-09-10', 'upcoming'],
    ]);
    expect(summary(dates, '2025-04-01')).toEqual([
      ['evaluation-due', '2025-03-10', 'overdue'],
      ['evaluation-due', '2025-09-10', 'upcoming'],
      ['cultivation-reached', '2025-09-10', 'upcoming'],
    ]);
    expect(summary({ ...dates, evaluationDates: ['2025-02-01', '2025-04-01'] }, '2025-04-01')).toEqual([
      ['cultivation-reached', '2025-09-10', 'upcoming'],
      ['evaluation-due', '2026-03-10', 'upcoming'],
    ]);
    expect(summary({ ...dates, evaluationDates: ['2025-02-01', '2025-08-01'] }, '2025-09-10')).toEqual([
      ['cultivation-reached', '2025-09-10', 'reached'],
      ['evaluation-due', '2026-03-10', 'upcoming'],
    ]);
  });

  test.each([
    // An activist on 2024-08-31: the half-year due dates are 2025-02-28, 2025-08-31, 2026-02-28 (activist date + k×6 months,
    // as the step-6 rule counts them), never a previous due date + 6 months (2025-08-28).
    [[], '2025-02-28', [['evaluation-due', '2025-02-28', 'due-soon'], ['evaluation-due', '2025-08-31', 'upcoming']]],
    [['2025-02-01'], '2025-02-28', [['evaluation-due', '2025-08-31', 'upcoming']]],
    [['2025-02-01'], '2025-03-01', [['evaluation-due', '2025-08-31', 'upcoming']]],
    [['2025-02-01', '2025-03-01'], '2025-03-01', [['evaluation-due', '2026-02-28', 'upcoming']]],
    [[], '2025-03-01', [['evaluation-due', '2025-02-28', 'overdue'], ['evaluation-due', '2025-08-31', 'upcoming']]],
    [['2025-02-01', '2025-08-31'], '2025-09-01', [['evaluation-due', '2026-02-28', 'upcoming']]],
  ])('a month-end activist date, evaluations %j, as of %s: the due dates of the step-6 rule', (evaluationDates, asOf, expected) => {
    const dates = { applicationDate: '2024-01-10', talkDate: '2024-01-20', activistDate: '2024-08-31', evaluationDates };
    expect(summary(dates, asOf).filter(([kind]) => kind === 'evaluation-due')).toEqual(expected);
  });

  test('every evaluation warning is at a due date of the step-6 rule, and one per half-year the rule finds missing', () => {
    const monthEnd = fc.record({ year: fc.integer({ min: 2020, max: 2030 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 27, max: 31 }) });
    fc.assert(
      fc.property(monthEnd, fc.array(fc.integer({ min: 1, max: 1500 }), { maxLength: 5 }), fc.integer({ min: 0, max: 1500 }), ({ year, month, day }, offsets, asOffset) => {
        const firstOfMonth = `${year}-${String(month).padStart(2, '0')}-01`;
        const activistDate = addDays(firstOfMonth, Math.min(day, daysBetween(firstOfMonth, addMonths(firstOfMonth, 1))) - 1);
        const evaluationDates = offsets.map((days) => addDays(activistDate, days));
        const asOf = addDays(activistDate, asOffset);
        const warnings = caseDeadlines({ applicationDate: activistDate, activistDate, evaluationDates }, asOf).filter((d) => d.kind === 'evaluation-due');
        const ruleDates = evaluationDueDates(activistDate, addMonths(asOf, 13));
        for (const warning of warnings) expect(ruleDates).toContain(warning.dueDate);
        const missing = checkEvaluations({ activistDate, evaluationDates, asOf }).problems.filter((p) => p.code === 'EVALUATION_MISSING');
        expect(warnings.filter((d) => d.dueDate <= asOf).length).toBe(missing.length);
      }),
    );
  });

  test('admission approval: due at 3 months, hard stop at 6', () => {
    const dates = { applicationDate: '2023-01-10', talkDate: '2023-01-20', activistDate: '2023-03-10', targetDate: '2024-03-10', admissionMeetingDate: '2025-03-10' };
    expect(summary(dates, '2025-06-11')).toEqual([
      ['admission-approval-due', '2025-06-10', 'overdue'],
      ['admission-approval-limit', '2025-09-10', 'upcoming'],
    ]);
    expect(caseDeadlines(dates, '2025-06-11').map((d) => d.message)).toEqual(['上级党委应在 2025-06-10 前审批接收预备党员', '接收预备党员审批最迟 2025-09-10，逾期不能审批']);
  });

  test('probation end, with an extension, then the conversion approval', () => {
    const admitted = { applicationDate: '2023-01-10', activistDate: '2023-03-10', targetDate: '2024-03-10', admissionMeetingDate: '2025-03-10', admissionApprovalDate: '2025-04-01' };
    expect(summary(admitted, '2026-03-01')).toEqual([['probation-end', '2026-03-10', 'due-soon']]);
    expect(summary({ ...admitted, probationExtensions: [6] }, '2026-03-11')).toEqual([['probation-end', '2026-09-10', 'upcoming']]);
    expect(summary({ ...admitted, conversionMeetingDate: '2026-03-12' }, '2026-07-01')).toEqual([['conversion-approval-due', '2026-06-12', 'overdue']]);
    expect(caseDeadlines({ ...admitted, conversionMeetingDate: '2026-03-12', conversionApprovalDate: '2026-04-01' }, '2026-07-01')).toEqual([]);
  });

  test('a closed case has nothing due', () => {
    expect(caseDeadlines({ applicationDate: '2025-03-10', closedDate: '2025-03-11' }, '2025-06-01')).toEqual([]);
  });

  test('daysLeft counts from asOf', () => {
    expect(caseDeadlines({ applicationDate: '2025-03-10' }, '2025-04-13')[0]).toMatchObject({ daysLeft: -3, type: 'deadline' });
  });
});
