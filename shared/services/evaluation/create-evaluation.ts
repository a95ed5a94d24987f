import { z } from 'zod';
import { chinaDate } from '../../domain/calendar';
import { evaluationExecutionName, type Evaluation } from '../../domain/evaluation/evaluation';
import { evaluationParticipants } from '../../domain/evaluation/participants';
import { EVALUATION_RULE_SETS } from '../../domain/evaluation/rule-set';
import type { Organization } from '../../domain/registry/organization';
import { choice, isoDate } from '../../schemas/form-fields';
import { parseForm } from '../../schemas/parse-form';
import { auditPut } from '../../store/audit';
import { claimEvaluationGuard, evaluationPk, getEvaluation, putNewEvaluation } from '../../store/evaluations-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { Actor } from '../actor';
import { authorize, loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { InputInvalidError, RecordNotFoundError } from '../../errors';
import { WorkflowExecutionExistsError } from '../ports';
import { peopleOfSubtree } from '../registry/people-read';
import { EvaluationExistsError } from './errors';

export const createEvaluationSchema = z.object({
  year: z.preprocess((v) => (typeof v === 'string' ? Number(v.trim()) : v), z.number({ error: '请填写评议年度。' }).int('评议年度应为整数。').min(2000, '评议年度不正确。').max(2100, '评议年度不正确。')),
  date: isoDate('评议日期（以此日的党员名单为准）'),
  massRating: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()).default(false),
  rulesVersion: choice('规则版本', Object.keys(EVALUATION_RULE_SETS) as [string, ...string[]]).default('2018'),
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, '表单已失效，请刷新页面后重新填写。').optional(),
});

type Values = z.infer<typeof createEvaluationSchema>;

/** The evaluation's id for a branch and year when the committee starts them all (a retry finds the same). */
const batchId = (orgId: string, year: number) => `${year}-${orgId}`.replace(/[^A-Za-z0-9_-]/g, '_');

async function startOne(deps: ServiceDeps, actor: Actor, org: Organization, values: Values, id: string): Promise<Evaluation> {
  const existing = await getEvaluation(deps.store, id);
  if (existing) {
    if (existing.orgId !== org.id) throw new InputInvalidError({ idempotencyKey: '表单已失效，请刷新页面后重新填写。' });
    await startProcess(deps, existing);
    return existing;
  }
  const tree = await loadOrgTree(deps.store);
  const { evaluated, excluded } = evaluationParticipants(await peopleOfSubtree(deps.store, tree, org.id), values.date);
  if (evaluated.length === 0) throw new InputInvalidError({ date: `${org.name}在 ${values.date} 没有可参加评议的党员，请先在党员名册中登记。` });
  const now = deps.clock.now().toISOString();
  const rules = EVALUATION_RULE_SETS[values.rulesVersion];
  const evaluation: Evaluation = {
    id, orgId: org.id, orgName: org.name, year: values.year, rulesVersion: rules.rulesVersion, rules, massRating: values.massRating,
    date: values.date, evaluated, excluded, status: 'running', phase: 'plan', stepCounts: {}, codesIssued: { member: 0, mass: 0 },
    approvals: [], createdAt: now, createdBy: actor.id, version: 1,
  };
  try {
    await transactWrite(deps.store, [
      claimEvaluationGuard(deps.store, evaluation),
      putNewEvaluation(deps.store, evaluation),
      auditPut(deps.store, evaluationPk(id), { at: now, action: 'evaluation.created', actor: actor.id, details: { year: values.year, evaluated: evaluated.length, excluded: excluded.length } }),
    ]);
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error;
    if (await getEvaluation(deps.store, id)) return startOne(deps, actor, org, values, id);
    throw new EvaluationExistsError(values.year, { cause: error, detail: `org ${org.id} year ${values.year}` });
  }
  await startProcess(deps, evaluation);
  return evaluation;
}

async function startProcess(deps: ServiceDeps, evaluation: Evaluation): Promise<void> {
  try {
    await deps.workflow.startExecution({ stateMachine: 'evaluation', name: evaluationExecutionName(evaluation.id), input: { evaluationId: evaluation.id } });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionExistsError)) throw error;
  }
}

/**
 * Branch staff start their branch's evaluation of a year (docs/domain/evaluation.md): who is evaluated is fixed from the
 * roster on the evaluation date (V3); one per branch and year (the guard); with the page's idempotency key as its id a
 * repeated submission returns the same evaluation.
 */
export async function createEvaluation(deps: ServiceDeps, actor: Actor, input: { orgId: string } & Record<string, unknown>): Promise<Evaluation> {
  const tree = await loadOrgTree(deps.store);
  const org = tree.get(String(input.orgId ?? ''));
  if (!org || org.status !== 'active') throw new RecordNotFoundError('该组织');
  authorize(actor, 'evaluation.handle', org.id, tree);
  if (org.kind !== 'branch') throw new InputInvalidError({ orgId: '民主评议党员由党支部组织进行，请选择一个党支部。' });
  const values = parseForm(createEvaluationSchema, input);
  return startOne(deps, actor, org, values, values.idempotencyKey ?? deps.newId());
}

export interface StartAllResult {
  started: Evaluation[];
  /** Branches skipped, each with the reason in Chinese. */
  skipped: { orgName: string; reason: string }[];
}

/**
 * Committee staff start the evaluation of every active branch below their committee at once. A branch that already has
 * its evaluation of the year, or no members, is skipped with the reason; a repeated submission starts nothing twice
 * (each evaluation's id is the branch and year).
 */
export async function createEvaluationsForAll(deps: ServiceDeps, actor: Actor, input: { orgId: string } & Record<string, unknown>): Promise<StartAllResult> {
  const tree = await loadOrgTree(deps.store);
  const committee = tree.get(String(input.orgId ?? ''));
  if (!committee || committee.status !== 'active') throw new RecordNotFoundError('该组织');
  authorize(actor, 'evaluation.startAll', committee.id, tree);
  const values = parseForm(createEvaluationSchema, { ...input, idempotencyKey: undefined });
  const branches = tree.subtreeIds(committee.id).map((id) => tree.get(id)).filter((org): org is Organization => org?.kind === 'branch' && org.status === 'active');
  const result: StartAllResult = { started: [], skipped: [] };
  for (const branch of branches) {
    try {
      result.started.push(await startOne(deps, actor, branch, values, batchId(branch.id, values.year)));
    } catch (error) {
      if (error instanceof EvaluationExistsError) result.skipped.push({ orgName: branch.name, reason: '本年度已开始' });
      else if (error instanceof InputInvalidError) result.skipped.push({ orgName: branch.name, reason: '没有可参加评议的党员' });
      else throw error;
    }
  }
  return result;
}

export const todayIn = (deps: Pick<ServiceDeps, 'clock'>) => chinaDate(deps.clock.now());
