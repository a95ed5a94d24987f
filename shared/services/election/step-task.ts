import { ELECTION_STEPS, type Election, type ElectionStepKey } from '../../domain/election/election';
import { computePeriodEnd } from '../../domain/calendar';
import { listStaffEmails } from '../../store/accounts-repo';
import { loadCalendar } from '../../store/calendar-repo';
import { electionPk, getElection } from '../../store/elections-repo';
import { getTask } from '../../store/tasks-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { openPendingTask } from '../tasks/open-pending-task';
import { electionChange, nextVersion } from './commit';
import { stopAtStep } from './end-election';

/** Staff have 10 working days for a step (a reminder date on the 待办 list; the workflow waits as long as it takes). */
const STEP_PERIOD = { unit: 'workingDays', count: 10 } as const;

/** The attempt a step's next task is for: round steps count rounds, form steps their own records. */
export function nextAttempt(election: Election, stepKey: ElectionStepKey): number {
  return ELECTION_STEPS[stepKey].entry === 'round' ? election.roundCount + 1 : (election.stepCounts[stepKey] ?? 0) + 1;
}

export const electionTaskId = (electionId: string, stepKey: ElectionStepKey, attempt: number) => `election-${electionId}-${stepKey}-${attempt}`;

/**
 * The ballot a step opens with, when it opens one: the secretary's ballot follows the committee's (the meeting's
 * officers' round, or the new committee's first meeting); its candidates are entered before it is printed.
 */
function ballotOnOpen(election: Election, stepKey: ElectionStepKey): Partial<Election> {
  if ((stepKey !== 'officers-round' && stepKey !== 'officers-meeting') || election.ballot?.contest !== 'committee') return {};
  return { ballot: { contest: 'secretary', seats: 1, candidates: [] } };
}

export interface OpenElectionStepRequest {
  electionId: string;
  stepKey: ElectionStepKey;
  taskToken: string;
  /** The task of the human step the workflow came from (none before the first one): identifies this visit. */
  after?: string;
}

/**
 * The task of this visit of the step: the current task when it is the same visit asked again (same step, same
 * task before it), even if it was done meanwhile; otherwise the step's next attempt.
 */
async function visitTask(deps: ServiceDeps, election: Election, request: OpenElectionStepRequest): Promise<{ taskId: string; attempt: number }> {
  const current = election.currentTaskId ? await getTask(deps.store, election.currentTaskId) : undefined;
  if (current?.subject.stepKey === request.stepKey && (current.subject.after ?? '') === (request.after ?? '')) {
    return { taskId: current.id, attempt: Number(current.subject.attempt) };
  }
  const attempt = nextAttempt(election, request.stepKey);
  return { taskId: electionTaskId(election.id, request.stepKey, attempt), attempt };
}

/**
 * Task of every human step (waitForTaskToken): opens the 'election-step' pending task for this visit of the step,
 * marks it as the election's current step and mails the organization's staff. Asked again for the same visit (retry,
 * resume, redrive): the open task takes the new token, and a task already done answers the workflow with its recorded
 * output, even when the form was submitted before the workflow heard of it.
 */
export async function openElectionStep(deps: ServiceDeps, request: OpenElectionStepRequest): Promise<void> {
  const election = await getElection(deps.store, request.electionId);
  if (!election) throw new Error(`Election ${request.electionId} not found`);
  if (election.status === 'ended') return stopAtStep(deps, request.taskToken, election.endReason ?? ''); // ended while a decision was pending
  const { stepKey } = request;
  const { taskId, attempt } = await visitTask(deps, election, request);
  const now = deps.clock.now();
  const step = ELECTION_STEPS[stepKey];
  const { created } = await openPendingTask(deps, {
    id: taskId,
    kind: 'election-step',
    title: `换届选举：${election.orgName} ${step.label}${attempt > 1 ? `（第 ${attempt} 次）` : ''}`,
    orgId: election.orgId,
    assigneeRole: 'branch-staff',
    subject: { electionId: election.id, stepKey, attempt: String(attempt), ...(request.after ? { after: request.after } : {}) },
    status: 'open',
    createdAt: now.toISOString(),
    dueAt: computePeriodEnd(await loadCalendar(deps.store), now, STEP_PERIOD).endsAtInstant.toISOString(),
    taskToken: request.taskToken,
  }, electionPk(election.id));
  if (election.currentTaskId === taskId) return;
  const next = nextVersion(election, { currentStep: stepKey, currentTaskId: taskId, phase: step.phase, ...ballotOnOpen(election, stepKey) });
  try {
    await transactWrite(deps.store, electionChange(deps.store, next, { at: now.toISOString(), action: 'election.step-opened', actor: 'system', details: { stepKey, attempt, taskId } }));
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error;
    return openElectionStep(deps, request);
  }
  if (!created) return;
  const to = await listStaffEmails(deps.store, election.orgId);
  if (to.length === 0) return;
  await deps.mailer.send({
    to,
    subject: `【待办】换届选举：${step.label}`,
    text: `${election.orgName}换届选举（${step.label}）待办理：${deps.publicBaseUrl}/staff/elections/${election.id}`,
  });
}
