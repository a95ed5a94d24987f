import type { Actor } from '../../../../shared/services/actor';
import { applyElectionEndDecisions, createElection, ElectionEndNotPossibleError, requestElectionEnd } from '../../../../shared/services/election';
import { AuthForbiddenError } from '../../../../shared/errors';
import { decideByLink, viewApprovalLink } from '../../../../shared/services/approval';
import { listAudit } from '../../../../shared/store/audit';
import { approvalPk, getApproval } from '../../../../shared/store/approvals-repo';
import { getTask } from '../../../../shared/store/tasks-repo';
import { approvalLinkIn } from '../../../../scripts/bench/election-forms';
import type { TestRuntime } from '../../../support/local-runtime';
import { branchStaff, ElectionDriver, executionArnOf, startElectionRuntime } from '../../../workflows/election/election-fixtures';
import { ElectionState } from '../../../../workflows/election/election-states';

// Issue 13 item 2: ending an election (终止) — asked by the higher committee's staff with a reason, approved by the
// approving organization through the approval link, recorded, the execution stopped, the organization free again.
let runtime: TestRuntime;
beforeEach(async () => {
  runtime = await startElectionRuntime();
});
afterEach(async () => {
  await runtime.shutdown();
});

const committeeStaff: Actor = { id: 'wang-1', displayName: '王组织员', role: 'committee-staff', orgId: 'committee-1', scopeOrgIds: ['committee-1'] };
const REASON = '支部有表决权的党员只有 3 名，海选无法产生足够的候选人，终止后重新发起。';

test('ended with the higher committee\'s approval: recorded with its reason, the execution stopped, a new election may start', async () => {
  const election = await ElectionDriver.create(runtime, 'gongtui');
  await election.decide('approved');
  expect(await election.state()).toBe(ElectionState.announcement);
  const stepTaskId = (await election.file()).election.currentTaskId!;

  await expect(requestElectionEnd(runtime.deps, branchStaff, election.electionId, { reason: REASON })).rejects.toBeInstanceOf(AuthForbiddenError);
  await expect(requestElectionEnd(runtime.deps, committeeStaff, election.electionId, { reason: ' ' })).rejects.toMatchObject({ httpStatus: 422, fieldErrors: { reason: expect.stringMatching(/终止原因/) } });
  const requested = await requestElectionEnd(runtime.deps, committeeStaff, election.electionId, { reason: REASON });
  expect(requested.endRequest).toMatchObject({ reason: REASON, requestedBy: '王组织员' });
  await expect(requestElectionEnd(runtime.deps, committeeStaff, election.electionId, { reason: REASON })).rejects.toBeInstanceOf(ElectionEndNotPossibleError);
  await runtime.stepFunctions.settled();
  expect(runtime.mailer.sent.at(-1)?.subject).toContain('关于终止办公室党支部换届选举的请示');

  // Not decided yet: nothing changes.
  expect(await applyElectionEndDecisions(runtime.deps)).toBe(0);
  expect((await election.file()).election.status).toBe('running');

  await election.decide('approved');
  expect(await applyElectionEndDecisions(runtime.deps)).toBe(1);
  await runtime.stepFunctions.settled();
  const file = await election.file();
  expect(file.election).toMatchObject({ status: 'ended', endReason: REASON });
  expect(file.election.endRequest).toBeUndefined();
  expect(file.audit.map((e) => e.action)).toEqual(expect.arrayContaining(['election.end-requested', 'election.ended']));
  expect((await election.execution()).status).not.toBe('RUNNING');
  expect((await runtime.stepFunctions.describeExecution(executionArnOf(election.electionId))).status).toBe('FAILED');
  expect((await getTask(runtime.store, stepTaskId))?.status).toBe('done');
  expect(await applyElectionEndDecisions(runtime.deps)).toBe(0); // applied once

  const again = await createElection(runtime.deps, branchStaff, {
    orgId: 'branch-1', form: 'gongtui', seats: '3', deputies: '1', meetingDate: '2026-11-20', structure: '委员 3 名', method: '差额选举',
  });
  expect(again.status).toBe('running');
});

test('a refused end request leaves the election running; it may be asked again', async () => {
  const election = await ElectionDriver.create(runtime, 'gongtui');
  await election.decide('approved');
  await requestElectionEnd(runtime.deps, committeeStaff, election.electionId, { reason: REASON });
  await runtime.stepFunctions.settled();
  await election.decide('rejected');
  expect(await applyElectionEndDecisions(runtime.deps)).toBe(1);
  const file = await election.file();
  expect(file.election.status).toBe('running');
  expect(file.election.endRequest).toBeUndefined();
  expect(file.audit.map((e) => e.action)).toContain('election.end-rejected');
  expect(await election.state()).toBe(ElectionState.announcement);
});

test('ended while the higher committee has the election request: the pending approval is cancelled, its link decides nothing, the execution stopped', async () => {
  const election = await ElectionDriver.create(runtime, 'gongtui');
  expect(await election.state()).toBe(ElectionState.requestApproval);
  const requestLink = approvalLinkIn(runtime.mailer.sent, 'zhao@example.org', (subject) => subject.startsWith('【审批】'));
  expect((await viewApprovalLink(runtime.deps, requestLink)).state).toBe('pending');

  await requestElectionEnd(runtime.deps, committeeStaff, election.electionId, { reason: REASON });
  await runtime.stepFunctions.settled();
  await election.decide('approved'); // the end request: the latest mail
  expect(await applyElectionEndDecisions(runtime.deps)).toBe(1);
  await runtime.stepFunctions.settled();

  const file = await election.file();
  expect(file.election.status).toBe('ended');
  expect(file.audit.find((e) => e.action === 'election.ended')?.details).toMatchObject({ reason: REASON, approvalsCancelled: 1 });
  const requestApprovalId = `${election.electionId}-request-1`;
  expect(await getApproval(runtime.store, requestApprovalId)).toMatchObject({ status: 'cancelled', cancelled: { reason: '办公室党支部换届选举已终止' } });
  expect((await listAudit(runtime.store, approvalPk(requestApprovalId))).map((e) => e.action)).toContain('approval.cancelled');
  // The link opened afterwards: cancelled, with why; a decision through it changes nothing.
  expect(await viewApprovalLink(runtime.deps, requestLink)).toMatchObject({ state: 'cancelled', reason: '办公室党支部换届选举已终止' });
  const after = await decideByLink(runtime.deps, requestLink, { outcome: 'approved', meetingDate: '2026-10-01', comment: '同意' }, { ip: '203.0.113.7', userAgent: 'test' });
  expect(after.state).toBe('cancelled');
  expect(await getApproval(runtime.store, requestApprovalId)).toMatchObject({ status: 'cancelled', decisions: [] });
  await runtime.stepFunctions.settled();
  expect((await runtime.stepFunctions.describeExecution(executionArnOf(election.electionId))).status).toBe('ABORTED');
  expect((await election.file()).election).toMatchObject({ status: 'ended', approvals: [] });
});
