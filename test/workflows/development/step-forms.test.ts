import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Actor } from '../../../shared/services/actor';
import {
  DevelopmentCaseExistsError, DevelopmentCaseStateError, DevelopmentRuleViolationError, getRuleSet, openCase, saveRuleSet, submitStepForm,
} from '../../../shared/services/development';
import { AuthForbiddenError, InputInvalidError, RecordNotFoundError, TaskAlreadyHandledError } from '../../../shared/errors';
import { listRuleSets } from '../../../shared/services/development-views/rule-set-admin';
import { casePk } from '../../../shared/store/cases-repo';
import { startTestRuntime, type TestRuntime } from '../../support/local-runtime';
import { putTestOrg, putTestPerson, testOrg, testPerson } from '../../support/registry-fixtures';
import { CaseDriver, branchStaff, committeeStaff, setUpWorld, type World } from './development-fixtures';

let runtime: TestRuntime;
let driver: CaseDriver;
let world: World;
const admin: Actor = { id: 'admin', displayName: '管理员', role: 'admin', orgId: 'committee-1', scopeOrgIds: ['committee-1', 'branch-1', 'branch-2'] };
const otherBranch: Actor = { id: 'other', displayName: '外支部', role: 'branch-staff', orgId: 'branch-2', scopeOrgIds: ['branch-2'] };

beforeEach(async () => {
  runtime = await startTestRuntime('2026-01-05T02:00:00.000Z');
  world = await setUpWorld(runtime);
  await putTestOrg(runtime.store, testOrg({ id: 'branch-2', kind: 'branch', parentId: 'committee-1' }));
  driver = new CaseDriver(runtime, world);
});
afterEach(async () => {
  await runtime.shutdown();
});

async function casePartition() {
  const { Items } = await runtime.store.doc.send(new QueryCommand({ TableName: runtime.store.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': casePk(driver.caseId) }, ConsistentRead: true }));
  return Items ?? [];
}

const codes = (error: unknown) => (error as DevelopmentRuleViolationError).problems.map((p) => p.code);

test('an applicant under 18 is refused with the date from which they may apply; one open case per person', async () => {
  const young = await putTestPerson(runtime.store, testPerson({ orgId: 'branch-1', name: '小王', status: 'applicant', birthDate: '2008-03-01' }));
  const error = await openCase(runtime.deps, branchStaff, { personId: young.id, applicationDate: '2026-01-05' }).catch((e: unknown) => e);
  expect((error as DevelopmentRuleViolationError).userMessage).toBe('递交入党申请时须年满 18 周岁：申请日 2026-01-05 时为 17 周岁，2026-03-01 起方可申请。');
  await driver.open();
  await expect(openCase(runtime.deps, branchStaff, { personId: world.applicantId, applicationDate: '2026-01-05' })).rejects.toBeInstanceOf(DevelopmentCaseExistsError);
  await expect(openCase(runtime.deps, otherBranch, { personId: world.applicantId, applicationDate: '2026-01-05' })).rejects.toBeInstanceOf(AuthForbiddenError);
});

test('bad input is refused in Chinese and writes nothing; a second submission of a step is refused', async () => {
  await driver.open();
  const before = await casePartition();
  const bad = await driver.submit('talk', { talkDate: '2026-02-30', talker: '', content: '谈话' }).catch((e: unknown) => e);
  expect((bad as InputInvalidError).fieldErrors).toEqual({ talkDate: '谈话日期不是有效的日期。', talker: '请填写谈话人（姓名、职务）。' });
  await expect(driver.submit('talk', { talkDate: '2026-01-05', talker: '李', content: '谈话' }, otherBranch)).rejects.toBeInstanceOf(AuthForbiddenError);
  await expect(driver.submit('contacts', { assignedDate: '2026-01-05', contactIds: [world.members[0]] })).rejects.toBeInstanceOf(DevelopmentCaseStateError);
  expect(await casePartition()).toEqual(before);
  const form = { talkDate: '2026-01-05', talker: '李组织委员', content: '谈话' };
  const results = await Promise.allSettled([submitStepForm(runtime.deps, branchStaff, driver.caseId, 'talk', form), submitStepForm(runtime.deps, branchStaff, driver.caseId, 'talk', form)]);
  expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(TaskAlreadyHandledError);
  await runtime.stepFunctions.settled();
  expect((await casePartition()).filter((i) => i.type === 'step').map((i) => i.stepKey)).toEqual(['application', 'talk']);
});

test('a late talk is allowed with its reason, and flagged', async () => {
  await driver.open();
  await driver.at('2026-02-06T02:00:00.000Z');
  const noReason = await driver.submit('talk', { talkDate: '2026-02-06', talker: '李', content: '谈话' }).catch((e: unknown) => e);
  expect(codes(noReason)).toEqual(['TALK_LATE_NO_REASON']);
  const record = await driver.submit('talk', { talkDate: '2026-02-06', talker: '李', content: '谈话', lateReason: '书记出差' });
  expect(record).toMatchObject({ lateFlag: true, explanations: [{ code: 'TALK_LATE' }] });
});

test('contacts must be full members not under discipline, one or two; committee steps are for committee staff', async () => {
  const disciplined = await putTestPerson(runtime.store, testPerson({
    orgId: 'branch-1', name: '吴四', rightsState: 'probation-within-party', rightsHistory: [{ value: 'probation-within-party', from: '2025-06-01' }],
  }));
  await driver.open();
  await driver.stage1();
  await driver.start(2);
  await driver.submit('activistDecision', { decisionDate: driver.today(), memberRecommendations: 3, massRecommendations: 0, decidedBy: 'branch-committee', minutes: '同意' });
  await driver.endNotice('activist');
  expect(await driver.openSteps()).toEqual(['contacts']);
  const notMember = await driver.submit('contacts', { assignedDate: driver.today(), contactIds: [world.applicantId] }).catch((e: unknown) => e);
  expect(codes(notMember)).toEqual(['SELF_ASSIGNED', 'NOT_FULL_MEMBER']);
  const underDiscipline = await driver.submit('contacts', { assignedDate: driver.today(), contactIds: [disciplined.id] }).catch((e: unknown) => e);
  expect((underDiscipline as DevelopmentRuleViolationError).userMessage).toBe('培养联系人不能是受党纪处分、权利受限的党员，吴四当时处于“留党察看”状态。');
  const tooMany = await driver.submit('contacts', { assignedDate: driver.today(), contactIds: world.members }).catch((e: unknown) => e);
  expect(codes(tooMany)).toEqual(['CONTACT_COUNT']);
  await expect(driver.submit('politicalReview', { reviewDate: driver.today(), result: 'qualified', conclusion: '合格' })).rejects.toBeInstanceOf(AuthForbiddenError);
  expect(await driver.openSteps()).toEqual(['contacts']);
});

test('rule sets are configuration: validated, administrators only, the built-in 2014 as fallback, kept by the case', async () => {
  await expect(saveRuleSet(runtime.deps, committeeStaff, { ruleSetVersion: 'x' })).rejects.toBeInstanceOf(AuthForbiddenError);
  const bad = await saveRuleSet(runtime.deps, admin, { ruleSetVersion: 'bad', extension: { minMonths: 6, maxMonths: 3, maxTimes: 1 } }).catch((e: unknown) => e);
  expect((bad as InputInvalidError).fieldErrors.ruleSet).toContain('extension.maxMonths');
  await saveRuleSet(runtime.deps, admin, { ruleSetVersion: 'local-2026', talkWithinMonths: 2, notice: { unit: 'calendarDays', count: 7, audience: 'public' } });
  await expect(saveRuleSet(runtime.deps, admin, { ruleSetVersion: 'local-2026' })).rejects.toBeInstanceOf(InputInvalidError);
  // Every stored version is on the 规则设置 list, beside the built-in one.
  expect((await listRuleSets(runtime.deps, admin)).map((r) => [r.version, r.builtIn])).toEqual([['2014', true], ['local-2026', false]]);
  expect((await getRuleSet(runtime.deps)).ruleSetVersion).toBe('2014');
  await expect(getRuleSet(runtime.deps, 'nope')).rejects.toBeInstanceOf(RecordNotFoundError);
  const opened = await driver.open('local-2026');
  expect(opened.ruleSetVersion).toBe('local-2026');
  await driver.at('2026-02-06T02:00:00.000Z');
  const record = await driver.submit('talk', { talkDate: '2026-02-06', talker: '李', content: '谈话' });
  expect(record.lateFlag).toBeUndefined(); // 2 months under this rule set
});

test('period records only in their period: evaluations while an activist, the oath after admission', async () => {
  await driver.open();
  await expect(driver.record('evaluation', { evaluationDate: '2026-01-05', content: '好' })).rejects.toThrow(DevelopmentCaseStateError);
  await expect(driver.record('oath', { oathDate: '2026-01-05', place: '会议室' })).rejects.toThrow('“入党宣誓”在上级党委批准为预备党员后、转正前登记。');
});
