import { computePeriodEnd } from '../../domain/calendar';
import { EVALUATION_STEPS, type Evaluation, type EvaluationStepKey } from '../../domain/evaluation/evaluation';
import { listStaffEmails } from '../../store/accounts-repo';
import { loadCalendar } from '../../store/calendar-repo';
import { evaluationPk, getEvaluation } from '../../store/evaluations-repo';
import { getTask } from '../../store/tasks-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { openPendingTask } from '../tasks/open-pending-task';
import { evaluationChange, nextVersion } from './commit';

/** Staff have 10 working days for a step (a reminder date on the 待办 list; the workflow waits as long as it takes). */
const STEP_PERIOD = { unit: 'workingDays', count: 10 } as const;

export const evaluationTaskId = (evaluationId: string, stepKey: EvaluationStepKey, attempt: number) => `evaluation-${evaluationId}-${stepKey}-${attempt}`;

export interface OpenEvaluationStepRequest {
  evaluationId: string;
  stepKey: EvaluationStepKey;
  taskToken: string;
  /** The task of the human step the workflow came from (none before the first): identifies this visit. */
  after?: string;
}

async function visitTask(deps: ServiceDeps, evaluation: Evaluation, request: OpenEvaluationStepRequest): Promise<{ taskId: string; attempt: number }> {
  const current = evaluation.currentTaskId ? await getTask(deps.store, evaluation.currentTaskId) : undefined;
  if (current?.subject.stepKey === request.stepKey && (current.subject.after ?? '') === (request.after ?? '')) {
    return { taskId: current.id, attempt: Number(current.subject.attempt) };
  }
  const attempt = (evaluation.stepCounts[request.stepKey] ?? 0) + 1;
  return { taskId: evaluationTaskId(evaluation.id, request.stepKey, attempt), attempt };
}

/**
 * Task of every human step (waitForTaskToken), as the election's: opens the 'evaluation-step' pending task for this
 * visit, marks it the evaluation's current step and mails the branch's staff. Asked again for the same visit (retry,
 * resume, redrive), the open task takes the new token, and a task already done answers with its recorded output.
 */
export async function openEvaluationStep(deps: ServiceDeps, request: OpenEvaluationStepRequest): Promise<void> {
  const evaluation = await getEvaluation(deps.store, request.evaluationId);
  if (!evaluation) throw new Error(`Evaluation ${request.evaluationId} not found`);
  const { stepKey } = request;
  const { taskId, attempt } = await visitTask(deps, evaluation, request);
  const now = deps.clock.now();
  const step = EVALUATION_STEPS[stepKey];
  const { created } = await openPendingTask(deps, {
    id: taskId,
    kind: 'evaluation-step',
    title: `民主评议党员：${evaluation.orgName} ${evaluation.year} 年度 ${step.label}${attempt > 1 ? `（第 ${attempt} 次）` : ''}`,
    orgId: evaluation.orgId,
    assigneeRole: 'branch-staff',
    subject: { evaluationId: evaluation.id, stepKey, attempt: String(attempt), ...(request.after ? { after: request.after } : {}) },
    status: 'open',
    createdAt: now.toISOString(),
    dueAt: computePeriodEnd(await loadCalendar(deps.store), now, STEP_PERIOD).endsAtInstant.toISOString(),
    taskToken: request.taskToken,
  }, evaluationPk(evaluation.id));
  if (evaluation.currentTaskId === taskId) return;
  const next = nextVersion(evaluation, { currentStep: stepKey, currentTaskId: taskId, phase: step.phase });
  try {
    await transactWrite(deps.store, evaluationChange(deps.store, next, { at: now.toISOString(), action: 'evaluation.step-opened', actor: 'system', details: { stepKey, attempt, taskId } }));
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error;
    return openEvaluationStep(deps, request);
  }
  if (!created) return;
  const to = await listStaffEmails(deps.store, evaluation.orgId);
  if (to.length === 0) return;
  await deps.mailer.send({
    to,
    subject: `【待办】民主评议党员：${step.label}`,
    text: `${evaluation.orgName}${evaluation.year}年度民主评议党员（${step.label}）待办理：${deps.publicBaseUrl}/staff/evaluations/${evaluation.id}`,
  });
}
