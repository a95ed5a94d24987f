import { decideByLink, viewApprovalLink } from '../../../shared/services/approval';
import { caseApprovalId, caseNoticeId, endCase, DevelopmentCaseStateError, DevelopmentRuleViolationError, openCase } from '../../../shared/services/development';
import { InputInvalidError } from '../../../shared/errors';
import { getApproval } from '../../../shared/store/approvals-repo';
import { listAudit } from '../../../shared/store/audit';
import { casePk, getOpenCaseIdOf } from '../../../shared/store/cases-repo';
import { getNotice } from '../../../shared/store/notices-repo';
import { getPerson } from '../../../shared/store/people-repo';
import { listOpenTasks } from '../../../shared/store/tasks-repo';
import { startTestRuntime, type TestRuntime } from '../../support/local-runtime';
import { branchStaff, CaseDriver, setUpWorld, type World } from './development-fixtures';

// Ending a development case (终止发展) mid-stage, on the real stage machines: the case file records it, the stage's
// execution stops, open notices are withdrawn, pending approval links decide nothing, tasks close, the registry follows.
let runtime: TestRuntime;
let driver: CaseDriver;
let world: World;
beforeEach(async () => {
  runtime = await startTestRuntime('2026-01-05T02:00:00.000Z');
  world = await setUpWorld(runtime);
  driver = new CaseDriver(runtime, world);
});
afterEach(async () => {
  await runtime.shutdown();
});

const executionOf = (stage: number, attempt = 1) =>
  runtime.stepFunctions.describeExecution(`arn:aws:states:local:000000000000:execution:development-stage-${stage}:case-${driver.caseId}-stage-${stage}-${attempt}`);
const confirmed = { kind: 'withdrawn', reason: '本人书面申请撤回入党申请。', confirmed: 'yes' };

test('during the activist notice: refused without the confirmation, then ended with the notice withdrawn and the stage stopped', async () => {
  await driver.open();
  await driver.stage1();
  await driver.start(2);
  await driver.submit('activistDecision', { decisionDate: driver.today(), memberRecommendations: 3, massRecommendations: 1, decidedBy: 'branch-committee', minutes: '支委会研究同意。' });
  const noticeId = caseNoticeId(driver.caseId, 'activist', 1);
  expect(await getNotice(runtime.store, noticeId)).toMatchObject({ status: 'open' });
  await runtime.advanceTo('2026-01-06T02:00:00.000Z');

  const unconfirmed = await endCase(runtime.deps, branchStaff, driver.caseId, { kind: 'withdrawn', reason: '本人申请' }).catch((e: unknown) => e);
  expect(unconfirmed).toBeInstanceOf(InputInvalidError);
  expect((unconfirmed as InputInvalidError).fieldErrors).toEqual({ confirmed: '终止后不能恢复，请在确认页面核对后点击“确认终止”。' });
  expect(await driver.case()).toMatchObject({ status: 'active' });

  const ended = await endCase(runtime.deps, branchStaff, driver.caseId, confirmed);
  await runtime.stepFunctions.settled();
  expect(ended).toMatchObject({ status: 'ended', stageState: 'closed', ending: { kind: 'withdrawn', reason: '本人书面申请撤回入党申请。', date: '2026-01-06', byName: '李组织委员' } });
  expect(await driver.case()).toMatchObject({ status: 'ended', dates: { closedDate: '2026-01-06' }, outcomeReasons: ['终止发展：本人申请撤回入党申请。本人书面申请撤回入党申请。'] });
  expect(await getNotice(runtime.store, noticeId)).toMatchObject({ status: 'withdrawn', result: 'withdrawn' });
  expect((await executionOf(2)).status).toBe('ABORTED');
  expect((await listOpenTasks(runtime.store, ['branch-1', 'committee-1'])).filter((t) => t.subject.caseId === driver.caseId || t.subject.noticeId === noticeId)).toEqual([]);
  const person = await getPerson(runtime.store, world.applicantId);
  expect(person).toMatchObject({ status: 'development-ended' });
  expect(person?.statusHistory.at(-1)).toMatchObject({ value: 'development-ended', from: '2026-01-06' });
  expect(await getOpenCaseIdOf(runtime.store, world.applicantId)).toBeUndefined();
  const audit = await listAudit(runtime.store, casePk(driver.caseId));
  expect(audit.find((e) => e.action === 'case.ended')?.details).toMatchObject({ endingKind: '本人申请撤回入党申请', noticesWithdrawn: 1 });

  // Once is final: a second ending (double click) is refused and changes nothing.
  const again = await endCase(runtime.deps, branchStaff, driver.caseId, confirmed).catch((e: unknown) => e);
  expect(again).toBeInstanceOf(DevelopmentCaseStateError);
  expect((again as DevelopmentCaseStateError).httpStatus).toBe(409);
  // A new application opens a new case.
  await expect(openCase(runtime.deps, branchStaff, { personId: world.applicantId, applicationDate: '2026-01-06' })).resolves.toMatchObject({ status: 'active' });
});

test('with the pre-review approval pending: the link shows the case was ended and decides nothing', async () => {
  await driver.open();
  await driver.stage1();
  await driver.stage2();
  await driver.at('2027-01-05T02:00:00.000Z');
  await driver.stage3();
  await driver.start(4);
  await driver.submit('committeeReview', { reviewDate: driver.today(), conclusion: '同意提交预审。' });
  const link = driver.link();
  expect(await viewApprovalLink(runtime.deps, link)).toMatchObject({ state: 'pending' });

  await endCase(runtime.deps, branchStaff, driver.caseId, { ...confirmed, kind: 'left', reason: '调往外省工作。' });
  await runtime.stepFunctions.settled();
  const approvalId = caseApprovalId(driver.caseId, 'preReview', 1);
  expect(await getApproval(runtime.store, approvalId)).toMatchObject({ status: 'cancelled', decisions: [] });
  const view = await decideByLink(runtime.deps, link, { outcome: 'approved', meetingDate: driver.today(), comment: '同意' }, { ip: '203.0.113.7', userAgent: '测试' });
  expect(view).toMatchObject({ state: 'cancelled', reason: '张三的发展党员案件已终止（调离或离开本单位）' });
  expect(await getApproval(runtime.store, approvalId)).toMatchObject({ status: 'cancelled', decisions: [] });
  expect((await executionOf(4)).status).toBe('ABORTED');
  expect(await driver.case()).toMatchObject({ status: 'ended', stage: 4 });
  expect(await getPerson(runtime.store, world.applicantId)).toMatchObject({ status: 'development-ended' });
});

test('a probationary member is not ended here: the conversion meeting decides (422, nothing written)', async () => {
  await driver.open();
  await driver.stage1();
  await driver.stage2();
  await driver.at('2027-01-05T02:00:00.000Z');
  await driver.stage3();
  await driver.stage4ToMeeting();
  await driver.stage4FromMeeting();
  const before = await driver.case();
  const refused = await endCase(runtime.deps, branchStaff, driver.caseId, confirmed).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(DevelopmentRuleViolationError);
  expect((refused as DevelopmentRuleViolationError).httpStatus).toBe(422);
  expect(await driver.case()).toEqual(before);
});
