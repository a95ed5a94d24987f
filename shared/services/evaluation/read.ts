import { evaluationWarnings, startOverdue } from '../../domain/evaluation/follow-up';
import { DEFAULT_EVALUATION_RULES } from '../../domain/evaluation/rule-set';
import type { Evaluation } from '../../domain/evaluation/evaluation';
import type { MemberTally } from '../../domain/evaluation/tally';
import type { Organization } from '../../domain/registry/organization';
import { listAudit, type AuditEvent } from '../../store/audit';
import { evaluationPk, listOrgEvaluations, listPersonGrades, listYearEvaluations, readEvaluationPartition, type EvaluationPartition, type PersonGrade } from '../../store/evaluations-repo';
import type { Actor } from '../actor';
import { withActorNames } from '../audit-names';
import { authorize, loadOrgTree, permits } from '../authorization';
import type { ServiceDeps } from '../deps';
import { RecordNotFoundError } from '../../errors';
import { todayIn } from './create-evaluation';
import { evaluationTally } from './tally-view';

export interface EvaluationFile extends EvaluationPartition {
  evaluation: Evaluation;
  tally: MemberTally[];
  /** Evaluated members without a self-evaluation yet, by name. */
  missingSelf: string[];
  audit: AuditEvent[];
  canHandle: boolean;
}

/** An evaluation's file (全程纪实): its steps, self-evaluations, codes counted, the tally, its audit trail. */
export async function getEvaluationFile(deps: ServiceDeps, actor: Actor, evaluationId: string): Promise<EvaluationFile> {
  const partition = await readEvaluationPartition(deps.store, evaluationId);
  const { evaluation } = partition;
  if (!evaluation) throw new RecordNotFoundError('该民主评议');
  const tree = await loadOrgTree(deps.store);
  authorize(actor, 'evaluation.view', evaluation.orgId, tree);
  const collected = new Set(partition.selfEvaluations.map((s) => s.personId));
  return {
    ...partition,
    evaluation,
    tally: evaluationTally(evaluation, partition),
    missingSelf: evaluation.evaluated.filter((m) => !collected.has(m.personId)).map((m) => m.name),
    audit: await withActorNames(deps, await listAudit(deps.store, evaluationPk(evaluationId))),
    canHandle: permits(actor, 'evaluation.handle', evaluation.orgId, tree),
  };
}

export interface YearOverviewRow {
  org: Pick<Organization, 'id' | 'name'>;
  evaluation?: Evaluation;
  /** Not started after the start-by month (V11). */
  overdue: boolean;
  /** A started evaluation's warnings (rating still open, follow-up past its date), in Chinese. */
  warnings: string[];
}

/** The committee's overview of a year: every branch in the actor's scope below `orgId`, with its evaluation or none. */
export async function evaluationYearOverview(deps: ServiceDeps, actor: Actor, orgId: string, year: number): Promise<{ rows: YearOverviewRow[]; canStartAll: boolean }> {
  const tree = await loadOrgTree(deps.store);
  if (!tree.get(orgId)) throw new RecordNotFoundError('该组织');
  authorize(actor, 'evaluation.view', orgId, tree);
  const byOrg = new Map((await listYearEvaluations(deps.store, year)).map((e) => [e.orgId, e]));
  const today = todayIn(deps);
  const rows = tree.subtreeIds(orgId).map((id) => tree.get(id)!).filter((org) => org.kind === 'branch' && org.status === 'active' && permits(actor, 'evaluation.view', org.id, tree)).map((org) => {
    const evaluation = byOrg.get(org.id);
    return { org: { id: org.id, name: org.name }, evaluation, overdue: !evaluation && startOverdue(year, today, DEFAULT_EVALUATION_RULES), warnings: evaluation ? evaluationWarnings(evaluation, today) : [] };
  });
  return { rows, canStartAll: permits(actor, 'evaluation.startAll', orgId, tree) };
}

/** A branch's evaluations, newest year first. */
export async function branchEvaluations(deps: ServiceDeps, actor: Actor, orgId: string): Promise<Evaluation[]> {
  authorize(actor, 'evaluation.view', orgId, await loadOrgTree(deps.store));
  return listOrgEvaluations(deps.store, orgId);
}

/** The grades on a person's record, newest year first (the person's page authorizes the person first). */
export async function personGrades(deps: Pick<ServiceDeps, 'store'>, personId: string): Promise<PersonGrade[]> {
  return listPersonGrades(deps.store, personId);
}
