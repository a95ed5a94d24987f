import { openElectionStep, submitElectionStep } from '../../../shared/services/election';
import type { ServiceDeps } from '../../../shared/services/deps';
import { getTask, listOpenTasks } from '../../../shared/store/tasks-repo';
import { ElectionState } from '../../../workflows/election/election-states';
import type { TestRuntime } from '../../support/local-runtime';
import { announcementForm, ElectionDriver, MEMBERS, branchStaff, recommendationForm, startElectionRuntime } from './election-fixtures';

let runtime: TestRuntime;
afterEach(async () => {
  await runtime.shutdown();
});

/** The runtime's services, except that SendTaskSuccess never gets through (the callback is lost on its way). */
function lostCallbacks(deps: ServiceDeps): ServiceDeps {
  const workflow = deps.workflow;
  return {
    ...deps,
    workflow: {
      startExecution: (request) => workflow.startExecution(request),
      sendTaskSuccess: () => Promise.reject(new Error('connection reset')),
      sendTaskFailure: (request) => workflow.sendTaskFailure(request),
      stopExecution: (request) => workflow.stopExecution(request),
      executionArnOf: (request) => workflow.executionArnOf(request),
    },
  };
}

const taskIds = async () => (await listOpenTasks(runtime.store, ['branch-1'])).map((t) => t.id);

test('a step opened again after its form was submitted but before the workflow heard of it replays the recorded step instead of opening a second one', async () => {
  runtime = await startElectionRuntime();
  const election = await ElectionDriver.create(runtime, 'gongtui', 3, 0);
  await election.decide('approved');
  await election.submit('announcement', announcementForm());
  const id = election.electionId;
  expect(await taskIds()).toEqual([`election-${id}-mobilization-1`]);
  const opened = (await getTask(runtime.store, `election-${id}-mobilization-1`))!;
  expect(opened.subject.after).toBe(`election-${id}-announcement-1`);

  // The meeting is recorded, but the callback is lost: the workflow still waits at the mobilization meeting.
  await expect(submitElectionStep(lostCallbacks(runtime.deps), branchStaff, id, 'mobilization', { meetingDate: '2026-09-25', attendees: '12' })).rejects.toThrow('connection reset');
  await runtime.stepFunctions.settled();
  expect(await election.state()).toBe(ElectionState.mobilizationMeeting);

  // The open-step task runs again for the same visit (a retry, a restart mid-call, a redrive).
  await openElectionStep(runtime.deps, { electionId: id, stepKey: 'mobilization', taskToken: opened.taskToken, after: opened.subject.after });
  await runtime.stepFunctions.settled();

  expect(await election.state()).toBe(ElectionState.workReportsAndEvaluation);
  expect(await getTask(runtime.store, `election-${id}-mobilization-2`)).toBeUndefined();
  const file = await election.file();
  expect(file.election.stepCounts.mobilization).toBe(1);
  expect(file.steps.filter((s) => s.stepKey === 'mobilization')).toHaveLength(1);
  expect(await taskIds()).toEqual([`election-${id}-evaluation-1`]);
});

test('a step the workflow loops back to opens its next attempt, and asking again for that visit keeps it', async () => {
  runtime = await startElectionRuntime();
  const election = await ElectionDriver.create(runtime, 'gongtui', 3, 0);
  const id = election.electionId;
  await election.throughEvaluation();
  // Short: only two names above half for three seats + margin → the recommendation is held again.
  await election.submit('recommendation', recommendationForm(['张伟', '王芳'], ['李娜', '刘洋']));
  expect(await election.state()).toBe(ElectionState.democraticRecommendation);
  expect(await taskIds()).toEqual([`election-${id}-recommendation-2`]);
  const second = (await getTask(runtime.store, `election-${id}-recommendation-2`))!;
  expect(second.subject.after).toBe(`election-${id}-recommendation-1`);

  await openElectionStep(runtime.deps, { electionId: id, stepKey: 'recommendation', taskToken: second.taskToken, after: second.subject.after });
  expect(await taskIds()).toEqual([`election-${id}-recommendation-2`]);
  await election.submit('recommendation', recommendationForm(MEMBERS.slice(0, 4)));
  expect((await election.file()).election.stepCounts.recommendation).toBe(2);
});
