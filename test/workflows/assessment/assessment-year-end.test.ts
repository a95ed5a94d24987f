import { approvalLinkIn } from '../../../scripts/bench/election-forms';
import { DEFAULT_ADJUSTMENTS, DEFAULT_SETTINGS, yearEndExecutionName, type AssessmentReport } from '../../../shared/domain/assessment';
import type { Actor } from '../../../shared/services/actor';
import { decideByLink } from '../../../shared/services/approval';
import { addAdjustment, saveYearEnd, startYearEnd } from '../../../shared/services/assessment';
import { yearEndKey } from '../../../shared/services/assessment/ids';
import { putAccount } from '../../../shared/store/accounts-repo';
import { putNewReport, putNewScheme } from '../../../shared/store/assessment-repo';
import { getYearEnd } from '../../../shared/store/assessment-year-end-repo';
import { listOrgNotices } from '../../../shared/store/notices-repo';
import { transactWrite } from '../../../shared/store/transact';
import { startTestRuntime, type TestRuntime } from '../../support/local-runtime';
import { putTestOrg, putTestPerson, testOrg, testPerson } from '../../support/registry-fixtures';
import { committeeStaff, MONTHLY } from './assessment-fixtures';

// The year end over the synthesized ASL: started once the year is over, the 述职评议 rated, returned by the
// committee's approver, submitted again, approved by link and published to both branches with the candidates.
let runtime: TestRuntime;
const executionArn = `arn:aws:states:local:000000000000:execution:assessment-year-end:${yearEndExecutionName(2026, yearEndKey('committee-1'))}`;
const state = async () => {
  const execution = await runtime.stepFunctions.describeExecution(executionArn);
  return execution.status === 'RUNNING' ? execution.currentState : execution.status;
};

function scoredReport(orgId: string, orgName: string, periodKey: string, score: number | undefined): AssessmentReport {
  return {
    committeeId: 'committee-1', year: 2026, periodKey, periodLabel: periodKey, orgId, orgName, schemeVersion: 1, indicators: MONTHLY, lateDeduction: 1, reviewDueWorkingDays: 5,
    status: score === undefined ? 'open' : 'scored', dueAt: '2026-02-06T23:59:59+08:00', entries: [], late: false, submissions: 1, reviews: 1, returns: [],
    ...(score === undefined ? {} : { score }), fullMarks: 16, version: 1,
  };
}

beforeAll(async () => {
  runtime = await startTestRuntime('2026-12-31T15:59:59.000Z'); // one second before 2027 in China
  const secretary = await putTestPerson(runtime.store, testPerson({ orgId: 'committee-1', name: '赵书记', email: 'zhao@example.org' }));
  await putTestOrg(runtime.store, testOrg({ id: 'committee-1', kind: 'committee', name: '机关党委', committee: [{ personId: secretary.id, name: '赵书记', post: 'secretary' }] }));
  await putTestOrg(runtime.store, testOrg({ id: 'branch-1', kind: 'branch', parentId: 'committee-1', name: '办公室党支部' }));
  await putTestOrg(runtime.store, testOrg({ id: 'branch-2', kind: 'branch', parentId: 'committee-1', name: '财务处党支部' }));
  await putAccount(runtime.store, { username: 'zuzhiyuan', passwordHash: 'x', role: 'committee-staff', orgId: 'committee-1', email: 'li@example.org', displayName: '李组织员' });
  await transactWrite(runtime.store, [
    putNewScheme(runtime.store, { committeeId: 'committee-1', year: 2026, version: 1, status: 'published', appliesFrom: '2026-M01', indicators: MONTHLY, adjustments: DEFAULT_ADJUSTMENTS, settings: DEFAULT_SETTINGS }),
    putNewReport(runtime.store, scoredReport('branch-1', '办公室党支部', '2026-M01', 16)),
    putNewReport(runtime.store, scoredReport('branch-1', '办公室党支部', '2026-M02', 15)),
    putNewReport(runtime.store, scoredReport('branch-2', '财务处党支部', '2026-M01', 13)),
    putNewReport(runtime.store, scoredReport('branch-2', '财务处党支部', '2026-M02', undefined)), // never reported: 0 of 16
  ]);
}, 60_000);
afterAll(async () => runtime?.shutdown());

const rate = async (scores: Record<string, string>, submit: boolean) => {
  await saveYearEnd(runtime.deps, committeeStaff, 'committee-1', 2026, scores, submit);
  await runtime.stepFunctions.settled();
};
const decide = async (outcome: 'approved' | 'rejected') => {
  const link = approvalLinkIn(runtime.mailer.sent, 'zhao@example.org', (subject) => subject.startsWith('【审批】'));
  await decideByLink(runtime.deps, link, { outcome, meetingDate: '2027-01-08', comment: outcome === 'approved' ? '同意' : '请复核述职评议得分' }, { ip: '203.0.113.7', userAgent: 'test' });
  await runtime.stepFunctions.settled();
};

test('a year end: rated, returned, submitted again, approved by link and published with the 先进基层党组织 candidates', async () => {
  const branchStaff: Actor = { id: 'staff-branch-1', displayName: '钱组织委员', role: 'branch-staff', orgId: 'branch-1', scopeOrgIds: ['branch-1'] };
  await expect(startYearEnd(runtime.deps, committeeStaff, 'committee-1', 2026)).rejects.toMatchObject({ httpStatus: 422, fieldErrors: { _form: '2026 年尚未结束，年终考核自 2027 年 1 月 1 日起进行。' } });
  await expect(startYearEnd(runtime.deps, branchStaff, 'committee-1', 2026)).rejects.toMatchObject({ httpStatus: 403 });

  // Bonuses and deductions entered in review, within their caps (A13).
  const request = (orgId: string) => ({ committeeId: 'committee-1', periodKey: '2026-M01', orgId });
  await addAdjustment(runtime.deps, committeeStaff, request('branch-1'), { itemKey: 'B1', points: '2', reason: '获市直机关工委表彰', evidence: '表彰文件.pdf' });
  await expect(addAdjustment(runtime.deps, committeeStaff, request('branch-1'), { itemKey: 'B1', points: '1.5', reason: '再次表彰' }))
    .rejects.toMatchObject({ httpStatus: 422, fieldErrors: { points: '“受到上级表彰”全年最多 3 分，已记 2 分，本次最多还可记 1 分。' } });
  await addAdjustment(runtime.deps, committeeStaff, request('branch-2'), { itemKey: 'D1', points: '1', reason: '被上级通报批评一次' });

  await runtime.advanceTo('2027-01-04T01:00:00.000Z');
  await startYearEnd(runtime.deps, committeeStaff, 'committee-1', 2026);
  await startYearEnd(runtime.deps, committeeStaff, 'committee-1', 2026); // a double click starts nothing twice
  await runtime.stepFunctions.settled();
  expect(await state()).toBe('RateReports');
  expect(runtime.mailer.sent.filter((m) => m.to.includes('li@example.org')).map((m) => m.subject)).toEqual(['【待办】党建工作目标考核：2026 年年终考核']);

  // Every organization needs its 述职评议 score; a score above 100 is refused; nothing is written.
  await expect(rate({ review_branch1: '95', 'review_branch-1': '95' }, true)).rejects.toMatchObject({ httpStatus: 422, fieldErrors: { reviewScore: '请先评定以下组织的述职评议得分：财务处党支部。' } });
  await expect(rate({ 'review_branch-2': '100.5' }, false)).rejects.toMatchObject({ httpStatus: 422, fieldErrors: { 'review_branch-2': '“财务处党支部”的述职评议得分须在 0 至 100 分之间，最多一位小数。' } });
  expect(await getYearEnd(runtime.store, 'committee-1', 2026)).toMatchObject({ reviewScores: {}, status: 'rating' });
  await rate({ 'review_branch-1': '95' }, false);
  await rate({ 'review_branch-2': '60' }, true);
  expect(await state()).toBe('CommitteeApproval');
  expect(await getYearEnd(runtime.store, 'committee-1', 2026)).toMatchObject({ status: 'approval', results: [{ orgName: '办公室党支部' }, { orgName: '财务处党支部' }] });

  // Returned by the approver: rated again, submitted again.
  await decide('rejected');
  expect(await state()).toBe('RateReports');
  await rate({ 'review_branch-2': '70' }, true);
  expect(await state()).toBe('CommitteeApproval');
  await decide('approved');
  expect(await state()).toBe('SUCCEEDED');

  // 办公室: (31/32 → 96.9, +2 bonus → 98.9) × 80% + 95 × 20% = 98.1 → 好; 财务处: (13/32 → 40.6, −1 → 39.6) × 80% + 70 × 20% = 45.7 → 差.
  const yearEnd = await getYearEnd(runtime.store, 'committee-1', 2026);
  expect(yearEnd).toMatchObject({
    status: 'published', approvals: [{ outcome: 'rejected' }, { outcome: 'approved' }],
    results: [
      { orgName: '办公室党支部', periodPercent: 96.9, adjustments: 2, reviewScore: 95, total: 98.1, grade: '好', advancedCandidate: true, unscored: 0 },
      { orgName: '财务处党支部', periodPercent: 40.6, adjustments: -1, reviewScore: 70, total: 45.7, grade: '差', advancedCandidate: false, unscored: 1 },
    ],
  });
  for (const orgId of ['branch-1', 'branch-2']) {
    const notices = await listOrgNotices(runtime.store, orgId);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'assessment-circular', audience: 'internal', matter: { title: '机关党委2026年度党建工作目标考核结果通报' } });
    expect((notices[0] as { matter: { body: string } }).matter.body).toContain('先进基层党组织推荐对象（评定为“好”）：办公室党支部');
  }
  await expect(rate({ 'review_branch-2': '80' }, false)).rejects.toMatchObject({ httpStatus: 409 });
}, 120_000);
