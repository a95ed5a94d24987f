import { chinaDate } from '../../domain/calendar';
import { checkGeneralMeetingVote, describeGeneralMeetingVote, NO_QUORUM_MESSAGE } from '../../domain/development/vote';
import { EVALUATION_STEPS, type DecidedGrade, type Evaluation, type EvaluationStepKey } from '../../domain/evaluation/evaluation';
import { CORRECTION_OUTCOME_LABELS } from '../../domain/evaluation/follow-up';
import { checkProposal } from '../../domain/evaluation/proposal';
import { DevelopmentInputError } from '../../domain/development/check-result';
import { parseForm } from '../../schemas/parse-form';
import { getEvaluation, putEvaluationStep, putPersonGrade, readEvaluationPartition, type EvaluationStepRecord } from '../../store/evaluations-repo';
import { claimTask, getTask, type StoredTask } from '../../store/tasks-repo';
import { StoreConditionFailedError, transactWrite, type TransactItem } from '../../store/transact';
import type { Actor } from '../actor';
import { authorize, loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { InputInvalidError, RecordNotFoundError, TaskAlreadyHandledError } from '../../errors';
import { meetingAttendanceOf } from '../registry/questions';
import { deliverTaskCallback } from '../tasks/deliver-callback';
import { evaluationChange, nextVersion } from './commit';
import { EvaluationStepNotOpenError } from './errors';
import { meetingSchema, parseFollowUp, parseProposal, planSchema, ratingCloseSchema, selfEvaluationCloseSchema } from './step-forms';
import { evaluationTally } from './tally-view';

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

interface StepEffect {
  values: Record<string, unknown>;
  outcome: Record<string, unknown>;
  changes: Partial<Evaluation>;
  extra?: TransactItem[];
}

type Effect = (deps: ServiceDeps, evaluation: Evaluation, raw: Record<string, unknown>) => Promise<StepEffect>;

const today = (deps: ServiceDeps) => chinaDate(deps.clock.now());

/** What each step checks and records (docs/domain/evaluation.md). */
const EFFECTS: Record<EvaluationStepKey, Effect> = {
  plan: async (_deps, _evaluation, raw) => {
    const values = parseForm(planSchema, raw);
    return { values, outcome: {}, changes: {} };
  },
  'self-evaluation': async (deps, evaluation, raw) => {
    const values = parseForm(selfEvaluationCloseSchema, raw);
    const { selfEvaluations } = await readEvaluationPartition(deps.store, evaluation.id);
    const collected = new Set(selfEvaluations.map((s) => s.personId));
    const missing = evaluation.evaluated.filter((m) => !collected.has(m.personId)).map((m) => m.name);
    if (missing.length > 0 && !values.confirmMissing) {
      throw new InputInvalidError({ confirmMissing: `尚未收到 ${missing.join('、')} 的个人自评。如确需结束收集，请勾选“确认结束自评收集”。` });
    }
    return { values: { missing }, outcome: { missing: missing.length }, changes: {} };
  },
  rating: async (deps, evaluation, raw) => {
    parseForm(ratingCloseSchema, raw);
    const partition = await readEvaluationPartition(deps.store, evaluation.id);
    const returned = partition.online.returned.member + partition.paper.filter((p) => p.raterKind === 'member').reduce((s, p) => s + p.returned, 0);
    if (returned === 0) throw new InputInvalidError({ _form: '还没有收到党员的评议（网上评议或纸质评议表），不能结束民主评议。' });
    return { values: { returned, online: partition.online.returned, paper: partition.paper }, outcome: { returned }, changes: {} };
  },
  proposal: async (deps, evaluation, raw) => {
    const proposal = parseProposal(raw, evaluation.evaluated.map((m) => m.personId));
    const tally = evaluationTally(evaluation, await readEvaluationPartition(deps.store, evaluation.id));
    const problems = checkProposal(tally, proposal, evaluation.rules);
    if (Object.keys(problems).length > 0) throw new InputInvalidError(problems);
    return { values: { proposal, tally: tally.map((t) => ({ personId: t.personId, majority: t.majority, counts: t.member.counts })) }, outcome: {}, changes: { proposal } };
  },
  meeting: async (deps, evaluation, raw) => {
    const values = parseForm(meetingSchema, raw);
    if (values.meetingDate > today(deps)) throw new InputInvalidError({ meetingDate: '支部大会日期不能晚于今天。' });
    const shouldAttend = (await meetingAttendanceOf(deps, evaluation.orgId, values.meetingDate)).shouldAttendCount;
    const input = { shouldAttend, present: values.present, yes: values.yes, writtenYes: values.writtenYes, writtenNo: values.writtenNo };
    let result;
    try {
      result = checkGeneralMeetingVote(input);
    } catch (error) {
      if (error instanceof DevelopmentInputError) throw new InputInvalidError({ present: error.message }, { cause: error });
      throw error;
    }
    // V9: a meeting without a quorum is no vote: refused, nothing recorded, the step stays open.
    if (!result.quorumMet) throw new InputInvalidError({ present: `${NO_QUORUM_MESSAGE}（应到会 ${shouldAttend} 人，至少须到会 ${result.required.present} 人）。` });
    const grades: DecidedGrade[] | undefined = result.passed
      ? (evaluation.proposal ?? []).map((p) => {
        const member = evaluation.evaluated.find((m) => m.personId === p.personId);
        return { ...p, name: member?.name ?? '', probationary: member?.probationary ?? false };
      })
      : undefined;
    return {
      values: { ...values, shouldAttend, result: describeGeneralMeetingVote(input, result) },
      outcome: { adopted: result.passed },
      changes: result.passed ? { grades } : {},
    };
  },
  'follow-up': async (deps, evaluation, raw) => {
    const grades = evaluation.grades ?? [];
    const entries = parseFollowUp(raw, grades.filter((g) => g.followUp).map((g) => g.personId));
    const problems: Record<string, string> = {};
    const day = today(deps);
    const next = grades.map((g) => {
      const entry = entries.find((e) => e.personId === g.personId);
      if (!g.followUp || !entry) return g;
      if (g.followUp.kind === 'improvement-talk') {
        if (!entry.talkDate) problems[`talk.${g.personId}`] = `请填写与${g.name}谈心谈话的日期。`;
        else if (entry.talkDate > day) problems[`talk.${g.personId}`] = '谈话日期不能晚于今天。';
        return { ...g, followUp: { ...g.followUp, doneOn: entry.talkDate } };
      }
      if (!entry.correction) problems[`review.${g.personId}`] = `请选择${g.name}限期改正期满后的整改结果。`;
      else if (day < g.followUp.dueDate) problems[`review.${g.personId}`] = `${g.name}的限期改正到 ${g.followUp.dueDate} 期满，期满后方可评定整改结果。`;
      return { ...g, correction: entry.correction };
    });
    if (Object.keys(problems).length > 0) throw new InputInvalidError(problems);
    const outcomes = next.filter((g) => g.correction).map((g) => `${g.name}：${CORRECTION_OUTCOME_LABELS[g.correction!]}`);
    const extra = next.filter((g) => g.followUp).map((g) => putPersonGrade(deps.store, g.personId, {
      year: evaluation.year, grade: g.grade, evaluationId: evaluation.id, orgName: evaluation.orgName, followUp: g.followUp, correction: g.correction,
    }));
    return { values: { entries, outcomes }, outcome: {}, changes: { grades: next, status: 'completed', phase: 'completed', completedAt: deps.clock.now().toISOString() }, extra };
  },
};

/**
 * Staff submit a step of an evaluation: validated (the step's rules), recorded with its outcome, the pending task
 * claimed and the audit event written in one transaction; then the workflow continues with the outcome. Bad input:
 * InputInvalidError, nothing written; a second submission: TaskAlreadyHandledError.
 */
export async function submitEvaluationStep(deps: ServiceDeps, actor: Actor, evaluationId: string, stepKey: string, raw: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { evaluation, task } = await openEvaluationStepFor(deps, actor, evaluationId, stepKey);
  const key = stepKey as EvaluationStepKey;
  const effect = await EFFECTS[key](deps, evaluation, raw ?? {});
  const attempt = (evaluation.stepCounts[key] ?? 0) + 1;
  const at = deps.clock.now().toISOString();
  const next = nextVersion(evaluation, { ...effect.changes, stepCounts: { ...evaluation.stepCounts, [key]: attempt } });
  const record: EvaluationStepRecord = { evaluationId, stepKey: key, attempt, values: effect.values, outcome: effect.outcome, at, actorId: actor.id, actorName: actor.displayName };
  const output = { ...effect.outcome, taskId: task.id };
  try {
    await transactWrite(deps.store, evaluationChange(deps.store, next, { at, action: 'evaluation.step-recorded', actor: actor.id, details: { stepKey: key, ...effect.outcome } }, [
      claimTask(deps.store, task.id, { completedBy: actor.displayName, completedAt: at, output }),
      putEvaluationStep(deps.store, record),
      ...(effect.extra ?? []),
    ]));
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error;
    const handled = await getTask(deps.store, task.id);
    throw new TaskAlreadyHandledError(handled?.completedBy, handled?.completedAt, { cause: error });
  }
  await deliverTaskCallback(deps, { id: task.id, taskToken: task.taskToken, output });
  return effect.outcome;
}
