import {
  admissionApprovalDeadlines,
  admissionApprovalStatus,
  checkAdmissionApprovalTiming,
  checkConversionApprovalTiming,
  currentProbationEndDate,
  decideConversion,
  probationEndDate,
} from '../../../../shared/domain/development';

const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe('probation end (step 21): 1 year from the admitting general meeting', () => {
  test.each([
    ['2025-03-10', '2026-03-10'],
    ['2024-02-29', '2025-02-28'],
    ['2023-02-28', '2024-02-28'],
  ])('meeting %s → probation ends %s', (meeting, end) => {
    expect(probationEndDate(meeting)).toBe(end);
  });

  test('an earlier extension moves the end', () => {
    expect(currentProbationEndDate('2025-03-10', [6])).toBe('2026-09-10');
  });
});

describe('conversion outcomes (step 23)', () => {
  test('on time: converted on the probation end date', () => {
    expect(decideConversion({ admissionMeetingDate: '2025-03-10', outcome: 'on-time' })).toEqual({
      ok: true,
      problems: [],
      warnings: [],
      outcome: 'on-time',
      probationEndDate: '2026-03-10',
      conversionDate: '2026-03-10',
    });
  });

  test('cancel', () => {
    const result = decideConversion({ admissionMeetingDate: '2025-03-10', outcome: 'cancel' });
    expect(result).toMatchObject({ ok: true, outcome: 'cancel', probationEndDate: '2026-03-10' });
    expect(result.conversionDate).toBeUndefined();
  });

  test.each([
    [5, false, undefined],
    [6, true, '2026-09-10'],
    [12, true, '2027-03-10'],
    [13, false, undefined],
    [7.5, false, undefined],
    [undefined, false, undefined],
  ])('extend by %s months → ok %s, new end %s', (extensionMonths, ok, extended) => {
    const result = decideConversion({ admissionMeetingDate: '2025-03-10', outcome: 'extend', extensionMonths });
    expect(result.ok).toBe(ok);
    expect(result.extendedProbationEndDate).toBe(extended);
    expect(codes(result.problems)).toEqual(ok ? [] : ['EXTENSION_MONTHS']);
    if (!ok) expect(result.problems[0].message).toContain('6 个月至 12 个月');
  });

  test('extension is allowed once only; after it, on time or cancel', () => {
    const second = decideConversion({ admissionMeetingDate: '2025-03-10', outcome: 'extend', extensionMonths: 6, previousExtensions: [6] });
    expect(second.ok).toBe(false);
    expect(codes(second.problems)).toEqual(['EXTENSION_ALREADY_USED']);
    expect(decideConversion({ admissionMeetingDate: '2025-03-10', outcome: 'on-time', previousExtensions: [6] }).conversionDate).toBe('2026-09-10');
  });
});

describe('admission approval (step 17): 3 months, at most 6 with a reason', () => {
  test('deadlines from the general meeting', () => {
    expect(admissionApprovalDeadlines('2025-03-10')).toEqual({ dueDate: '2025-06-10', lastDate: '2025-09-10' });
    expect(admissionApprovalDeadlines('2025-08-31')).toEqual({ dueDate: '2025-11-30', lastDate: '2026-02-28' });
  });

  test.each([
    ['2025-06-10', 'in-time'], // exactly 3 months
    ['2025-06-11', 'overdue'],
    ['2025-09-10', 'overdue'], // exactly 6 months
    ['2025-09-11', 'blocked'],
  ])('open on %s → %s', (asOf, status) => {
    expect(admissionApprovalStatus('2025-03-10', asOf)).toBe(status);
  });

  test.each([
    ['2025-06-10', undefined, true, [], []],
    ['2025-06-11', undefined, false, ['APPROVAL_LATE_NO_REASON'], []],
    ['2025-06-11', '等待政审材料补充', true, [], ['APPROVAL_LATE']],
    ['2025-09-10', '等待政审材料补充', true, [], ['APPROVAL_LATE']],
    ['2025-09-11', '等待政审材料补充', false, ['APPROVAL_PAST_LIMIT'], []],
    ['2025-03-09', undefined, false, ['APPROVAL_BEFORE_MEETING'], []],
  ])('approved %s with reason %j → ok %s', (approvalDate, reason, ok, problems, warnings) => {
    const result = checkAdmissionApprovalTiming({ meetingDate: '2025-03-10', approvalDate, reason });
    expect(result.ok).toBe(ok);
    expect(codes(result.problems)).toEqual(problems);
    expect(codes(result.warnings)).toEqual(warnings);
  });

  test('conversion approval after 3 months is flagged', () => {
    expect(checkConversionApprovalTiming({ meetingDate: '2026-03-10', approvalDate: '2026-06-10' })).toEqual({ ok: true, problems: [], warnings: [] });
    expect(codes(checkConversionApprovalTiming({ meetingDate: '2026-03-10', approvalDate: '2026-06-11' }).warnings)).toEqual(['CONVERSION_APPROVAL_LATE']);
  });
});
