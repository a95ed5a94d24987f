import { closeAssessmentReviews } from '../../../shared/services/assessment';
import { putAccount } from '../../../shared/store/accounts-repo';
import { getMarker, getScoredCount } from '../../../shared/store/assessment-repo';
import { listOrgNotices } from '../../../shared/store/notices-repo';
import { putTestOrg, testOrg } from '../../support/registry-fixtures';
import type { TestRuntime } from '../../support/local-runtime';
import { AssessmentDriver, startAssessmentRuntime, tick } from './assessment-fixtures';

// Over the synthesized ASL on a hand-driven clock (A16a): January 2026's reports are due on 6 February, so the review
// deadline is the end of 13 February (5 working days later). The office is scored, the finance report waits for
// review, the third branch's report is returned and not sent again. The committee's staff are reminded 3 days before
// the deadline and warned after it, once each; at the deadline the circular goes out with the one score and lists
// the two reports not scored; a score after it sends nothing again.
let runtime: TestRuntime;
const SCORES = { decision: 'score', score_I01: '6', score_I02: '4', score_I10: '6' };

beforeAll(async () => {
  runtime = await startAssessmentRuntime('2025-12-31T16:00:00.000Z');
  await putTestOrg(runtime.store, testOrg({ id: 'branch-3', kind: 'branch', parentId: 'committee-1', name: '人事处党支部' }));
  await putAccount(runtime.store, { username: 'zuzhiyuan', passwordHash: 'x', role: 'committee-staff', orgId: 'committee-1', email: 'li@example.org', displayName: '李组织员' });
}, 60_000);
afterAll(async () => runtime?.shutdown());

const committeeMails = () => runtime.mailer.sent.filter((m) => m.to.includes('li@example.org'));
const closeReviews = async () => {
  const sent = await closeAssessmentReviews(runtime.deps);
  await runtime.stepFunctions.settled();
  return sent;
};
const circularOf = async (orgId: string) => (await listOrgNotices(runtime.store, orgId)).filter((n) => n.kind === 'assessment-circular');

test('the review deadline: a reminder and a warning to the committee, once each; the circular with what is scored', async () => {
  const office = new AssessmentDriver(runtime, 'branch-1');
  const finance = new AssessmentDriver(runtime, 'branch-2');
  const personnel = new AssessmentDriver(runtime, 'branch-3');
  expect(await tick(runtime)).toEqual(['2026-M01']);

  await runtime.advanceTo('2026-02-02T02:00:00.000Z');
  await office.submit();
  await office.review(SCORES);
  expect(await getScoredCount(runtime.store, 'committee-1', 2026, '2026-M01')).toBe(1);
  expect(await office.state()).toBe('SUCCEEDED');
  await finance.submit();
  await personnel.submit();
  await personnel.review({ decision: 'return', reason: '请补充主题党日的照片' });
  expect(await circularOf('branch-1')).toEqual([]);

  // Nothing before the window; at 3 days before the deadline one reminder naming the report waiting for review.
  await runtime.advanceTo('2026-02-10T15:59:58.000Z');
  expect(await closeReviews()).toBe(0);
  await runtime.advanceTo('2026-02-10T15:59:59.000Z');
  expect(await closeReviews()).toBe(1);
  expect(await closeReviews()).toBe(0);
  expect(committeeMails().map((m) => m.subject).at(-1)).toBe('【提醒】党建工作目标考核：2026年1月尚有 1 份报告待审核，审核期限 2026-02-13 23:59');
  expect(committeeMails().at(-1)!.text).toContain('尚未审核：财务处党支部。');

  // At the deadline second: not yet. One second later: the warning, and the circular to all three branches.
  await runtime.advanceTo('2026-02-13T15:59:59.000Z');
  expect(await closeReviews()).toBe(0);
  expect(await circularOf('branch-1')).toEqual([]);
  await runtime.advanceTo('2026-02-13T16:00:00.000Z');
  expect(await closeReviews()).toBe(1);
  expect(committeeMails().map((m) => m.subject).at(-1)).toBe('【预警】党建工作目标考核：2026年1月审核期限已过，1 份报告未审核');
  expect(await closeReviews()).toBe(0);
  for (const orgId of ['branch-1', 'branch-2', 'branch-3']) {
    const notices = await circularOf(orgId);
    expect(notices).toHaveLength(1);
    const body = (notices[0] as { matter: { body: string } }).matter.body;
    expect(body).toContain('一、得分及排名\n第 1 名　办公室党支部　16 分（满分 16 分）\n\n');
    expect(body).toContain('三、退回修改\n人事处党支部（退回 1 次）');
    expect(body).toContain('四、审核期限届满时尚未评分（不参加本期排名）\n财务处党支部（已报送，待审核）、人事处党支部（已退回，尚未重新报送）');
  }
  expect(await getMarker(runtime.store, 'committee-1', 2026, 'CIRCULAR#2026-M01')).toMatchObject({ organizations: 3, unscored: 2, reason: 'review-deadline' });

  // Scored after the deadline: the execution ends; no second circular.
  await finance.review(SCORES);
  expect(await finance.state()).toBe('SUCCEEDED');
  expect(await circularOf('branch-2')).toHaveLength(1);
  expect(await closeReviews()).toBe(0);
  expect(committeeMails().filter((m) => m.subject.includes('审核'))).toHaveLength(2);
}, 120_000);
