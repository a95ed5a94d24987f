import { getOrganization } from '../../../shared/store/orgs-repo';
import { ElectionState } from '../../../workflows/election/election-states';
import type { TestRuntime } from '../../support/local-runtime';
import { recordRound } from '../../../shared/services/election';
import { ElectionDriver, branchStaff, recommendationForm, startElectionRuntime } from './election-fixtures';

let runtime: TestRuntime;
beforeEach(async () => {
  runtime = await startElectionRuntime();
});
afterEach(async () => {
  await runtime.shutdown();
});

test('standard form: a rejected candidate list returns to recommendation; an unfilled seat goes to a further election; the new committee elects its officers', async () => {
  const election = await ElectionDriver.create(runtime, 'standard', 3, 1);
  await election.throughEvaluation();
  await election.submit('recommendation', recommendationForm(['张伟', '王芳', '李娜', '刘洋']));
  expect(await election.state()).toBe(ElectionState.candidateListApproval);

  await election.decide('rejected');
  expect(await election.state()).toBe(ElectionState.democraticRecommendation);
  expect((await election.file()).election).toMatchObject({ candidates: [], approvals: [{ kind: 'request', outcome: 'approved' }, { kind: 'candidate-list', outcome: 'rejected' }] });

  await election.submit('recommendation', recommendationForm(['张伟', '王芳', '陈静', '杨帆']));
  await election.decide('approved');
  await runtime.advanceTo('2026-09-30T00:00:00.000Z');
  expect(await election.state()).toBe(ElectionState.electionRound);

  // Ballot by ballot, checked against the counters' sheet (reconcileRound): a disagreement is refused, nothing recorded.
  const ballots = [...Array.from({ length: 11 }, () => ['张伟', '王芳']), 'spoiled'];
  const entry = { mode: 'ballots', ballots, sheet: { returned: 11, invalid: 0, spoiled: 1, votes: { 张伟: 11, 王芳: 11 } } };
  const refused = await recordRound(runtime.deps, branchStaff, election.electionId, { meetingDate: '2026-09-30', shouldAttend: 12, present: 12, ballotsIssued: 12, roundNo: 1, entry }).catch((e: unknown) => e);
  expect(refused).toMatchObject({ httpStatus: 422, fieldErrors: { 'sheet.returned': '汇总表收回票 11 张，逐张录入为 12 张' } });
  expect((await election.file()).rounds).toEqual([]);

  // 陈静 and 杨帆 stay at or below half (6 of 12): one seat unfilled.
  const first = await election.round({ 张伟: 10, 王芳: 9, 陈静: 6, 杨帆: 5 });
  expect(first.next).toEqual({ kind: 'unfilled', seats: 1, others: ['杨帆', '陈静'] }); // ballot order (姓氏笔画)
  expect(await election.state()).toBe(ElectionState.seatsDecision);

  // Fewer seats need more than half of those present: 6 of 12 is refused, nothing recorded.
  await expect(election.submit('seats-decision', { decision: 'fewer', votesFor: '6', present: '12' })).rejects.toMatchObject({ fieldErrors: { votesFor: expect.stringContaining('过半数') } });
  await election.submit('seats-decision', { decision: 'further', votesFor: '0', present: '12', note: '在未当选的两人中另行选举一名' });
  expect(await election.state()).toBe(ElectionState.electionRound);
  expect((await election.file()).election.ballot).toEqual({ contest: 'committee', seats: 1, candidates: ['杨帆', '陈静'] });

  const further = await election.round({ 陈静: 8, 杨帆: 3 });
  expect(further).toMatchObject({ no: 2, seats: 1, result: { elected: ['陈静'] }, next: { kind: 'complete' } });
  expect(await election.state()).toBe(ElectionState.officersMeeting);
  // The new committee's first meeting prints the secretary's ballot, then the deputy's: candidates entered first.
  expect((await election.file()).election.ballot).toEqual({ contest: 'secretary', seats: 1, candidates: [] });
  await expect(election.officerCandidates({ candidates: ['杨帆'] })).rejects.toMatchObject({ fieldErrors: { candidates: '书记候选人须是新当选的委员：“杨帆”不是。' } });
  await election.officerCandidates({ contest: 'secretary', candidates: ['陈静', '王芳'] });
  expect((await election.file()).election.ballot).toEqual({ contest: 'secretary', seats: 1, candidates: ['王芳', '陈静'] }); // 王 4, 陈 7
  await election.officerCandidates({ contest: 'deputy', candidates: ['张伟'] });
  expect((await election.file()).election.ballot).toEqual({ contest: 'deputy', seats: 1, candidates: ['张伟'] });

  await expect(election.submit('officers-meeting', { meetingDate: '2026-09-30', secretary: '杨帆', deputy: '王芳' })).rejects.toMatchObject({ fieldErrors: { secretary: '书记须从当选委员中选出。' } });
  await election.submit('officers-meeting', { meetingDate: '2026-09-30', secretary: '王芳', deputy: '张伟' });
  expect(await election.state()).toBe(ElectionState.resultsApproval);
  await election.decide('approved');

  expect((await election.execution()).status).toBe('SUCCEEDED');
  const org = await getOrganization(runtime.store, 'branch-1');
  expect(org?.committee.map((m) => [m.name, m.post])).toEqual([['王芳', 'secretary'], ['张伟', 'deputy-secretary'], ['陈静', 'member']]);
});

test('the higher organization rejects the request: the election ends Rejected', async () => {
  const election = await ElectionDriver.create(runtime, 'standard');
  await election.decide('rejected');
  const execution = await election.execution();
  expect(execution.status).toBe('SUCCEEDED');
  expect((await election.file()).election.status).toBe('rejected');
  expect((await runtime.stepFunctions.history(execution.executionArn)).some((e) => e.stateName === ElectionState.requestRejected)).toBe(true);
});
