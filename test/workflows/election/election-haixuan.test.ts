import { fileObjection, objectionTaskId, recordObjectionOutcomes } from '../../../shared/services/notice';
import { listObjections } from '../../../shared/store/objections-repo';
import { ElectionState } from '../../../workflows/election/election-states';
import type { TestRuntime } from '../../support/local-runtime';
import { ElectionDriver, branchStaff, startElectionRuntime } from './election-fixtures';

let runtime: TestRuntime;
beforeEach(async () => {
  runtime = await startElectionRuntime();
});
afterEach(async () => {
  await runtime.shutdown();
});

const openBallot = (present: number, votes: string) => ({ meetingDate: '2026-09-23', shouldAttend: '12', present: String(present), ballotsReturned: String(present), votes });

test('海选: the open first ballot ranks names to the list (refused without quorum); results rejected, the election is ended', async () => {
  const election = await ElectionDriver.create(runtime, 'haixuan', 3, 0);
  await election.throughEvaluation();
  expect(await election.state()).toBe(ElectionState.openBallot);

  // 9 of 12 present is below 4/5: not a vote. Refused, the step stays open, nothing recorded.
  await expect(election.submit('open-ballot', openBallot(9, '张伟 8\n王芳 7\n李娜 6\n刘洋 5\n陈静 4'))).rejects.toMatchObject({ fieldErrors: { present: expect.stringContaining('会议未达到法定人数，不能表决，请重新召开') } });
  expect(await election.state()).toBe(ElectionState.openBallot);
  expect((await election.file()).steps.filter((s) => s.stepKey === 'open-ballot')).toHaveLength(0);
  // 应到 as the roster has it: 12 voting members.
  await expect(election.submit('open-ballot', { ...openBallot(11, '张伟 9'), shouldAttend: '13' })).rejects.toMatchObject({ fieldErrors: { shouldAttend: expect.stringContaining('按党员名册') } });
  // Dated tomorrow: refused.
  await expect(election.submit('open-ballot', { ...openBallot(11, '张伟 9'), meetingDate: '2026-09-24' })).rejects.toMatchObject({ fieldErrors: { meetingDate: expect.stringContaining('晚于今天') } });
  // A name outside the branch's voting members cannot be a candidate.
  await expect(election.submit('open-ballot', openBallot(11, '张伟 9\n王芳 8\n李娜 7\n外单位人员 6'))).rejects.toMatchObject({ fieldErrors: { votes: expect.stringContaining('外单位人员') } });
  // 3 seats need 4 names: the top four, 孙燕 (不称职) left out.
  const outcome = await election.submit('open-ballot', openBallot(11, '孙燕 10\n张伟 9\n王芳 8\n李娜 7\n刘洋 6\n陈静 2'));
  expect(outcome).toMatchObject({ repeat: false, list: ['张伟', '王芳', '李娜', '刘洋'], needed: 4 });
  expect(await election.state()).toBe(ElectionState.candidateListApproval);

  await election.decide('approved');
  await runtime.advanceTo('2026-09-30T00:00:00.000Z');
  await election.round({ 张伟: 10, 王芳: 9, 李娜: 8, 刘洋: 2 });
  expect(await election.state()).toBe(ElectionState.officersMeeting);
  await election.submit('officers-meeting', { meetingDate: '2026-09-30', secretary: '张伟', deputy: '' });
  await election.decide('rejected');
  expect(await election.state()).toBe(ElectionState.resultsRejected);

  await election.submit('results-rejected', { decision: 'end', note: '上级党委不同意选举结果，本次选举终止' });
  const execution = await election.execution();
  expect(execution.status).toBe('SUCCEEDED');
  expect((await runtime.stepFunctions.history(execution.executionArn)).some((e) => e.stateName === ElectionState.ended)).toBe(true);
  expect((await election.file()).election).toMatchObject({ status: 'ended', completedAt: '2026-09-30T00:00:00.000Z' });
});

test('a founded objection to a candidate stops the candidate notice: back to the open ballot, the list cleared', async () => {
  const election = await ElectionDriver.create(runtime, 'haixuan', 3, 0);
  await election.throughEvaluation();
  await election.submit('open-ballot', openBallot(11, '张伟 9\n王芳 8\n李娜 7\n刘洋 6'));
  await election.decide('approved');
  expect(await election.state()).toBe(ElectionState.candidateNotice);

  const noticeId = `${election.electionId}-c1-1`;
  await fileObjection(runtime.deps, noticeId, { content: '该同志存在违反工作纪律的问题', name: '王五', contact: '13800000000' });
  await runtime.advanceTo('2026-09-30T00:00:00.000Z');
  const staff = { ...branchStaff };
  const [objection] = await listObjections(runtime.store, noticeId);
  await recordObjectionOutcomes(runtime.deps, staff, objectionTaskId(noticeId), { [`decision.${objection.id}`]: 'founded', [`note.${objection.id}`]: '经调查反映属实', [`reviewDate.${objection.id}`]: '' });
  await runtime.stepFunctions.settled();

  expect(await election.state()).toBe(ElectionState.openBallot);
  const file = await election.file();
  expect(file.election).toMatchObject({ candidates: [], noticeRounds: 1 });
  expect(file.audit.map((e) => e.action)).toContain('election.candidate-notice-stopped');
});
