import { chinaDate } from '../../domain/calendar';
import { EVALUATION_STEPS, type Evaluation, type EvaluationStepKey } from '../../domain/evaluation/evaluation';
import { applyEvaluationStep, type EvaluationStepValues } from '../../domain/evaluation/step-rules';
import { parseForm } from '../../schemas/parse-form';
import { closeOnlineRating, getEvaluation, putEvaluationStep, putPersonGrade, type EvaluationStepRecord } from '../../store/evaluations-repo';
import { claimTask, getTask, type StoredTask } from '../../store/tasks-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { Actor } from '../actor';
import { authorize, loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { RecordNotFoundError, TaskAlreadyHandledError } from '../../errors';
import { deliverTaskCallback } from '../tasks/deliver-callback';
import { evaluationChange, nextVersion } from './commit';
import { EvaluationStepNotOpenError } from './errors';
import { gatherEvaluationFacts } from './step-facts';
import { meetingSchema, parseFollowUp, parseProposal, planSchema, ratingCloseSchema, selfEvaluationCloseSchema } from './step-forms';

/** The evaluation and its open task for `stepKey`, for an actor allowed to handle it; refused otherwise. */
export async function openEvaluationStepFor(deps: ServiceDeps, actor: Actor, evaluationId: string, stepKey: string): Promise<{ evaluation: Evaluation; task: StoredTask }> {
  const evaluation = await getEvaluation(deps.store, evaluationId);
  if (!evaluation) throw new RecordNotFoundError('该民主评议');
  authorize(actor, 'evaluation.handle', evaluation.orgId, await loadOrgTree(deps.store));
  const waiting = evaluation.currentStep ? EVALUATION_STEPS[evaluation.currentStep].label : undefined;
  const task = evaluation.currentTaskId ? await getTask(deps.store, evaluation.currentTaskId) : undefined;
  if (evaluation.status !== 'running' || evaluation.currentStep !== stepKey || !task) {
    throw new EvaluationStepNotOpenError(evaluation.status === 'running' ? waiting : undefined, { detail: `waiting for ${evaluation.currentStep}, got ${stepKey}` });
  }
  if (task.status !== 'open') throw new TaskAlreadyHandledError(task.completedBy, task.completedAt);
  return { evaluation, task };
}

/** The step's form, parsed (its shape and each field's own checks); the rules come after, in the domain. */
function parseStep(evaluation: Evaluation, step: EvaluationStepKey, raw: Record<string, unknown>): EvaluationStepValues {
  switch (step) {
    case 'plan': return { step, values: parseForm(planSchema, raw) };
    case 'self-evaluation': return { step, values: parseForm(selfEvaluationCloseSchema, raw) };
    case 'rating': return { step, values: parseForm(ratingCloseSchema, raw) };
    case 'proposal': return { step, values: { proposal: parseProposal(raw, evaluation.evaluated.map((m) => m.personId)) } };
    case 'meeting':
    case 'disposal-meeting': return { step, values: parseForm(meetingSchema, raw) };
    case 'follow-up': return { step, values: { entries: parseFollowUp(raw, (evaluation.grades ?? []).filter((g) => g.followUp).map((g) => g.personId)) } };
  }
}

/**
 * Staff submit a step of an evaluation: validated (the step's rules), recorded with its outcome, the pending task
 * claimed and the audit event written in one transaction; then the workflow continues with the outcome. Bad input:
 * InputInvalidError, nothing written; a second submission: TaskAlreadyHandledError.
 */
export async function submitEvaluationStep(deps: ServiceDeps, actor: Actor, evaluationId: string, stepKey: string, raw: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { evaluation, task } = await openEvaluationStepFor(deps, actor, evaluationId, stepKey);
  const key = stepKey as EvaluationStepKey;
  const parsed = parseStep(evaluation, key, raw ?? {});
  const facts = await gatherEvaluationFacts(deps, evaluation, key, 'meetingDate' in parsed.values ? String(parsed.values.meetingDate) : undefined);
  const result = applyEvaluationStep(parsed, facts, evaluation.rules, chinaDate(deps.clock.now()));
  const changes: Partial<Evaluation> = result.completes ? { ...result.changes, status: 'completed', phase: 'completed', completedAt: deps.clock.now().toISOString() } : result.changes;
  const personPuts = (result.recordOnPersons ?? []).map((g) => putPersonGrade(deps.store, g.personId, {
    year: evaluation.year, grade: g.grade, evaluationId: evaluation.id, orgName: evaluation.orgName, followUp: g.followUp, correction: g.correction,
  }));
  const effect = { ...result, changes, extra: personPuts };
  const attempt = (evaluation.stepCounts[key] ?? 0) + 1;
  const at = deps.clock.now().toISOString();
  const next = nextVersion(evaluation, { ...effect.changes, stepCounts: { ...evaluation.stepCounts, [key]: attempt } });
  const record: EvaluationStepRecord = { evaluationId, stepKey: key, attempt, values: effect.values, outcome: effect.outcome, at, actorId: actor.id, actorName: actor.displayName };
  const output = { ...effect.outcome, taskId: task.id };
  try {
    await transactWrite(deps.store, evaluationChange(deps.store, next, { at, action: 'evaluation.step-recorded', actor: actor.id, details: { stepKey: key, ...effect.outcome } }, [
      claimTask(deps.store, task.id, { completedBy: actor.displayName, completedAt: at, output }),
      putEvaluationStep(deps.store, record),
      // Closing the rating closes the online tally's shards: a rating after this commit is refused.
      ...(key === 'rating' ? closeOnlineRating(deps.store, evaluationId, evaluation.massRating ? ['member', 'mass'] : ['member']) : []),
      ...effect.extra,
    ]));
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error;
    const handled = await getTask(deps.store, task.id);
    throw new TaskAlreadyHandledError(handled?.completedBy, handled?.completedAt, { cause: error });
  }
  await deliverTaskCallback(deps, { id: task.id, taskToken: task.taskToken, output });
  return effect.outcome;
}
