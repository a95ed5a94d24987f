import type { ApprovalRequest, ApprovalResolution } from '../../domain/approval/approval';
import { yearEndLines } from '../../domain/assessment';
import { computePeriodEnd } from '../../domain/calendar';
import { getYearEnd } from '../../store/assessment-year-end-repo';
import { loadCalendar } from '../../store/calendar-repo';
import { getOrganization } from '../../store/orgs-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { approversFor } from '../election/approvals';
import { yearEndApprovalId } from './ids';
import { nextYearEnd, yearEndChange } from './year-end-change';

const APPROVAL_PERIOD = { unit: 'workingDays', count: 20 } as const;

/**
 * Task PrepareApproval (A17): the results submitted, to the assessing committee itself (its secretary and deputy
 * with an e-mail, else its staff) by e-mail link. Deterministic for a retried task (attempt = decisions + 1).
 */
export async function prepareYearEndApproval(deps: ServiceDeps, request: { committeeId: string; year: number }): Promise<{ approval: ApprovalRequest }> {
  const [yearEnd, committee] = await Promise.all([getYearEnd(deps.store, request.committeeId, request.year), getOrganization(deps.store, request.committeeId)]);
  if (!yearEnd?.results || !committee) throw new Error(`Year end ${request.committeeId}/${request.year} not submitted`);
  const approvers = await approversFor(deps, committee);
  if (approvers.length === 0) throw new Error(`The committee ${committee.id} has no approver with an e-mail`);
  return {
    approval: {
      approvalId: yearEndApprovalId(yearEnd.committeeId, yearEnd.year, yearEnd.approvals.length + 1),
      subject: {
        kind: 'assessment-year-end',
        title: `${yearEnd.committeeName}${yearEnd.year}年度党建工作目标考核结果`,
        summary: `被考核组织 ${yearEnd.results.length} 个，年终总分及等次如下：\n${yearEndLines(yearEnd.results).join('\n')}`,
        orgId: yearEnd.committeeId, orgName: yearEnd.committeeName,
        caseUrl: `${deps.publicBaseUrl}/staff/assessment/year-end/${encodeURIComponent(yearEnd.committeeId)}/${yearEnd.year}`,
      },
      approvers,
      policy: 'any',
      dueDate: computePeriodEnd(await loadCalendar(deps.store), deps.clock.now(), APPROVAL_PERIOD).endsAtInstant.toISOString(),
    },
  };
}

/**
 * Task NoteDecision (A17): the committee's decision recorded on the year end (idempotent by approval id). Not
 * approved → back to rating (the workflow opens the next rating task). Output: { outcome }.
 */
export async function noteYearEndDecision(deps: ServiceDeps, request: { committeeId: string; year: number; decision: ApprovalResolution }): Promise<{ outcome: string }> {
  const { decision } = request;
  const yearEnd = await getYearEnd(deps.store, request.committeeId, request.year);
  if (!yearEnd) throw new Error(`Year end ${request.committeeId}/${request.year} not found`);
  if (yearEnd.approvals.some((a) => a.approvalId === decision.approvalId)) return { outcome: decision.outcome };
  const next = nextYearEnd(yearEnd, {
    status: decision.outcome === 'approved' ? 'approval' : 'rating',
    approvals: [...yearEnd.approvals, { approvalId: decision.approvalId, outcome: decision.outcome, decidedAt: decision.decidedAt, decidedBy: decision.decidedBy, comment: decision.comment }],
  });
  try {
    await transactWrite(deps.store, yearEndChange(deps.store, next, {
      at: deps.clock.now().toISOString(), action: `assessment.year-end-${decision.outcome}`, actor: 'system',
      details: { approvalId: decision.approvalId, decidedBy: decision.decidedBy, meetingDate: decision.meetingDate, comment: decision.comment },
    }));
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error;
    return noteYearEndDecision(deps, request);
  }
  return { outcome: decision.outcome };
}
