import { fileObjection, objectionTaskId, recordObjectionOutcomes } from '../../../shared/services/notice';
import { caseNoticeId, DevelopmentCaseStateError, DevelopmentRuleViolationError, saveRuleSet } from '../../../shared/services/development';
import type { Actor } from '../../../shared/services/actor';
import { listObjections } from '../../../shared/store/objections-repo';
import { listAudit } from '../../../shared/store/audit';
import { getPerson, personPk } from '../../../shared/store/people-repo';
import { meetingAttendanceOf } from '../../../shared/services/registry/questions';
import { startTestRuntime, type TestRuntime } from '../../support/local-runtime';
import { CaseDriver, branchStaff, committeeStaff, setUpWorld } from './development-fixtures';

let runtime: TestRuntime;
let driver: CaseDriver;
const admin: Actor = { id: 'admin', displayName: '管理员', role: 'admin', orgId: 'committee-1', scopeOrgIds: ['committee-1', 'branch-1'] };

beforeEach(async () => {
  runtime = await startTestRuntime('2026-01-05T02:00:00.000Z');
  driver = new CaseDriver(runtime, await setUpWorld(runtime));
});
afterEach(async () => {
  await runtime.shutdown();
});

/** A rule set by configuration with every notice node off: the stages skip the notices. */
async function openWithoutNotices() {
  await saveRuleSet(runtime.deps, admin, { ruleSetVersion: 'test-no-notices', noticeNodes: { activist: false, developmentTarget: false, admission: false, conversion: false } });
  return driver.open('test-no-notices');
}

async function toStage4() {
  await driver.stage1();
  await driver.start(2);
  await driver.submit('activistDecision', { decisionDate: driver.today(), memberRecommendations: 3, massRecommendations: 0, decidedBy: 'branch-committee', minutes: '同意' });
  await expect(driver.submit('contacts', { assignedDate: driver.today(), contactIds: ['unknown-person'] })).rejects.toBeInstanceOf(DevelopmentRuleViolationError);
  await driver.submit('contacts', { assignedDate: driver.today(), contactIds: [(await driver.world()).members[0]] });
  await driver.at('2027-01-05T02:00:00.000Z');
  await driver.start(3);
  await driver.submit('targetDecision', { decisionDate: driver.today(), groupOpinion: '同意', contactsOpinion: '同意', membersOpinion: '同意', minutes: '同意' });
  await driver.submit('sponsors', { assignedDate: driver.today(), sponsorIds: (await driver.world()).members.slice(1, 3) });
  await driver.submit('politicalReview', { reviewDate: driver.today(), result: 'qualified', conclusion: '合格' }, committeeStaff);
  await driver.submit('training', { startDate: driver.today(), endDate: driver.today(), hours: 24, organizer: '机关党委' }, committeeStaff);
  await driver.start(4);
  await driver.submit('committeeReview', { reviewDate: driver.today(), conclusion: '同意' });
  await driver.decide('approved');
  await driver.submit('applicationForm', { filledDate: driver.today() });
}

async function toConversionMeeting() {
  await toStage4();
  await driver.stage4FromMeeting();
  const devCase = await driver.case();
  await driver.at(`${devCase.nextStage!.earliestStart}T02:00:00.000Z`);
  await driver.start(5);
  await driver.submit('conversionApplication', { applicationDate: driver.today() });
}

test('a general meeting without a quorum is no vote: refused, nothing written, the step stays open', async () => {
  await openWithoutNotices();
  await toStage4();
  const before = await driver.case();
  const refused = await driver.submit('generalMeeting', driver.vote(driver.today(), { present: 1, yes: 1, confirmVoteFailed: 'on' })).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(DevelopmentRuleViolationError);
  expect((refused as DevelopmentRuleViolationError).problems.map((p) => p.code)).toEqual(['NO_QUORUM']);
  expect((refused as DevelopmentRuleViolationError).userMessage).toContain('会议未达到法定人数，不能表决，请重新召开');
  expect(await driver.case()).toEqual(before);
  expect(await driver.openSteps()).toEqual(['generalMeeting']);
  await driver.stage4FromMeeting();
  expect((await driver.case()).dates.admissionMeetingDate).toBe(driver.today());
});

test('a failed general-meeting vote is refused until staff confirm it; nothing is written before', async () => {
  await openWithoutNotices();
  await toStage4();
  const before = await driver.case();
  const unconfirmed = await driver.submit('generalMeeting', driver.vote(driver.today(), { present: 2, yes: 1, writtenYes: 0, writtenNo: 1 })).catch((e: unknown) => e);
  expect((unconfirmed as DevelopmentRuleViolationError).problems.map((p) => p.code)).toEqual(['VOTE_FAILED_UNCONFIRMED']);
  expect((unconfirmed as DevelopmentRuleViolationError).userMessage).toContain('确认表决未通过，结束本阶段');
  expect(await driver.case()).toEqual(before);
  expect(await driver.openSteps()).toEqual(['generalMeeting']);
});

test('a conversion meeting without a quorum is refused; a failed conversion vote needs confirmation', async () => {
  await openWithoutNotices();
  await toConversionMeeting();
  const before = await driver.case();
  const noQuorum = await driver.submit('conversionMeeting', driver.vote(driver.today(), { outcome: 'on-time', present: 1, yes: 1 })).catch((e: unknown) => e);
  expect((noQuorum as DevelopmentRuleViolationError).problems.map((p) => p.code)).toEqual(['NO_QUORUM']);
  const unconfirmed = await driver.submit('conversionMeeting', driver.vote(driver.today(), { outcome: 'on-time', present: 2, yes: 1 })).catch((e: unknown) => e);
  expect((unconfirmed as DevelopmentRuleViolationError).problems.map((p) => p.code)).toEqual(['VOTE_FAILED_UNCONFIRMED']);
  expect(await driver.case()).toEqual(before);
  expect(await driver.openSteps()).toEqual(['conversionMeeting']);
  await driver.submit('conversionMeeting', driver.vote(driver.today(), { outcome: 'on-time', present: 2, yes: 1, confirmVoteFailed: 'on' }));
  expect(await driver.case()).toMatchObject({ stageState: 'between', lastOutcome: 'vote-failed' });
});

test('a confirmed failed vote ends stage IV as vote-failed; staff run stage IV again (attempt 2)', async () => {
  await openWithoutNotices();
  await toStage4();
  await driver.submit('generalMeeting', driver.vote(driver.today(), { present: 2, yes: 1, writtenYes: 0, writtenNo: 1, confirmVoteFailed: 'on' }));
  const failed = await driver.case();
  expect(failed).toMatchObject({ stage: 4, attempt: 1, stageState: 'between', lastOutcome: 'vote-failed', nextStage: { stage: 4, attempt: 2, earliestStart: driver.today() } });
  expect(failed.dates.admissionMeetingDate).toBeUndefined();
  await driver.start(4);
  expect(await driver.openSteps()).toEqual(['committeeReview']);
  expect((await driver.case()).attempt).toBe(2);
});

test('the vote counts must match the roster: should-attend from the registry, quorum and majority of should-attend', async () => {
  await openWithoutNotices();
  await toStage4();
  const wrong = await driver.submit('generalMeeting', driver.vote(driver.today(), { shouldAttend: 16, present: 9, yes: 9 })).catch((e: unknown) => e);
  expect(wrong).toBeInstanceOf(DevelopmentRuleViolationError);
  expect((wrong as DevelopmentRuleViolationError).userMessage).toContain('按党员名册');
  expect(await driver.openSteps()).toEqual(['generalMeeting']);
});

test('probation extended once by 6 months, then converted on time at the new date', async () => {
  await openWithoutNotices();
  await toConversionMeeting();
  const probationEnd = driver.today();
  const tooLong = await driver.submit('conversionMeeting', driver.vote(driver.today(), { outcome: 'extend', extensionMonths: 13, reason: '需要继续考察' })).catch((e: unknown) => e);
  expect((tooLong as DevelopmentRuleViolationError).problems.map((p) => p.code)).toEqual(['EXTENSION_MONTHS']);
  await driver.submit('conversionMeeting', driver.vote(driver.today(), { outcome: 'extend', extensionMonths: 6, reason: '需要继续考察' }));
  const extended = await driver.case();
  const newEnd = `${probationEnd.slice(0, 5)}${String(Number(probationEnd.slice(5, 7)) + 6).padStart(2, '0')}${probationEnd.slice(7)}`;
  expect(extended).toMatchObject({ stageState: 'between', lastOutcome: 'extended', nextStage: { stage: 5, attempt: 2, earliestStart: newEnd }, dates: { probationExtensions: [6] } });
  await expect(driver.start(5)).rejects.toThrow(`第5阶段须在 ${newEnd} 以后开始`);
  await driver.at(`${newEnd}T02:00:00.000Z`);
  await driver.start(5);
  await driver.submit('conversionApplication', { applicationDate: driver.today() });
  const again = await driver.submit('conversionMeeting', driver.vote(driver.today(), { outcome: 'extend', extensionMonths: 6, reason: '再延长' })).catch((e: unknown) => e);
  expect((again as DevelopmentRuleViolationError).problems.map((p) => p.code)).toEqual(['EXTENSION_ALREADY_USED']);
  await driver.submit('conversionMeeting', driver.vote(driver.today(), { outcome: 'on-time' }));
  await driver.decide('approved');
  await driver.submit('archive', { archivedDate: driver.today(), location: '档案室' }, committeeStaff);
  expect(await driver.case()).toMatchObject({ status: 'full-member', dates: { conversionMeetingDate: newEnd } });
});

test('cancellation of probationary status closes the case and the registry no longer counts the person as a member', async () => {
  await openWithoutNotices();
  await toConversionMeeting();
  const { applicantId } = await driver.world();
  expect((await getPerson(runtime.store, applicantId))?.status).toBe('probationary');
  const meetingDate = driver.today();
  await driver.submit('conversionMeeting', driver.vote(meetingDate, { outcome: 'cancel', reason: '不具备党员条件' }));
  const cancelled = await driver.case();
  expect(cancelled).toMatchObject({ status: 'cancelled', stageState: 'closed', dates: { closedDate: driver.today() } });
  expect(cancelled.nextStage).toBeUndefined();
  await expect(driver.start(5)).rejects.toBeInstanceOf(DevelopmentCaseStateError);

  const person = (await getPerson(runtime.store, applicantId))!;
  expect(person.status).toBe('probation-cancelled');
  expect(person.statusHistory.at(-1)).toEqual({ value: 'probation-cancelled', from: meetingDate, note: '发展党员案件' });
  const changes = (await listAudit(runtime.store, personPk(applicantId))).filter((e) => e.action === 'person.status-changed');
  expect(changes.at(-1)?.details).toMatchObject({ before: '预备党员', after: '已取消预备党员资格', effective: meetingDate, caseId: driver.caseId });
  const attendance = await meetingAttendanceOf(runtime.deps, 'branch-1', driver.today());
  expect(attendance.shouldAttend.map((p) => p.id)).not.toContain(applicantId);
  expect(attendance.shouldAttendCount).toBe(3);
});

test('a founded objection to a notice stops the case', async () => {
  await driver.open();
  await driver.stage1();
  await driver.start(2);
  await driver.submit('activistDecision', { decisionDate: driver.today(), memberRecommendations: 3, massRecommendations: 0, decidedBy: 'branch-committee', minutes: '同意' });
  const noticeId = caseNoticeId(driver.caseId, 'activist', 1);
  await fileObjection(runtime.deps, noticeId, { content: '该同志在单位表现与公示不符。', name: '群众甲' });
  await driver.endNotice('activist');
  const [objection] = await listObjections(runtime.store, noticeId);
  await recordObjectionOutcomes(runtime.deps, branchStaff, objectionTaskId(noticeId), { [`decision.${objection.id}`]: 'founded', [`note.${objection.id}`]: '经调查属实。' });
  await runtime.stepFunctions.settled();
  expect(await driver.case()).toMatchObject({ status: 'stopped', stageState: 'closed', lastOutcome: 'stopped' });
  expect(await driver.openSteps()).toEqual([]);
});

test('a postponed objection: after the review date staff record proceed, and the stage goes on', async () => {
  await driver.open();
  await driver.stage1();
  await driver.start(2);
  await driver.submit('activistDecision', { decisionDate: driver.today(), memberRecommendations: 3, massRecommendations: 0, decidedBy: 'branch-committee', minutes: '同意' });
  const noticeId = caseNoticeId(driver.caseId, 'activist', 1);
  await fileObjection(runtime.deps, noticeId, { content: '需要核实。' });
  await driver.endNotice('activist');
  const [objection] = await listObjections(runtime.store, noticeId);
  await recordObjectionOutcomes(runtime.deps, branchStaff, objectionTaskId(noticeId), { [`decision.${objection.id}`]: 'postpone', [`note.${objection.id}`]: '待核实。', [`reviewDate.${objection.id}`]: '2026-02-27' });
  await runtime.stepFunctions.settled();
  expect(await driver.openSteps()).toEqual(['noticeReview-activist']);
  await driver.at('2026-02-27T02:00:00.000Z');
  await driver.submit('noticeReview-activist', { reviewedDate: driver.today(), decision: 'proceed', findings: '核实后异议不成立。' });
  expect(await driver.openSteps()).toEqual(['contacts']);
});
