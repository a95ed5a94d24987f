import type { Actor } from '../../../shared/services/actor';
import { ApprovalWindowClosedError, recordPaperDecision } from '../../../shared/services/approval';
import { caseApprovalId, getCaseFile, saveRuleSet } from '../../../shared/services/development';
import { InputInvalidError } from '../../../shared/errors';
import { runScheduledWork } from '../../../shared/services/scheduled/tick';
import { startTestRuntime, type TestRuntime } from '../../support/local-runtime';
import { CaseDriver, committeeStaff, setUpWorld } from './development-fixtures';

let runtime: TestRuntime;
let driver: CaseDriver;
const admin: Actor = { id: 'admin', displayName: '管理员', role: 'admin', orgId: 'committee-1', scopeOrgIds: ['committee-1', 'branch-1'] };
const client = { ip: '203.0.113.9', userAgent: 'test' };

beforeEach(async () => {
  runtime = await startTestRuntime('2026-01-05T02:00:00.000Z');
  driver = new CaseDriver(runtime, await setUpWorld(runtime));
  await saveRuleSet(runtime.deps, admin, { ruleSetVersion: 'quick', noticeNodes: { activist: false, developmentTarget: false, admission: false, conversion: false } });
});
afterEach(async () => {
  await runtime.shutdown();
});

const mailsTo = (email: string, text: string) => runtime.mailer.sent.filter((m) => m.to.includes(email) && m.subject.includes(text));

test('the scheduler tells the branch staff once when a stage can start', async () => {
  await driver.open('quick');
  await driver.stage1();
  await driver.start(2);
  await driver.submit('activistDecision', { decisionDate: driver.today(), memberRecommendations: 2, massRecommendations: 0, decidedBy: 'branch-committee', minutes: '同意' });
  await driver.submit('contacts', { assignedDate: driver.today(), contactIds: [(await driver.world()).members[0]] });
  expect((await runScheduledWork(runtime.deps)).development.stageReminders).toBe(0);
  await driver.at('2027-01-05T01:00:00.000Z'); // 09:00 China time on the anniversary
  expect((await runScheduledWork(runtime.deps)).development.stageReminders).toBe(1);
  expect((await runScheduledWork(runtime.deps)).development.stageReminders).toBe(0);
  const [mail] = mailsTo('branch@example.org', '可以开始第三阶段');
  expect(mail.text).toContain('自 2027-01-05 起可以开始第三阶段：发展对象的确定和考察');
});

async function toAdmissionApproval(): Promise<string> {
  await driver.open('quick');
  await driver.stage1();
  await driver.start(2);
  await driver.submit('activistDecision', { decisionDate: driver.today(), memberRecommendations: 2, massRecommendations: 0, decidedBy: 'branch-committee', minutes: '同意' });
  await driver.submit('contacts', { assignedDate: driver.today(), contactIds: [(await driver.world()).members[0]] });
  await driver.at('2027-01-05T02:00:00.000Z');
  await driver.start(3);
  await driver.submit('targetDecision', { decisionDate: driver.today(), groupOpinion: '同意', contactsOpinion: '同意', membersOpinion: '同意', minutes: '同意' });
  await driver.submit('sponsors', { assignedDate: driver.today(), sponsorIds: (await driver.world()).members.slice(1, 3) });
  await driver.submit('politicalReview', { reviewDate: driver.today(), result: 'qualified', conclusion: '合格' }, committeeStaff);
  await driver.submit('training', { startDate: driver.today(), endDate: driver.today(), days: 3, organizer: '机关党委' }, committeeStaff);
  await driver.start(4);
  await driver.submit('committeeReview', { reviewDate: driver.today(), conclusion: '同意' });
  await driver.decide('approved');
  await driver.submit('applicationForm', { filledDate: driver.today() });
  await driver.submit('generalMeeting', driver.vote('2027-01-05'));
  await driver.submit('interview', { interviewDate: driver.today(), interviewer: '王组织员', content: '良好' }, committeeStaff);
  return caseApprovalId(driver.caseId, 'admissionApproval', 1);
}

const paper = (decidedAt: string, comment?: string) => ({ outcome: 'approved', meetingDate: decidedAt, decidedBy: '赵书记', decidedAt, ...(comment ? { comment } : {}) });

test('an admission approval overdue at 3 months raises the warning; deciding then needs a recorded reason', async () => {
  const approvalId = await toAdmissionApproval();
  await driver.at('2027-04-05T02:00:00.000Z'); // the last day of the 3 months
  expect((await runScheduledWork(runtime.deps)).development.approvalsOverdue).toBe(0);
  await driver.at('2027-04-06T02:00:00.000Z');
  expect((await runScheduledWork(runtime.deps)).development.approvalsOverdue).toBe(1);
  expect((await runScheduledWork(runtime.deps)).development.approvalsOverdue).toBe(0);
  const file = await getCaseFile(runtime.deps, committeeStaff, driver.caseId);
  expect(file.case.warnings.map((w) => w.code)).toEqual(['admission-approval-overdue']);
  expect(file.case.warnings[0].message).toBe('接收预备党员应在支部大会后 3 个月内（2027-04-05 前）审批，已超期；审批时须写明原因，最迟 2027-07-05。');
  expect(mailsTo('zuzhi@example.org', '【预警】')).toHaveLength(1);

  const noReason = await recordPaperDecision(runtime.deps, committeeStaff, approvalId, paper('2027-04-06'), client).catch((e: unknown) => e);
  expect(noReason).toBeInstanceOf(InputInvalidError);
  expect((noReason as InputInvalidError).fieldErrors.comment).toContain('请在“意见说明”中写明延期审批的原因');
  await recordPaperDecision(runtime.deps, committeeStaff, approvalId, paper('2027-04-06', '党委会因故推迟召开'), client);
  await runtime.stepFunctions.settled();
  const decided = await driver.case();
  expect(decided).toMatchObject({ stageState: 'between', lastOutcome: 'completed', dates: { admissionApprovalDate: '2027-04-06' }, warnings: [] });
});

test('at 6 months the admission approval is blocked: decisions refused, the case marked, committee staff told', async () => {
  const approvalId = await toAdmissionApproval();
  await driver.at('2027-07-06T02:00:00.000Z');
  const work = await runScheduledWork(runtime.deps);
  expect(work.development).toMatchObject({ approvalsBlocked: 1 });
  await runtime.stepFunctions.settled();
  const blocked = await driver.case();
  expect(blocked).toMatchObject({ blocked: true, stageState: 'between', lastOutcome: 'blocked', nextStage: { stage: 4, attempt: 2 } });
  expect(blocked.warnings.map((w) => w.code)).toContain('admission-approval-blocked');
  expect(mailsTo('zuzhi@example.org', '已超过最长期限')).toHaveLength(1);
  const late = await recordPaperDecision(runtime.deps, committeeStaff, approvalId, paper('2027-07-06', '补办'), client).catch((e: unknown) => e);
  expect(late).toBeInstanceOf(ApprovalWindowClosedError);
  expect((late as ApprovalWindowClosedError).userMessage).toBe('已超过最长审批期限（2027-07-05），不能再作出审批决定。请与上级党委组织部门联系。');
  const stage4 = await runtime.stepFunctions.describeExecution(`arn:aws:states:local:000000000000:execution:development-stage-4:case-${driver.caseId}-stage-4-1`);
  expect(stage4).toMatchObject({ status: 'SUCCEEDED', output: { outcome: 'blocked' } });
});
