import type { Actor } from '../../../shared/services/actor';
import { decideByLink } from '../../../shared/services/approval';
import { getCaseFile, startStage, submitStepForm } from '../../../shared/services/development';
import { acceptTransfer, cancelWaitToAccept, issueLetter, requestTransfer, waitToAccept } from '../../../shared/services/transfer';
import { runScheduledWork } from '../../../shared/services/scheduled/tick';
import { putAccount } from '../../../shared/store/accounts-repo';
import { listAudit } from '../../../shared/store/audit';
import { getPerson, replacePerson } from '../../../shared/store/people-repo';
import { transactWrite } from '../../../shared/store/transact';
import { getTransfer } from '../../../shared/store/transfers-repo';
import { listOpenTasks } from '../../../shared/store/tasks-repo';
import { startTestRuntime, type TestRuntime } from '../../support/local-runtime';
import { putTestOrg, putTestPerson, testOrg, testPerson } from '../../support/registry-fixtures';
import { branchStaff, CaseDriver, committeeStaff, setUpWorld, type World } from '../development/development-fixtures';

/** The receiving side: 业务一处党支部 under another committee (直属机关党委), with its staff and its approver. */
const receiver: Actor = { id: 'zuzhi-3', displayName: '周组织委员', role: 'branch-staff', orgId: 'branch-3', scopeOrgIds: ['branch-3'] };

async function addReceivingSide(runtime: TestRuntime): Promise<void> {
  const approver = await putTestPerson(runtime.store, testPerson({ orgId: 'committee-2', name: '钱书记', email: 'qian@example.org' }));
  await putTestOrg(runtime.store, testOrg({ id: 'committee-2', kind: 'committee', name: '直属机关党委', committee: [{ personId: approver.id, name: '钱书记', post: 'secretary' }] }));
  await putTestOrg(runtime.store, testOrg({ id: 'branch-3', kind: 'branch', parentId: 'committee-2', name: '业务一处党支部' }));
  await putAccount(runtime.store, { username: 'zuzhi-3', passwordHash: 'x', role: 'branch-staff', orgId: 'branch-3', email: 'zuzhi-3@example.org', displayName: '周组织委员' });
  await putAccount(runtime.store, { username: 'dangwei-2', passwordHash: 'x', role: 'committee-staff', orgId: 'committee-2', email: 'dangwei-2@example.org', displayName: '吴干事' });
}

let runtime: TestRuntime;
let world: World;
let driver: CaseDriver;

beforeEach(async () => {
  runtime = await startTestRuntime('2026-01-05T01:00:00.000Z');
  world = await setUpWorld(runtime);
  await addReceivingSide(runtime);
  driver = new CaseDriver(runtime, world);
});
afterEach(async () => runtime.shutdown());

async function transferTo(branch: string): Promise<string> {
  const [transfer] = await requestTransfer(runtime.deps, branchStaff, {
    orgId: 'branch-1', personIds: [world.applicantId], destinationKind: 'within', destinationOrgId: branch, reason: '工作调动', leavingDate: driver.today(), duesPaidTo: '2026-06',
  });
  await runtime.stepFunctions.settled();
  await issueLetter(runtime.deps, committeeStaff, transfer.id, { validityMonths: '3', version: '2' });
  await runtime.stepFunctions.settled();
  return transfer.id;
}

test('an activist moving mid-cultivation keeps his one-year date; the new branch starts stage III, decides, and is mailed its steps', async () => {
  await driver.open();
  await driver.stage1();
  await driver.stage2();
  const before = await driver.case();
  expect((await getPerson(runtime.store, world.applicantId))?.status).toBe('activist');
  const activistDate = before.dates.activistDate;
  const oneYear = before.nextStage;
  expect(oneYear?.stage).toBe(3);

  await driver.at('2026-06-15T02:00:00.000Z'); // half-way through the cultivation year
  const transferId = await transferTo('branch-3');
  const accepted = await acceptTransfer(runtime.deps, receiver, transferId, { version: String((await getTransfer(runtime.store, transferId))?.version) });
  await runtime.stepFunctions.settled();
  expect(accepted).toMatchObject({ status: 'accepted', movedCaseId: driver.caseId });

  const moved = await driver.case();
  expect(moved.orgId).toBe('branch-3');
  expect(moved.dates.activistDate).toBe(activistDate);
  expect(moved.nextStage).toEqual(oneYear);
  expect((await listAudit(runtime.store, `CASE#${driver.caseId}`)).at(-1)).toMatchObject({
    action: 'case.transferred', details: { fromOrg: '办公室党支部', toOrg: '业务一处党支部' },
  });
  // The file is the new branch's now; the old branch no longer reaches it.
  await expect(getCaseFile(runtime.deps, receiver, driver.caseId)).resolves.toBeDefined();
  await expect(getCaseFile(runtime.deps, branchStaff, driver.caseId)).rejects.toMatchObject({ httpStatus: 403 });

  // The year is reached on the same date as before; the new branch starts stage III and decides.
  await driver.at(`${oneYear?.earliestStart}T01:00:00.000Z`);
  await startStage(runtime.deps, receiver, driver.caseId, 3);
  await runtime.stepFunctions.settled();
  expect((await listOpenTasks(runtime.store, ['branch-3'])).map((t) => t.subject.stepKey)).toContain('targetDecision');
  expect(await listOpenTasks(runtime.store, ['branch-1'])).toEqual([]);
  await submitStepForm(runtime.deps, receiver, driver.caseId, 'targetDecision', {
    decisionDate: driver.today(), groupOpinion: '同意', contactsOpinion: '同意', membersOpinion: '同意', minutes: '支委会研究同意。',
  });
  await runtime.stepFunctions.settled();
  const steps = (await getCaseFile(runtime.deps, receiver, driver.caseId)).steps.map((s) => s.stepKey);
  expect(steps).toContain('targetDecision');
  const mailed = runtime.mailer.sent.filter((m) => [m.to].flat().includes('zuzhi-3@example.org')).map((m) => m.subject);
  expect(mailed.length).toBeGreaterThan(0);
});

test('a case with an open notice does not move: the acceptance is refused with what to wait for, and nothing moves', async () => {
  await driver.open();
  await driver.stage1();
  await driver.start(2);
  await driver.submit('activistDecision', { decisionDate: driver.today(), memberRecommendations: 3, massRecommendations: 1, decidedBy: 'branch-committee', minutes: '支委会研究同意。' });
  // The activist notice is open now. 张三 is still an applicant in the registry: make the request as for an activist.
  const person = await getPerson(runtime.store, world.applicantId);
  if (!person) throw new Error('no person');
  await transactWrite(runtime.store, [replacePerson(runtime.store, { ...person, status: 'activist', version: person.version + 1 })]);
  const transferId = await transferTo('branch-3');
  const version = String((await getTransfer(runtime.store, transferId))?.version);
  await expect(acceptTransfer(runtime.deps, receiver, transferId, { version })).rejects.toMatchObject({
    httpStatus: 409, userMessage: expect.stringContaining('尚未结束，请待公示期满后再接收'),
  });
  expect((await getPerson(runtime.store, world.applicantId))?.orgId).toBe('branch-1');
  expect((await driver.case()).orgId).toBe('branch-1');
  // The branch chooses to have it accepted once the notice is over: nothing moves while it runs.
  const waiting = await waitToAccept(runtime.deps, receiver, transferId, { version });
  expect(waiting.acceptWhenFree).toMatchObject({ by: 'zuzhi-3', byName: '周组织委员' });
  await expect(waitToAccept(runtime.deps, receiver, transferId, { version: String(waiting.version) })).rejects.toMatchObject({ httpStatus: 409 });
  expect((await runScheduledWork(runtime.deps)).transfersAccepted).toBe(0);
  expect((await driver.case()).orgId).toBe('branch-1');
  // Once the notice has ended, the next tick accepts in his name and the case moves with the person.
  await driver.endNotice('activist');
  expect((await runScheduledWork(runtime.deps)).transfersAccepted).toBe(1);
  await runtime.stepFunctions.settled();
  expect((await driver.case()).orgId).toBe('branch-3');
  expect((await getPerson(runtime.store, world.applicantId))?.orgId).toBe('branch-3');
  const accepted = await getTransfer(runtime.store, transferId);
  expect(accepted).toMatchObject({ status: 'accepted', decidedBy: 'zuzhi-3', movedCaseId: driver.caseId });
  expect(accepted?.acceptWhenFree).toBeUndefined();
  expect((await listAudit(runtime.store, `TRANSFER#${transferId}`)).map((e) => e.action)).toEqual(expect.arrayContaining(['transfer.accept-waiting', 'transfer.accepted']));
  expect(runtime.mailer.sent.some((m) => [m.to].flat().includes('zuzhi-3@example.org') && m.text.includes('已按周组织委员的登记自动接收'))).toBe(true);
  expect((await runScheduledWork(runtime.deps)).transfersAccepted).toBe(0);
});

test('waiting to accept: taken back by the branch; a letter expiring meanwhile ends the waiting, nothing moves', async () => {
  await driver.open();
  await driver.stage1();
  await driver.start(2);
  await driver.submit('activistDecision', { decisionDate: driver.today(), memberRecommendations: 3, massRecommendations: 1, decidedBy: 'branch-committee', minutes: '支委会研究同意。' });
  const person = await getPerson(runtime.store, world.applicantId);
  if (!person) throw new Error('no person');
  await transactWrite(runtime.store, [replacePerson(runtime.store, { ...person, status: 'activist', version: person.version + 1 })]);
  const transferId = await transferTo('branch-3');
  const version = async () => String((await getTransfer(runtime.store, transferId))?.version);
  await waitToAccept(runtime.deps, receiver, transferId, { version: await version() });
  const cancelled = await cancelWaitToAccept(runtime.deps, receiver, transferId, { version: await version() });
  expect(cancelled.acceptWhenFree).toBeUndefined();
  await waitToAccept(runtime.deps, receiver, transferId, { version: await version() });
  // The sending branch may not take the receiving side's choice.
  await expect(cancelWaitToAccept(runtime.deps, branchStaff, transferId, { version: await version() })).rejects.toMatchObject({ httpStatus: 403 });
  const validUntil = (await getTransfer(runtime.store, transferId))?.letters[0].validUntil ?? '';
  await driver.at(new Date(Date.parse(validUntil) + 1000).toISOString());
  expect((await runScheduledWork(runtime.deps)).transfersAccepted).toBe(0);
  const ended = await getTransfer(runtime.store, transferId);
  expect(ended).toMatchObject({ status: 'issued' });
  expect(ended?.acceptWhenFree).toBeUndefined();
  expect((await driver.case()).orgId).toBe('branch-1');
  expect(runtime.mailer.sent.some((m) => [m.to].flat().includes('zuzhi-3@example.org') && m.text.includes('介绍信已过有效期，未能自动接收'))).toBe(true);
});

test('a development target moves; the new branch runs stage IV and the pre-review goes to the new committee, which decides it', async () => {
  await driver.open();
  await driver.stage1();
  await driver.stage2();
  await driver.at(`${(await driver.case()).nextStage?.earliestStart}T01:00:00.000Z`);
  await driver.stage3();
  expect((await getPerson(runtime.store, world.applicantId))?.status).toBe('development-target');
  const transferId = await transferTo('branch-3');
  await acceptTransfer(runtime.deps, receiver, transferId, { version: String((await getTransfer(runtime.store, transferId))?.version) });
  await runtime.stepFunctions.settled();

  await startStage(runtime.deps, receiver, driver.caseId, 4);
  await runtime.stepFunctions.settled();
  const sentBefore = runtime.mailer.sent.length;
  await submitStepForm(runtime.deps, receiver, driver.caseId, 'committeeReview', { reviewDate: driver.today(), conclusion: '同意提交预审。' });
  await runtime.stepFunctions.settled();
  const approvalMails = runtime.mailer.sent.slice(sentBefore).filter((m) => m.subject.startsWith('【审批】'));
  expect(approvalMails.map((m) => [m.to].flat()).flat()).toEqual(['qian@example.org']);
  const link = /\/approvals\/([A-Za-z0-9_-]{43})/.exec(approvalMails[0].text)?.[1] ?? '';
  await decideByLink(runtime.deps, link, { outcome: 'approved', meetingDate: driver.today(), comment: '同意' }, { ip: '203.0.113.7', userAgent: 'test' });
  await runtime.stepFunctions.settled();
  const file = await getCaseFile(runtime.deps, receiver, driver.caseId);
  expect(file.steps.map((s) => s.stepKey)).toContain('preReview');
});

test("a probationary member moves; the new branch runs the conversion and the new committee approves it", async () => {
  const otherCommittee: Actor = { id: 'dangwei-2', displayName: '吴干事', role: 'committee-staff', orgId: 'committee-2', scopeOrgIds: ['committee-2', 'branch-3'] };
  for (const name of ['冯一', '陈二']) await putTestPerson(runtime.store, testPerson({ orgId: 'branch-3', name }));
  await driver.open();
  await driver.stage1();
  await driver.stage2();
  await driver.at(`${(await driver.case()).nextStage?.earliestStart}T01:00:00.000Z`);
  await driver.stage3();
  await driver.stage4ToMeeting();
  await driver.stage4FromMeeting();
  const probation = await driver.case();
  const probationEnd = probation.nextStage?.earliestStart ?? '';
  expect((await getPerson(runtime.store, world.applicantId))?.status).toBe('probationary');

  const transferId = await transferTo('branch-3');
  await acceptTransfer(runtime.deps, receiver, transferId, { version: String((await getTransfer(runtime.store, transferId))?.version) });
  await runtime.stepFunctions.settled();
  const moved = await driver.case();
  expect(moved).toMatchObject({ orgId: 'branch-3', dates: probation.dates, nextStage: probation.nextStage });

  // The probation year ends on the same date; the new branch runs stage V and its committee is asked.
  await driver.at(`${probationEnd}T02:00:00.000Z`);
  await startStage(runtime.deps, receiver, driver.caseId, 5);
  await runtime.stepFunctions.settled();
  await submitStepForm(runtime.deps, receiver, driver.caseId, 'conversionApplication', { applicationDate: driver.today() });
  await runtime.stepFunctions.settled();
  await driver.endNotice('conversion');
  const sentBefore = runtime.mailer.sent.length;
  await submitStepForm(runtime.deps, receiver, driver.caseId, 'conversionMeeting', driver.vote(driver.today(), { outcome: 'on-time', shouldAttend: 2, present: 2, yes: 2 }));
  await runtime.stepFunctions.settled();
  const approvalMails = runtime.mailer.sent.slice(sentBefore).filter((m) => m.subject.startsWith('【审批】'));
  expect(approvalMails.map((m) => [m.to].flat()).flat()).toEqual(['qian@example.org']);
  const link = /\/approvals\/([A-Za-z0-9_-]{43})/.exec(approvalMails[0].text)?.[1] ?? '';
  await decideByLink(runtime.deps, link, { outcome: 'approved', meetingDate: driver.today(), comment: '同意按期转正' }, { ip: '203.0.113.7', userAgent: 'test' });
  await runtime.stepFunctions.settled();
  await submitStepForm(runtime.deps, otherCommittee, driver.caseId, 'archive', { archivedDate: driver.today(), location: '直属机关党委组织科档案柜' });
  await runtime.stepFunctions.settled();

  const file = await getCaseFile(runtime.deps, receiver, driver.caseId);
  expect(file.case).toMatchObject({ status: 'full-member', stageState: 'closed', orgId: 'branch-3' });
  expect(file.approvals.map((a) => [a.stepKey, a.status])).toEqual([['preReview', 'approved'], ['admissionApproval', 'approved'], ['conversionApproval', 'approved']]);
  const person = await getPerson(runtime.store, world.applicantId);
  expect(person).toMatchObject({ orgId: 'branch-3', status: 'full' });
  expect(person?.statusHistory.at(-1)).toMatchObject({ value: 'full', from: probationEnd });
});
