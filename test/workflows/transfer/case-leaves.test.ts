import { getCaseFile, submitStepForm } from '../../../shared/services/development';
import { getTransferLetter, recordReceipt } from '../../../shared/services/transfer';
import { runScheduledWork } from '../../../shared/services/scheduled/tick';
import { listAudit } from '../../../shared/store/audit';
import { getOpenCaseIdOf } from '../../../shared/store/cases-repo';
import { getPerson } from '../../../shared/store/people-repo';
import { listOpenTasks } from '../../../shared/store/tasks-repo';
import { getTransfer } from '../../../shared/store/transfers-repo';
import { startTestRuntime, type TestRuntime } from '../../support/local-runtime';
import { branchStaff, CaseDriver, setUpWorld, type World } from '../development/development-fixtures';
import { letterOutside, toDevelopmentTarget } from './outside-case-fixtures';
import { executionArnOf } from './transfer-fixtures';

// A member whose membership goes outside the system takes his development case with him (docs/domain/transfer.md
// T8b, T8c): the letter says where the case stands, and the recorded receipt closes it here. On virtual time, over
// the synthesized ASL of the transfer and the development stages.

let runtime: TestRuntime;
let world: World;
let driver: CaseDriver;

beforeEach(async () => {
  runtime = await startTestRuntime('2026-01-05T01:00:00.000Z');
  world = await setUpWorld(runtime);
  driver = new CaseDriver(runtime, world);
});
afterEach(async () => runtime.shutdown());

const version = async (transferId: string) => String((await getTransfer(runtime.store, transferId))?.version);

const transferOutside = () => letterOutside(runtime, driver, world);


test('a development target in stage IV goes outside: the letter states his case; the receipt closes it, stops its stage and its reminders', async () => {
  await toDevelopmentTarget(driver);
  const target = await driver.case();
  await driver.start(4);
  expect((await listOpenTasks(runtime.store, ['branch-1'])).map((t) => t.subject.stepKey)).toEqual(['committeeReview']);
  const transferId = await transferOutside();

  const letter = await getTransferLetter(runtime.deps, branchStaff, transferId);
  expect(letter.development).toMatchObject({
    standing: '发展对象', progress: '正在办理第四阶段：预备党员的接收', caseId: driver.caseId,
    dates: [
      { label: '递交入党申请书', date: '2026-01-05' }, { label: '确定为入党积极分子', date: '2026-01-05' }, { label: '确定为发展对象', date: target.dates.targetDate },
    ],
  });

  await runtime.advanceTo('2027-02-10T02:00:00.000Z');
  await recordReceipt(runtime.deps, branchStaff, transferId, { receiptDate: '2027-02-08', version: await version(transferId) });
  await runtime.stepFunctions.settled();
  expect((await runtime.stepFunctions.describeExecution(executionArnOf(transferId))).status).toBe('SUCCEEDED');
  expect(await getTransfer(runtime.store, transferId)).toMatchObject({ status: 'received', closedCaseId: driver.caseId });

  // The case: closed as gone with the person, not ended; dates and records as they were; the stage stopped, its task closed.
  const file = await getCaseFile(runtime.deps, branchStaff, driver.caseId);
  expect(file.case).toMatchObject({ status: 'transferred-out', stageState: 'closed', dates: { ...target.dates, closedDate: '2027-02-08' } });
  expect(file.case.ending).toBeUndefined();
  expect(file.case.nextStage).toBeUndefined();
  expect(file.case.outcomeReasons.at(-1)).toBe('随组织关系转出本系统：转往中共某县委组织部，回执日期 2027-02-08，发展党员材料随介绍信转交。');
  expect(file.steps.map((s) => s.stepNo)).toEqual([1, 2, 3, 4, 5, 7, 8, 9, 10, 11]);
  expect(file.deadlines).toEqual([]);
  expect(await listOpenTasks(runtime.store, ['branch-1'])).toEqual([]);
  const stage4 = `arn:aws:states:local:000000000000:execution:development-stage-4:case-${driver.caseId}-stage-4-1`;
  expect((await runtime.stepFunctions.describeExecution(stage4)).status).toBe('ABORTED');
  expect((await listAudit(runtime.store, `CASE#${driver.caseId}`)).at(-1)).toMatchObject({
    action: 'case.transferred-out', details: { transferId, toOrg: '中共某县委组织部', receiptDate: '2027-02-08', stage: 4, tasksClosed: 1 },
  });
  expect(await getOpenCaseIdOf(runtime.store, world.applicantId)).toBeUndefined();
  expect(await getPerson(runtime.store, world.applicantId)).toMatchObject({ status: 'transferred-out' });

  // Read-only from now on, and nothing of it is due: no step, no reminder.
  await expect(submitStepForm(runtime.deps, branchStaff, driver.caseId, 'committeeReview', { reviewDate: driver.today(), conclusion: '同意' })).rejects.toMatchObject({ httpStatus: 409 });
  const sent = runtime.mailer.sent.length;
  expect((await runScheduledWork(runtime.deps)).development).toEqual({ stageReminders: 0, approvalsOverdue: 0, approvalsBlocked: 0 });
  expect(runtime.mailer.sent.slice(sent).filter((m) => m.subject.includes('张三'))).toEqual([]);
});

test('a probationary member goes outside: the receipt closes his case, which 终止发展 could not; the letter gives the end of probation', async () => {
  await toDevelopmentTarget(driver);
  await driver.stage4ToMeeting();
  await driver.stage4FromMeeting();
  const probation = await driver.case();
  const transferId = await transferOutside();
  const letter = await getTransferLetter(runtime.deps, branchStaff, transferId);
  expect(letter.development).toMatchObject({ standing: '预备党员', periodEnd: { label: '预备期满', date: probation.nextStage?.earliestStart } });
  await recordReceipt(runtime.deps, branchStaff, transferId, { receiptDate: driver.today(), version: await version(transferId) });
  await runtime.stepFunctions.settled();
  expect(await driver.case()).toMatchObject({ status: 'transferred-out', dates: { ...probation.dates, closedDate: driver.today() } });
  expect(await getPerson(runtime.store, world.applicantId)).toMatchObject({ status: 'transferred-out' });
});
