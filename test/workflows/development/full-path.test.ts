import { getCaseFile, DevelopmentCaseStateError, DevelopmentStageTooEarlyError } from '../../../shared/services/development';
import { listAudit } from '../../../shared/store/audit';
import { approvalSummary, getApproval } from '../../../shared/store/approvals-repo';
import { casePk } from '../../../shared/store/cases-repo';
import { getPerson } from '../../../shared/store/people-repo';
import { startTestRuntime, type TestRuntime } from '../../support/local-runtime';
import { CaseDriver, committeeStaff, setUpWorld } from './development-fixtures';

// The real ASL of the five stage machines (synthesized from the CDK app), the nested notice and approval machines,
// the real task handlers, DynamoDB Local, and a hand-driven clock.
let runtime: TestRuntime;
let driver: CaseDriver;
beforeEach(async () => {
  runtime = await startTestRuntime('2026-01-05T02:00:00.000Z');
  driver = new CaseDriver(runtime, await setUpWorld(runtime));
});
afterEach(async () => {
  await runtime.shutdown();
});

const executionOf = (caseId: string, stage: number, attempt = 1) =>
  runtime.stepFunctions.describeExecution(`arn:aws:states:local:000000000000:execution:development-stage-${stage}:case-${caseId}-stage-${stage}-${attempt}`);

test('the whole path from application to full membership, each stage its own execution', async () => {
  await driver.open();
  expect(await driver.openSteps()).toEqual(['talk']);
  await driver.stage1();
  expect(await executionOf(driver.caseId, 1)).toMatchObject({ status: 'SUCCEEDED', output: { outcome: 'completed', nextStage: { stage: 2, earliestStart: '2026-01-05' } } });
  await driver.stage2();
  expect(await driver.case()).toMatchObject({ stage: 2, stageState: 'between', nextStage: { stage: 3, attempt: 1, earliestStart: '2027-01-05' }, dates: { activistDate: '2026-01-05' } });

  // The cultivation year is a date on the case: stage III is refused before it, with the date named.
  await driver.at('2026-07-03T02:00:00.000Z');
  await driver.record('evaluation', { evaluationDate: '2026-07-03', content: '表现良好。' });
  const early = await driver.start(3).catch((e: unknown) => e);
  expect(early).toBeInstanceOf(DevelopmentStageTooEarlyError);
  expect((early as Error & { userMessage: string }).userMessage).toBe('第3阶段须在 2027-01-05 以后开始，现在还不能开始。届时系统会提醒您。');

  await driver.at('2027-01-05T02:00:00.000Z');
  await driver.stage3();
  await driver.start(4);
  await driver.submit('committeeReview', { reviewDate: driver.today(), conclusion: '同意提交预审。' });
  await driver.decide('approved');
  // No application form before the admission notice has ended: neither the workflow nor a direct attempt.
  expect(await driver.openSteps()).toEqual([]);
  const refused = await driver.submit('applicationForm', { filledDate: driver.today() }).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(DevelopmentCaseStateError);
  expect((refused as DevelopmentCaseStateError).userMessage).toMatch(/^拟接收预备党员公示期满、且没有查实的异议后，方可发放和填写入党志愿书；公示期到 \d{4}-\d{2}-\d{2} 结束。$/);
  await driver.endNotice('admission');
  expect(await driver.openSteps()).toEqual(['applicationForm']);
  await driver.submit('applicationForm', { filledDate: driver.today() });
  const meetingDate = driver.today();
  await driver.stage4FromMeeting(meetingDate);
  const afterAdmission = await driver.case();
  expect(afterAdmission).toMatchObject({ stageState: 'between', dates: { admissionMeetingDate: meetingDate, admissionApprovalDate: driver.today() } });
  const probationEnd = afterAdmission.nextStage!.earliestStart;
  expect(probationEnd).toBe(`${Number(meetingDate.slice(0, 4)) + 1}${meetingDate.slice(4)}`);
  await driver.record('placement', { placedDate: driver.today(), partyGroup: '第一党小组' });
  await driver.record('oath', { oathDate: driver.today(), place: '党员活动室' });
  await driver.record('probationEvaluation', { evaluationDate: driver.today(), content: '表现良好。' });

  await driver.at(`${probationEnd}T02:00:00.000Z`);
  await driver.start(5);
  await driver.submit('conversionApplication', { applicationDate: driver.today() });
  await driver.endNotice('conversion');
  await driver.submit('conversionMeeting', driver.vote(driver.today(), { outcome: 'on-time' }));
  await driver.decide('approved');
  await driver.submit('archive', { archivedDate: driver.today(), location: '机关党委组织科档案柜' }, committeeStaff);

  const file = await getCaseFile(runtime.deps, committeeStaff, driver.caseId);
  expect(file.case).toMatchObject({ status: 'full-member', stageState: 'closed' });
  expect(file.steps.map((s) => s.stepNo)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
  expect(file.notices.map((n) => [n.notice.kind, n.notice.result])).toEqual([['activist', 'proceed'], ['development-target', 'proceed'], ['admission', 'proceed'], ['conversion', 'proceed']]);
  expect(file.notices[0].notice).toHaveProperty('subject', { name: '张三', gender: '男', birthYearMonth: '1998-03', education: '大学本科', unitPost: '综合科 科员' });
  expect(file.approvals.map((a) => [a.stepKey, a.status])).toEqual([['preReview', 'approved'], ['admissionApproval', 'approved'], ['conversionApproval', 'approved']]);
  expect(file.filings.map((f) => [f.stepKey, f.filedWith])).toEqual([['activistFiling', '机关党委'], ['targetFiling', '机关党委'], ['admissionFiling', '机关党委']]);
  // The second half-year had no evaluation: recorded and shown with the decision on the development target.
  expect(file.steps.find((s) => s.stepKey === 'targetDecision')?.explanations).toEqual([{ code: 'EVALUATION_MISSING', message: '2026-07-05 至 2027-01-05 的半年考察没有记录（每半年应考察一次）。' }]);
  expect(file.steps.find((s) => s.stepKey === 'generalMeeting')?.values.voteResult).toBe('应到会 3 人，实到 3 人，赞成票 3 票（含书面意见），超过应到会人数的半数，通过。');
  for (const stage of [1, 2, 3, 4, 5]) expect((await executionOf(driver.caseId, stage)).status).toBe('SUCCEEDED');
  // The registry follows the case: the person is now a full member, with the dated steps of the way.
  const person = await getPerson(runtime.store, file.case.personId);
  expect(person?.status).toBe('full');
  expect(person?.statusHistory.map((h) => [h.value, h.from])).toEqual([
    ['applicant', '2025-12-01'], ['activist', '2026-01-05'], ['development-target', '2027-01-05'], ['probationary', meetingDate], ['full', probationEnd],
  ]);
  const actions = (await listAudit(runtime.store, casePk(driver.caseId))).map((e) => e.action);
  expect(actions.filter((a) => a === 'case.stage-ended')).toHaveLength(5);
  // The approver's summary carries the notice results that came before each approval (issue 13 item 19).
  const summary = async (step: string) => approvalSummary(runtime.store, (await getApproval(runtime.store, `${driver.caseId}-${step}-1`))!);
  expect(await summary('preReview')).toMatch(/发展对象公示（\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}）：公示期满，无异议/);
  expect(await summary('admissionApproval')).toMatch(/拟接收预备党员公示（\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}）：公示期满，无异议/);
  expect(await summary('conversionApproval')).toMatch(/预备党员转正公示（\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}）：公示期满，无异议/);
  expect(await summary('preReview')).not.toContain('拟接收预备党员公示');
});
