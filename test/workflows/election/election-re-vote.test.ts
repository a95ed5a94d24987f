import { recordRound } from '../../../shared/services/election';
import { getOrganization } from '../../../shared/store/orgs-repo';
import { ElectionState } from '../../../workflows/election/election-states';
import { summaryRound } from '../../../scripts/bench/election-forms';
import type { TestRuntime } from '../../support/local-runtime';
import { ElectionDriver, branchStaff, recommendationForm, startElectionRuntime } from './election-fixtures';

// Issue 20 and the round entry of issue 13 (docs/domain/elections.md E4, E6, E8, E10, E11) over the synthesized ASL.
let runtime: TestRuntime;
beforeEach(async () => {
  runtime = await startElectionRuntime();
});
afterEach(async () => {
  await runtime.shutdown();
});

/** 公推直选 with 4 candidates for 3 seats, up to the committee's first round (2026-09-30, the planned meeting). */
async function toCommitteeRound(extra: Record<string, string> = {}): Promise<ElectionDriver> {
  const election = await ElectionDriver.create(runtime, 'gongtui', 3, 1, extra);
  await election.throughEvaluation();
  await election.submit('recommendation', recommendationForm(['张伟', '王芳', '李娜', '刘洋']));
  await election.decide('approved');
  await runtime.advanceTo('2026-09-30T00:00:00.000Z');
  expect(await election.state()).toBe(ElectionState.electionRound);
  return election;
}

test('公推直选: the committee round ties at the last seat, the re-vote elects by most votes (6 of 12 with an abstention); write-ins only for the eligible', async () => {
  const election = await toCommitteeRound();
  expect((await election.file()).election).toMatchObject({ rulesVersion: '2020', rules: { tieReVote: 'mostVotes', majorityBase: 'shouldAttend' } });

  // Round 1: 王芳 and 李娜 tie for the last seat; a write-in for someone outside the branch counts for no one.
  const first = await election.round({ 张伟: 10, 刘洋: 9, 王芳: 7, 李娜: 7, 外单位人员: 3 });
  expect(first).toMatchObject({ no: 1, meetingDate: '2026-09-30', result: { elected: ['张伟', '刘洋'], ineligible: { 外单位人员: 3 } }, next: { kind: 're-vote', among: ['王芳', '李娜'], seats: 1 } });
  expect(first.result.votes).not.toHaveProperty('外单位人员');
  expect(await election.state()).toBe(ElectionState.electionRound);
  expect((await election.file()).election.ballot).toEqual({ contest: 'committee', seats: 1, candidates: ['王芳', '李娜'], reVote: true });

  // The re-vote: 6 to 5 with one abstention. 6 is exactly half of the 12 who should attend: by the majority test
  // nobody would be elected; the regulation elects the one with more votes.
  const reVote = await election.round({ 王芳: 6, 李娜: 5 });
  expect(reVote).toMatchObject({ no: 2, candidates: ['王芳', '李娜'], result: { valid: true, elected: ['王芳'], byMostVotes: true }, next: { kind: 'complete' } });
  expect(await election.state()).toBe(ElectionState.officersRound);
  expect((await election.file()).election.elected).toEqual(['张伟', '刘洋', '王芳']);

  // The secretary from the new committee: a write-in for a member not elected to it counts for no one.
  const secretary = await election.round({ 张伟: 8, 刘洋: 3, 李娜: 1 }, { candidates: ['张伟', '刘洋'] });
  expect(secretary).toMatchObject({ contest: 'secretary', result: { elected: ['张伟'], ineligible: { 李娜: 1 } } });
  // One person, one post: votes for the secretary in the deputy's round count for no one.
  const deputy = await election.round({ 刘洋: 9, 张伟: 2 }, { candidates: ['刘洋'] });
  expect(deputy).toMatchObject({ contest: 'deputy', result: { elected: ['刘洋'], ineligible: { 张伟: 2 } } });
  expect(await election.state()).toBe(ElectionState.resultsApproval);

  await election.decide('approved');
  const org = await getOrganization(runtime.store, 'branch-1');
  expect(org?.committee.map((m) => [m.name, m.post])).toEqual([['张伟', 'secretary'], ['刘洋', 'deputy-secretary'], ['王芳', 'member']]);
});

test('a re-vote tied again is voted again among the same names', async () => {
  const election = await toCommitteeRound();
  await election.round({ 张伟: 10, 刘洋: 9, 王芳: 7, 李娜: 7 });
  const tiedAgain = await election.round({ 王芳: 5, 李娜: 5 });
  expect(tiedAgain).toMatchObject({ no: 2, result: { elected: [], tiedForLastSeat: ['王芳', '李娜'] }, next: { kind: 're-vote', among: ['王芳', '李娜'], seats: 1 } });
  expect(await election.state()).toBe(ElectionState.electionRound);
  expect(await election.round({ 王芳: 4, 李娜: 7 })).toMatchObject({ no: 3, result: { elected: ['李娜'] }, next: { kind: 'complete' } });
  expect(await election.state()).toBe(ElectionState.officersRound);
});

test('a round without a quorum, with more ballots than voters present, or a meeting that does not match the roster or the dates is refused: nothing recorded, the step stays open', async () => {
  const election = await toCommitteeRound();
  const votes = { 张伟: 9, 刘洋: 9, 王芳: 9, 李娜: 2 };
  const attempt = (over: Record<string, unknown>) => recordRound(runtime.deps, branchStaff, election.electionId, { ...summaryRound(12, 1, votes), meetingDate: '2026-09-30', ...over }).catch((e: unknown) => e);

  // 9 of 12 is below 4/5: not a vote.
  expect(await attempt({ present: 9, ballotsIssued: 9, entry: { mode: 'summary', returned: 9, invalid: 0, spoiled: 0, votes } })).toMatchObject({ httpStatus: 422, fieldErrors: { present: expect.stringContaining('会议未达到法定人数，不能表决，请重新召开') } });
  // One ballot per voter present.
  expect(await attempt({ present: 11, ballotsIssued: 12 })).toMatchObject({ httpStatus: 422, fieldErrors: { ballotsIssued: expect.stringContaining('多于实到的 11 人') } });
  // 应到 as the roster has it (12 voting members).
  expect(await attempt({ shouldAttend: 10, present: 10, ballotsIssued: 10 })).toMatchObject({ httpStatus: 422, fieldErrors: { shouldAttend: expect.stringContaining('按党员名册，2026-09-30 应到会有选举权的正式党员为 12 人') } });
  // Dated before the planned meeting, or in the future, or not at all.
  expect(await attempt({ meetingDate: '2026-09-29' })).toMatchObject({ fieldErrors: { meetingDate: expect.stringContaining('早于选举请示中计划召开党员大会的日期（2026-09-30）') } });
  expect(await attempt({ meetingDate: '2026-10-01' })).toMatchObject({ fieldErrors: { meetingDate: expect.stringContaining('晚于今天') } });
  expect(await attempt({ meetingDate: undefined })).toMatchObject({ fieldErrors: { meetingDate: expect.any(String) } });

  const file = await election.file();
  expect(file.rounds).toEqual([]);
  expect(file.election.roundCount).toBe(0);
  expect(file.openTask).toMatchObject({ subject: { stepKey: 'election-round' } });
  expect(file.audit.filter((e) => e.action === 'election.round-recorded')).toEqual([]);
  expect(await election.state()).toBe(ElectionState.electionRound);
  // Held again with a quorum, it counts.
  expect(await election.round({ 张伟: 10, 刘洋: 9, 王芳: 8, 李娜: 2 })).toMatchObject({ no: 1, next: { kind: 'complete' } });
});

test('an election created under the 1990 暂行条例 keeps it: more than half of those present elects', async () => {
  const election = await toCommitteeRound({ rulesVersion: '1990' });
  expect((await election.file()).election).toMatchObject({ rulesVersion: '1990', rules: { quorum: 'moreThanFourFifths', majorityBase: 'present' } });
  // 11 of 12 present (more than 4/5); 6 votes are more than half of the 11 present, exactly half of the 12 who should attend.
  const votes = { 张伟: 10, 刘洋: 9, 王芳: 6, 李娜: 2 };
  const entry = { mode: 'summary', returned: 11, invalid: 0, spoiled: 0, votes };
  const round = await recordRound(runtime.deps, branchStaff, election.electionId, { meetingDate: '2026-09-30', shouldAttend: 12, present: 11, ballotsIssued: 11, roundNo: 1, entry });
  expect(round).toMatchObject({ result: { threshold: 6, elected: ['张伟', '刘洋', '王芳'] }, next: { kind: 'complete' } });
});
