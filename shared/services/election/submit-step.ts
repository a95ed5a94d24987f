import { ELECTION_STEPS, type Election, type ElectionStepKey, type ElectionStepRecord } from '../../domain/election/election';
import { chinaDate } from '../../domain/calendar';
import { ELECTION_STEP_SCHEMAS, isFormStep } from '../../schemas/election-steps';
import { parseForm } from '../../schemas/parse-form';
import type { OrgTree } from '../../domain/registry/org-tree';
import { getElection, putStepRecord } from '../../store/elections-repo';
import { claimTask, getTask, type StoredTask } from '../../store/tasks-repo';
import { commitWithRetry } from '../../store/transact';
import type { Actor } from '../actor';
import { authorize, loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { InputInvalidError, RecordNotFoundError, TaskAlreadyHandledError } from '../../errors';
import { votingStandingOf } from '../registry/questions';
import { deliverTaskCallback } from '../tasks/deliver-callback';
import { electionChange, nextVersion } from './commit';
import { ElectionStepNotOpenError } from './errors';
import { FORM_STEP_EFFECTS } from '../../domain/election/step-rules';
import { previousRound, requireMeetingDate, requireRoundMeeting, roundNotBefore } from './round-meeting';

/** The election and its open task for `stepKey`, for an actor allowed to handle it; refused otherwise. */
export async function openStepFor(deps: ServiceDeps, actor: Actor, electionId: string, stepKeys: string | readonly string[]): Promise<{ election: Election; task: StoredTask; tree: OrgTree }> {
  const keys: readonly string[] = typeof stepKeys === 'string' ? [stepKeys] : stepKeys;
  const election = await getElection(deps.store, electionId);
  if (!election) throw new RecordNotFoundError('该选举');
  const tree = await loadOrgTree(deps.store);
  authorize(actor, 'election.handle', election.orgId, tree);
  const waiting = election.currentStep ? ELECTION_STEPS[election.currentStep].label : undefined;
  const task = election.currentTaskId ? await getTask(deps.store, election.currentTaskId) : undefined;
  if (!election.currentStep || !keys.includes(election.currentStep) || !task) {
    throw new ElectionStepNotOpenError(waiting, { detail: `waiting for ${election.currentStep}, got ${keys.join('/')}` });
  }
  if (task.status !== 'open') throw new TaskAlreadyHandledError(task.completedBy, task.completedAt);
  return { election, task, tree };
}

/**
 * Claims the task, writes the record and the election's next version with the audit event; then tells the workflow.
 * The workflow's output carries the task's id, which the next human step is opened `after`.
 */
export async function commitStep(deps: ServiceDeps, actor: Actor, task: StoredTask, next: Election, record: ElectionStepRecord | undefined, extra: Parameters<typeof electionChange>[3], outcome: Record<string, unknown>, action: string): Promise<void> {
  const at = deps.clock.now().toISOString();
  const output = { ...outcome, taskId: task.id };
  const write = electionChange(deps.store, next, { at, action, actor: actor.id, details: { stepKey: next.currentStep, ...outcome } }, [
    claimTask(deps.store, task.id, { completedBy: actor.displayName, completedAt: at, output }),
    ...(record ? [putStepRecord(deps.store, record)] : []),
    ...(extra ?? []),
  ]);
  await commitWithRetry(deps.store, async () => ({ write, answer: undefined }), {
    attempts: 1,
    onConditionFailed: async (error) => {
      const handled = await getTask(deps.store, task.id);
      throw new TaskAlreadyHandledError(handled?.completedBy, handled?.completedAt, { cause: error });
    },
  });
  await deliverTaskCallback(deps, { id: task.id, taskToken: task.taskToken, output });
}

/**
 * Staff submit a form step of an election: validated (zod, then the step's rules: 1/3 不称职, recommendation
 * ranking, open-ballot ranking, seats decision…), recorded with its outcome, the pending task claimed and the
 * audit event written in one transaction; then the workflow continues with the outcome. Bad input: InputInvalidError,
 * nothing written. A second submission: TaskAlreadyHandledError.
 */
export async function submitElectionStep(deps: ServiceDeps, actor: Actor, electionId: string, stepKey: ElectionStepKey | string, rawForm: unknown): Promise<Record<string, unknown>> {
  const { election, task, tree } = await openStepFor(deps, actor, electionId, stepKey);
  if (!isFormStep(stepKey)) throw new InputInvalidError({ _form: '此步骤须通过计票录入（选票或汇总数）提交。' });
  const values = parseForm(ELECTION_STEP_SCHEMAS[stepKey], rawForm) as never;
  const needsRoster = stepKey === 'recommendation' || stepKey === 'open-ballot';
  const { votingNames, noVote } = needsRoster ? await votingStandingOf(deps, election.orgId, chinaDate(deps.clock.now()), tree) : { votingNames: new Set<string>(), noVote: new Map<string, string>() };
  const previous = stepKey === 'seats-decision' || stepKey === 'officers-meeting' ? await previousRound(deps, election) : undefined;
  const lastNext = stepKey === 'seats-decision' ? previous?.next : undefined;
  // E10, E11: the 海选 open ballot is a vote of the general meeting; the new committee meets after the last round.
  const started = { date: chinaDate(new Date(election.createdAt)), what: '本次选举开始的日期' };
  if (stepKey === 'open-ballot') await requireRoundMeeting(deps, election, values, started);
  if (stepKey === 'officers-meeting') requireMeetingDate(deps, (values as { meetingDate: string }).meetingDate, roundNotBefore(election, previous));
  const at = deps.clock.now().toISOString();
  const effect = (FORM_STEP_EFFECTS[stepKey] as (e: Election, v: never, c: unknown) => ReturnType<(typeof FORM_STEP_EFFECTS)['announcement']>)(election, values, { votingNames, noVote, lastNext, at });
  const attempt = (election.stepCounts[stepKey] ?? 0) + 1;
  const next = nextVersion(election, { ...effect.changes, stepCounts: { ...election.stepCounts, [stepKey]: attempt } });
  const record: ElectionStepRecord = { electionId, stepKey, attempt, values: values as Record<string, unknown>, outcome: effect.outcome, at, actorId: actor.id, actorName: actor.displayName };
  await commitStep(deps, actor, task, { ...next, currentStep: stepKey }, record, [], effect.outcome, 'election.step-recorded');
  return effect.outcome;
}
