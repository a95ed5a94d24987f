import { listOpenTasks } from '../../../shared/store/tasks-repo';
import { ElectionState } from '../../../workflows/election/election-states';
import { startTestRuntime, type TestRuntime } from '../../support/local-runtime';
import { announcementForm, ElectionDriver, recommendationForm, startElectionRuntime } from './election-fixtures';

let runtime: TestRuntime;
afterEach(async () => {
  await runtime.shutdown();
});

/** Stops the runtime as a crash would (stored state as it is) and starts a new one on the same table. */
async function restart(driver: ElectionDriver): Promise<ElectionDriver> {
  const { store, clock } = runtime;
  await runtime.shutdown();
  runtime = await startTestRuntime(clock.now().toISOString(), store);
  return new ElectionDriver(runtime, driver.electionId);
}

test('restarts during a human step and during the candidate notices lose and duplicate nothing; fewer seats when the meeting agrees', async () => {
  runtime = await startElectionRuntime();
  let election = await ElectionDriver.create(runtime, 'gongtui', 3, 0);
  await election.decide('approved');
  expect(await election.state()).toBe(ElectionState.announcement);

  election = await restart(election);
  expect(await election.state()).toBe(ElectionState.announcement);
  expect((await listOpenTasks(runtime.store, ['branch-1'])).map((t) => t.id)).toEqual([`election-${election.electionId}-announcement-1`]);
  await election.submit('announcement', announcementForm());
  await election.submit('mobilization', { meetingDate: '2026-09-25', attendees: '12' });
  await election.submit('evaluation', { meetingDate: '2026-09-28', raters: '12', teamGood: '12', teamFairlyGood: '0', teamAverage: '0', teamPoor: '0', personRatings: '张伟 12 0 0 0' });
  await election.submit('recommendation', recommendationForm(['张伟', '王芳', '李娜', '刘洋']));
  await election.decide('approved');
  expect(await election.state()).toBe(ElectionState.candidateNotice);

  election = await restart(election);
  await runtime.advanceTo('2026-09-30T00:00:00.000Z');
  expect(await election.state()).toBe(ElectionState.electionRound);
  expect((await election.file()).election.noticeRounds).toBe(1);

  // Only 张伟 and 王芳 above half: one seat unfilled; the meeting agrees (7 of 12) to elect fewer.
  await election.round({ 张伟: 10, 王芳: 9, 李娜: 6, 刘洋: 5 });
  expect(await election.state()).toBe(ElectionState.seatsDecision);
  election = await restart(election);
  await election.submit('seats-decision', { decision: 'fewer', votesFor: '7', present: '12', note: '大会同意减少一名委员名额' });
  expect(await election.state()).toBe(ElectionState.officersRound);
  expect((await election.file()).election).toMatchObject({ seats: 2, elected: ['张伟', '王芳'] });
  expect((await listOpenTasks(runtime.store, ['branch-1'])).map((t) => t.subject.stepKey)).toEqual(['officers-round']);
});
