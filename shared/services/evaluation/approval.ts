import type { ApprovalRequest, ApprovalResolution } from '../../domain/approval/approval';
import { computePeriodEnd } from '../../domain/calendar';
import type { Evaluation } from '../../domain/evaluation/evaluation';
import { CORRECTION_OUTCOME_LABELS, isDisposal } from '../../domain/evaluation/follow-up';
import { GRADE_LABELS } from '../../domain/evaluation/grades';
import { loadCalendar } from '../../store/calendar-repo';
import { getEvaluation, putPersonGrade } from '../../store/evaluations-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { approversFor } from '../election/approvals';
import { approverOf } from '../registry/questions';
import { evaluationChange, nextVersion } from './commit';

const APPROVAL_PERIOD = { unit: 'workingDays', count: 20 } as const;

export const evaluationApprovalId = (evaluationId: string, attempt: number, purpose: ApprovalPurpose = 'grades') => `${evaluationId}-${purpose}-${attempt}`;

/** What the higher committee approves: the grades (step 6), or 劝其退党 / 除名 after 限期改正 (step 8, V12). */
export type ApprovalPurpose = 'grades' | 'disposal';

const approvalsOf = (evaluation: Evaluation, purpose: ApprovalPurpose) => evaluation.approvals.filter((a) => a.approvalId.startsWith(`${evaluation.id}-${purpose}-`));

/** The 劝其退党 / 除名 proposed after the 限期改正 review, one line per member. */
export function disposalLines(evaluation: Evaluation): string {
  return (evaluation.grades ?? []).filter((g) => g.correction && isDisposal(g.correction)).map((g) => `${g.name}：${CORRECTION_OUTCOME_LABELS[g.correction!]}（${evaluation.year}年度评定为不合格，限期改正期满经复查未改正）`).join('\n');
}

function subjectOf(evaluation: Evaluation, purpose: ApprovalPurpose, caseUrl: string): ApprovalRequest['subject'] {
  if (purpose === 'disposal') {
    return {
      kind: 'evaluation-disposal',
      title: `${evaluation.orgName}${evaluation.year}年度民主评议不合格党员组织处置`,
      summary: `经支部大会讨论通过的组织处置意见：\n${disposalLines(evaluation)}`,
      orgId: evaluation.orgId, orgName: evaluation.orgName, caseUrl,
    };
  }
  return {
    kind: 'evaluation-grades',
    title: `${evaluation.orgName}${evaluation.year}年度民主评议党员定档结果`,
    summary: `参评党员 ${evaluation.evaluated.length} 名，经支部大会审议通过的评定等次：\n${gradeLines(evaluation)}`,
    orgId: evaluation.orgId, orgName: evaluation.orgName, caseUrl,
  };
}

/** The grades as one line per member, for the approver and the notice. */
export function gradeLines(evaluation: Evaluation): string {
  return (evaluation.grades ?? []).map((g) => `${g.name}：${GRADE_LABELS[g.grade]}${g.reason ? `（${g.reason}）` : ''}`).join('\n');
}

/**
 * Task PrepareApproval (step 6): the grades the general meeting adopted, to the approving organization above the
 * branch, as the election's approvals are addressed. Deterministic for a retried task (attempt = decisions + 1).
 */
export async function prepareEvaluationApproval(deps: ServiceDeps, request: { evaluationId: string; purpose?: ApprovalPurpose }): Promise<{ approval: ApprovalRequest }> {
  const purpose = request.purpose ?? 'grades';
  const evaluation = await getEvaluation(deps.store, request.evaluationId);
  if (!evaluation) throw new Error(`Evaluation ${request.evaluationId} not found`);
  const approving = await approverOf(deps, evaluation.orgId);
  if (!approving) throw new Error(`No approving organization above ${evaluation.orgId}`);
  const approvers = await approversFor(deps, approving);
  if (approvers.length === 0) throw new Error(`The approving organization ${approving.id} has no approver with an e-mail`);
  return {
    approval: {
      approvalId: evaluationApprovalId(evaluation.id, approvalsOf(evaluation, purpose).length + 1, purpose),
      subject: subjectOf(evaluation, purpose, `${deps.publicBaseUrl}/staff/evaluations/${evaluation.id}`),
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
export async function recordEvaluationDecision(deps: ServiceDeps, request: { evaluationId: string; decision: ApprovalResolution; purpose?: ApprovalPurpose }): Promise<{ outcome: string }> {
  const { decision } = request;
  const purpose = request.purpose ?? 'grades';
  const evaluation = await getEvaluation(deps.store, request.evaluationId);
  if (!evaluation) throw new Error(`Evaluation ${request.evaluationId} not found`);
  if (evaluation.approvals.some((a) => a.approvalId === decision.approvalId)) return { outcome: decision.outcome };
  const at = deps.clock.now().toISOString();
  const approved = decision.outcome === 'approved';
  const approvals = [...evaluation.approvals, { approvalId: decision.approvalId, outcome: decision.outcome, decidedAt: decision.decidedAt, comment: decision.comment }];
  // 劝其退党 / 除名 approved: written to the records and the evaluation is done; returned: reviewed again (V12).
  const grades = purpose === 'disposal'
    ? (evaluation.grades ?? []).map((g) => (g.disposal === 'adopted' ? { ...g, disposal: approved ? 'approved' as const : 'returned' as const } : g))
    : evaluation.grades;
  const changes: Partial<Evaluation> = purpose === 'grades'
    ? { phase: approved ? 'publication' : 'proposal', approvals }
    : { approvals, grades, ...(approved ? { status: 'completed' as const, phase: 'completed' as const, completedAt: at } : {}) };
  const personPuts = purpose === 'disposal' && approved
    ? (grades ?? []).filter((g) => g.followUp).map((g) => putPersonGrade(deps.store, g.personId, {
      year: evaluation.year, grade: g.grade, evaluationId: evaluation.id, orgName: evaluation.orgName, followUp: g.followUp, correction: g.correction,
    }))
    : [];
  const next = nextVersion(evaluation, changes);
  try {
    await transactWrite(deps.store, evaluationChange(deps.store, next, {
      at, action: `evaluation.${purpose}-${decision.outcome}`, actor: 'system',
      details: { approvalId: decision.approvalId, decidedBy: decision.decidedBy, meetingDate: decision.meetingDate, comment: decision.comment },
    }, personPuts));
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error;
    return recordEvaluationDecision(deps, request);
  }
  return { outcome: decision.outcome };
}
