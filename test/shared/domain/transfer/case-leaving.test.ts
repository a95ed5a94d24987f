import fc from 'fast-check';
import type { DevelopmentCase } from '../../../../shared/domain/development/case';
import type { CaseDates } from '../../../../shared/domain/development/deadlines';
import { DEFAULT_RULE_SET } from '../../../../shared/domain/development/rule-set';
import { caseAfterLeaving, caseLeavingBlockers, caseParticulars } from '../../../../shared/domain/transfer';

// The case that leaves the system with its person (docs/domain/transfer.md T8b) and what the letter says of it (T8c).

function devCase(overrides: Partial<DevelopmentCase> = {}): DevelopmentCase {
  return {
    id: 'c1', personId: 'p1', personName: '张三', orgId: 'b1', ruleSetVersion: '2014', status: 'active', stage: 3, attempt: 1, stageState: 'between',
    lastOutcome: 'completed', dates: { applicationDate: '2025-03-10', activistDate: '2025-04-15', targetDate: '2026-04-16' },
    nextStage: { stage: 4, attempt: 1, earliestStart: '2026-05-21' }, outcomeReasons: [], warnings: [], createdAt: '2025-03-10T02:00:00.000Z',
    updatedAt: '2026-05-21T02:00:00.000Z', version: 30, ...overrides,
  };
}

describe('the letter states the case (T8c)', () => {
  test.each([
    ['an applicant', { stage: 1, stageState: 'running' }, { applicationDate: '2025-03-10' }, '入党申请人', '正在办理第一阶段：申请入党', undefined],
    ['an activist the day he is decided: the year ends a year on', { stage: 2, stageState: 'between' }, { applicationDate: '2025-03-10', activistDate: '2025-04-15' }, '入党积极分子', '已完成第二阶段：入党积极分子的确定和培养教育', { label: '培养教育考察满1年', date: '2026-04-15' }],
    ['an activist decided on a leap day: the year ends on 28 February', { stage: 2, stageState: 'between' }, { applicationDate: '2023-09-01', activistDate: '2024-02-29' }, '入党积极分子', '已完成第二阶段：入党积极分子的确定和培养教育', { label: '培养教育考察满1年', date: '2025-02-28' }],
    ['a development target: no period left to serve', { stage: 3, stageState: 'between' }, { applicationDate: '2025-03-10', activistDate: '2025-04-15', targetDate: '2026-04-16' }, '发展对象', '已完成第三阶段：发展对象的确定和考察', undefined],
    ['a development target admitted by the meeting, not yet approved: still a target', { stage: 4, stageState: 'running' }, { applicationDate: '2025-03-10', activistDate: '2025-04-15', targetDate: '2026-04-16', admissionMeetingDate: '2026-06-10' }, '发展对象', '正在办理第四阶段：预备党员的接收', undefined],
    ['a probationary member: probation a year from the meeting', { stage: 4, stageState: 'between' }, { applicationDate: '2025-03-10', activistDate: '2025-04-15', targetDate: '2026-04-16', admissionMeetingDate: '2026-06-10', admissionApprovalDate: '2026-07-01' }, '预备党员', '已完成第四阶段：预备党员的接收', { label: '预备期满', date: '2027-06-10' }],
    ['a probationary member extended by 6 months', { stage: 5, stageState: 'between', lastOutcome: 'extended' }, { applicationDate: '2025-03-10', activistDate: '2025-04-15', targetDate: '2026-04-16', admissionMeetingDate: '2026-06-10', admissionApprovalDate: '2026-07-01', probationExtensions: [6] }, '预备党员', '第五阶段：预备党员的教育考察和转正已结束', { label: '预备期满', date: '2027-12-10' }],
  ] as const)('%s', (_, state, dates, standing, progress, periodEnd) => {
    const particulars = caseParticulars(devCase({ ...state, dates: dates as CaseDates }), DEFAULT_RULE_SET);
    expect(particulars).toMatchObject({ standing, progress });
    expect(particulars.periodEnd).toEqual(periodEnd);
    expect(particulars.dates.map((d) => d.date)).toEqual(Object.entries(dates).filter(([key]) => key !== 'probationExtensions').map(([, date]) => date));
  });
});

describe('the case leaves with the receipt (T8b)', () => {
  test('open approvals and notices hold it back, each named; none, nothing holds it', () => {
    expect(caseLeavingBlockers({ openApprovals: [], openNotices: [] })).toEqual([]);
    expect(caseLeavingBlockers({ openApprovals: ['张三：发展对象预审'], openNotices: ['张三 拟接收为预备党员'] })).toEqual([
      '发展党员材料中的审批“张三：发展对象预审”尚未作出决定', '公示“张三 拟接收为预备党员”尚未结束',
    ]);
  });

  test('closed from the receipt date as gone with the person, not ended; nothing due; its dates kept', () => {
    const closed = caseAfterLeaving(devCase(), { toOrgName: '中共某县委组织部', receiptDate: '2026-10-15', at: '2026-10-16T02:00:00.000Z' });
    expect(closed).toMatchObject({ status: 'transferred-out', stageState: 'closed', version: 31, updatedAt: '2026-10-16T02:00:00.000Z' });
    expect(closed.nextStage).toBeUndefined();
    expect(closed.ending).toBeUndefined();
    expect(closed.outcomeReasons).toEqual(['随组织关系转出本系统：转往中共某县委组织部，回执日期 2026-10-15，发展党员材料随介绍信转交。']);
  });

  test('whatever the case, only its status, stage state, next stage, closing date, reasons and version change', () => {
    const date = fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2030-12-31') }).map((ms) => new Date(ms).toISOString().slice(0, 10));
    fc.assert(fc.property(
      fc.record({ activistDate: fc.option(date, { nil: undefined }), targetDate: fc.option(date, { nil: undefined }), admissionMeetingDate: fc.option(date, { nil: undefined }) }),
      fc.constantFrom(1, 2, 3, 4, 5), fc.constantFrom('running', 'between'), date,
      (dates, stage, stageState, receiptDate) => {
        const before = devCase({ stage: stage as DevelopmentCase['stage'], stageState: stageState as DevelopmentCase['stageState'], dates: { applicationDate: '2019-12-01', ...dates } });
        const after = caseAfterLeaving(before, { toOrgName: '某组织', receiptDate, at: '2031-01-01T00:00:00.000Z' });
        expect(after.dates).toEqual({ ...before.dates, closedDate: receiptDate });
        const unchanged = (c: DevelopmentCase) => ({ ...c, status: 0, stageState: 0, nextStage: 0, dates: 0, outcomeReasons: 0, version: 0, updatedAt: 0 });
        expect(unchanged(after)).toEqual(unchanged(before));
        expect(after.outcomeReasons.slice(0, -1)).toEqual(before.outcomeReasons);
      },
    ));
  });
});
