import type { ApprovalRequest, ApprovalResolution } from '../../domain/approval/approval';
import { computePeriodEnd } from '../../domain/calendar';
import type { Evaluation } from '../../domain/evaluation/evaluation';
import { GRADE_LABELS } from '../../domain/evaluation/grades';
import { loadCalendar } from '../../store/calendar-repo';
import { getEvaluation } from '../../store/evaluations-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { approversFor } from '../election/approvals';
import { approverOf } from '../registry/questions';
import { evaluationChange, nextVersion } from './commit';

const APPROVAL_PERIOD = { unit: 'workingDays', count: 20 } as const;

export const evaluationApprovalId = (evaluationId: string, attempt: number) => `${evaluationId}-grades-${attempt}`;

/** The grades as one line per member, for the approver and the notice. */
export function gradeLines(evaluation: Evaluation): string {
  return (evaluation.grades ?? []).map((g) => `${g.name}：${GRADE_LABELS[g.grade]}${g.reason ? `（${g.reason}）` : ''}`).join('\n');
}

/**
 * Task PrepareApproval (step 6): the grades the general meeting adopted, to the approving organization above the
 * branch, as the election's approvals are addressed. Deterministic for a retried task (attempt = decisions + 1).
 */
export async function prepareEvaluationApproval(deps: ServiceDeps, request: { evaluationId: string }): Promise<{ approval: ApprovalRequest }> {
  const evaluation = await getEvaluation(deps.store, request.evaluationId);
  if (!evaluation) throw new Error(`Evaluation ${request.evaluationId} not found`);
  const approving = await approverOf(deps, evaluation.orgId);
  if (!approving) throw new Error(`No approving organization above ${evaluation.orgId}`);
  const approvers = await approversFor(deps, approving);
  if (approvers.length === 0) throw new Error(`The approving organization ${approving.id} has no approver with an e-mail`);
  return {
    approval: {
      approvalId: evaluationApprovalId(evaluation.id, evaluation.approvals.length + 1),
      subject: {
        kind: 'evaluation-grades',
        title: `${evaluation.orgName}${evaluation.year}年度民主评议党员定档结果`,
        summary: `参评党员 ${evaluation.evaluated.length} 名，经支部大会审议通过的评定等次：\n${gradeLines(evaluation)}`,
        orgId: evaluation.orgId, orgName: evaluation.orgName, caseUrl: `${deps.publicBaseUrl}/staff/evaluations/${evaluation.id}`,
      },
      approvers,
      policy: 'any',
      dueDate: computePeriodEnd(await loadCalendar(deps.store), deps.clock.now(), APPROVAL_PERIOD).endsAtInstant.toISOString(),
    },
  };
}

/**
 * Task NoteDecision: the higher committee's decision recorded on the evaluation (idempotent by approval id). Returned
 * for reconsideration → the workflow goes back to the proposal (step 4). Output: { outcome }.
 */
export async function recordEvaluationDecision(deps: ServiceDeps, request: { evaluationId: string; decision: ApprovalResolution }): Promise<{ outcome: string }> {
  const { decision } = request;
  const evaluation = await getEvaluation(deps.store, request.evaluationId);
  if (!evaluation) throw new Error(`Evaluation ${request.evaluationId} not found`);
  if (evaluation.approvals.some((a) => a.approvalId === decision.approvalId)) return { outcome: decision.outcome };
  const at = deps.clock.now().toISOString();
  const next = nextVersion(evaluation, {
    phase: decision.outcome === 'approved' ? 'publication' : 'proposal',
    approvals: [...evaluation.approvals, { approvalId: decision.approvalId, outcome: decision.outcome, decidedAt: decision.decidedAt, comment: decision.comment }],
  });
  try {
    await transactWrite(deps.store, evaluationChange(deps.store, next, {
      at, action: `evaluation.grades-${decision.outcome}`, actor: 'system',
      details: { approvalId: decision.approvalId, decidedBy: decision.decidedBy, meetingDate: decision.meetingDate, comment: decision.comment },
    }));
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error;
    return recordEvaluationDecision(deps, request);
  }
  return { outcome: decision.outcome };
}
