import { chinaDate } from '../../../shared/domain/calendar';
import { DevelopmentRuleViolationError } from '../../../shared/services/development';
import { listCaseRecords } from '../../../shared/store/cases-repo';
import { startTestRuntime, type TestRuntime } from '../../support/local-runtime';
import { CaseDriver, setUpWorld } from './development-fixtures';

// Step 14: the application form is issued only after the admission notice has ended, so a form dated inside the
// notice period (its first day through its last) is refused, even when entered after the notice ended.
let runtime: TestRuntime;
let driver: CaseDriver;
beforeEach(async () => {
  runtime = await startTestRuntime('2026-01-05T02:00:00.000Z');
  driver = new CaseDriver(runtime, await setUpWorld(runtime));
});
afterEach(async () => {
  await runtime.shutdown();
});

async function toAdmissionNoticeEnded() {
  await driver.open();
  await driver.stage1();
  await driver.stage2();
  await driver.at('2027-01-05T02:00:00.000Z');
  await driver.stage3();
  await driver.start(4);
  await driver.submit('committeeReview', { reviewDate: driver.today(), conclusion: '同意提交预审。' });
  await driver.decide('approved');
  const notice = await driver.endNotice('admission');
  return { firstDay: chinaDate(new Date(notice.publishedAt)), lastDay: chinaDate(new Date(notice.endsAtMs)), dayAfter: driver.today() };
}

test('a form dated inside the admission notice period is refused with 422 and the dates named; the day after the end is accepted', async () => {
  const { firstDay, lastDay, dayAfter } = await toAdmissionNoticeEnded();
  for (const filledDate of [firstDay, lastDay]) {
    const refused = await driver.submit('applicationForm', { filledDate }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DevelopmentRuleViolationError);
    expect((refused as DevelopmentRuleViolationError).httpStatus).toBe(422);
    expect((refused as DevelopmentRuleViolationError).userMessage).toBe(
      `入党志愿书的填写日期 ${filledDate} 在拟接收预备党员公示期内（公示到 ${lastDay} 结束）；公示期满后方可发放和填写入党志愿书，请核对日期。`,
    );
  }
  expect((await listCaseRecords(runtime.store, driver.caseId)).steps.some((s) => s.stepKey === 'applicationForm')).toBe(false);
  expect(await driver.openSteps()).toEqual(['applicationForm']);
  await driver.submit('applicationForm', { filledDate: dayAfter });
  expect(await driver.openSteps()).toEqual(['generalMeeting']);
});
