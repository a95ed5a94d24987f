import { caseDeadlines, type CaseDates } from '../../../../shared/domain/development';

const summary = (dates: CaseDates, asOf: string) => caseDeadlines(dates, asOf).map((d) => [d.kind, d.dueDate, d.status]);

describe('case deadlines (预警, DOMAIN §7)', () => {
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
