import { listOrgNotices } from '../../../shared/store/notices-repo';
import { getTask } from '../../../shared/store/tasks-repo';
import { reportTaskId } from '../../../shared/services/assessment';
import { remindAssessmentReports } from '../../../shared/services/assessment/report-reminders';
import { putAccount } from '../../../shared/store/accounts-repo';
import type { TestRuntime } from '../../support/local-runtime';
import { AssessmentDriver, reportForm, startAssessmentRuntime, tick } from './assessment-fixtures';

// Over the ASL synthesized from the CDK app, the real task handlers, DynamoDB Local and a hand-driven clock:
// January 2026 opens on the tick, one branch is returned and reports again, the other reports late; both are
// scored and the circular goes out to both.
let runtime: TestRuntime;

beforeAll(async () => {
  runtime = await startAssessmentRuntime('2025-12-31T15:59:59.000Z'); // one second before 1 Jan 2026 in China
  await putAccount(runtime.store, { username: 'staff-branch-2', passwordHash: 'x', role: 'branch-staff', orgId: 'branch-2', email: 'sun@example.org', displayName: '孙组织委员' });
  await putAccount(runtime.store, { username: 'zuzhiyuan', passwordHash: 'x', role: 'committee-staff', orgId: 'committee-1', email: 'li@example.org', displayName: '李组织员' });
}, 60_000);
afterAll(async () => runtime?.shutdown());

test('a monthly period: opened on its date, report, return, resubmission, score; a late report loses its point; the circular', async () => {
  const office = new AssessmentDriver(runtime, 'branch-1');
  const finance = new AssessmentDriver(runtime, 'branch-2');

  expect(await tick(runtime)).toEqual([]); // not yet January
  await runtime.advanceTo('2025-12-31T16:00:00.000Z');
  expect(await tick(runtime)).toEqual(['2026-M01']);
  expect(await tick(runtime)).toEqual([]); // once
  expect(await office.state()).toBe('Report');
  expect(await office.report()).toMatchObject({ status: 'open', dueAt: '2026-02-06T23:59:59+08:00', periodLabel: '2026年1月', fullMarks: 16 });
  const reportTask = await getTask(runtime.store, reportTaskId('committee-1', '2026-M01', 'branch-1', 'report', 1));
  expect(reportTask).toMatchObject({ status: 'open', kind: 'assessment-report', orgId: 'branch-1', dueAt: '2026-02-06T15:59:59.000Z' });
  expect(runtime.mailer.sent.filter((m) => m.to.includes('qian@example.org')).map((m) => m.subject)).toEqual(['【待办】党建工作目标考核：2026年1月报告']);

  // The office reports on time; a text missing is refused with nothing written.
  await runtime.advanceTo('2026-02-02T02:00:00.000Z');
  await expect(office.submit({ ...reportForm(), text_I02: ' ' })).rejects.toMatchObject({ httpStatus: 422, fieldErrors: { I02: '请填写“主题党日”的完成情况。' } });
  expect(await office.report()).toMatchObject({ status: 'open', version: 2 });
  await office.submit();
  expect(await office.state()).toBe('Review');
  expect(await office.report()).toMatchObject({ status: 'submitted', late: false, reviewDueAt: '2026-02-06T23:59:59+08:00' });

  // Returned with a reason, then submitted again.
  await expect(office.review({ decision: 'return', reason: '太短' })).rejects.toMatchObject({ httpStatus: 422 });
  await office.review({ decision: 'return', reason: '请补充党课的主讲人和签到表' });
  expect(await office.state()).toBe('Report');
  expect(await office.report()).toMatchObject({ status: 'returned', returns: [{ reason: '请补充党课的主讲人和签到表', byName: '李组织员' }] });
  await office.submit({ ...reportForm(), text_I01: '1月22日党课由书记主讲' });
  expect(await office.state()).toBe('Review');

  // A score above the max is refused, naming the indicator; then scored.
  await expect(office.review({ decision: 'score', score_I01: '7', score_I02: '4', score_I10: '6' }))
    .rejects.toMatchObject({ httpStatus: 422, fieldErrors: { score_I01: '“三会一课”满分 6 分，得分 7 超过满分，请改正。' } });
  await office.review({ decision: 'score', score_I01: '6', score_I02: '4', score_I10: '6' });
  expect(await office.state()).toBe('SUCCEEDED');
  expect(await office.report()).toMatchObject({ status: 'scored', score: 16, late: false, submissions: 2, reviews: 2 });
  expect(await listOrgNotices(runtime.store, 'branch-1')).toEqual([]); // the finance branch is not scored yet

  // Reminders (A18): none while the due instant is more than 3 days away; one, once, when it is at most 3 days away;
  // the warning once it has passed, to the branch and the committee.
  const mailsTo = (address: string) => runtime.mailer.sent.filter((m) => m.to.includes(address)).map((m) => m.subject);
  expect(await remindAssessmentReports(runtime.deps)).toBe(0);
  await runtime.advanceTo('2026-02-03T15:59:58.000Z');
  expect(await remindAssessmentReports(runtime.deps)).toBe(0);
  await runtime.advanceTo('2026-02-03T15:59:59.000Z');
  expect(await remindAssessmentReports(runtime.deps)).toBe(1);
  expect(await remindAssessmentReports(runtime.deps)).toBe(0);
  expect(mailsTo('sun@example.org').at(-1)).toBe('【提醒】党建工作目标考核：2026年1月报告将于 2026-02-06 23:59 到期');
  await runtime.advanceTo('2026-02-06T15:59:59.000Z');
  expect(await remindAssessmentReports(runtime.deps)).toBe(0); // due this very second: not late yet

  // The finance branch reports one second late: marked late, 1 point off.
  await runtime.advanceTo('2026-02-06T16:00:00.000Z');
  expect(await remindAssessmentReports(runtime.deps)).toBe(1);
  expect(mailsTo('li@example.org')).toEqual(['【预警】党建工作目标考核：财务处党支部2026年1月报告已逾期']);
  expect(mailsTo('sun@example.org').at(-1)).toBe('【预警】党建工作目标考核：财务处党支部2026年1月报告已逾期');
  await finance.submit(reportForm('2'));
  expect(await finance.report()).toMatchObject({ late: true });
  await finance.review({ decision: 'score', score_I01: '4', score_I02: '4', score_I10: '6' });
  expect(await finance.report()).toMatchObject({ status: 'scored', score: 13 });
  expect(await finance.state()).toBe('SUCCEEDED');

  // The circular goes to both branches as an internal notice.
  for (const orgId of ['branch-1', 'branch-2']) {
    const notices = await listOrgNotices(runtime.store, orgId);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'assessment-circular', audience: 'internal', status: 'open', matter: { title: '机关党委2026年1月党建工作目标考核通报' } });
    const body = (notices[0] as { matter: { body: string } }).matter.body;
    expect(body).toContain('第 1 名　办公室党支部　16 分（满分 16 分）');
    expect(body).toContain('第 2 名　财务处党支部　13 分（满分 16 分）');
    expect(body).toContain('二、逾期报送\n财务处党支部');
    expect(body).toContain('三、退回修改\n办公室党支部（退回 1 次）');
  }
}, 120_000);
