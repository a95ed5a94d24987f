import type { ApprovalResolution } from '../../domain/approval/approval';
import type { Election } from '../../domain/election/election';
import { sortBySurnameStrokes } from '../../domain/election/stroke-order';
import { getElection } from '../../store/elections-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import type { ElectionApprovalKind } from './approvals';
import { electionChange, nextVersion } from './commit';

/** What a decision of the higher organization changes on the election. */
function changesFor(election: Election, kind: ElectionApprovalKind, approved: boolean, at: string): Partial<Election> {
  if (kind === 'request') return approved ? {} : { status: 'rejected', completedAt: at };
  if (kind === 'candidate-list') {
    return approved ? { ballot: { contest: 'committee', seats: election.seats, candidates: sortBySurnameStrokes(election.candidates) } } : { candidates: [] };
  }
  return {};
}

/**
 * Task NoteDecision, after each nested approval: records the higher organization's decision on the election
 * (request rejected → the election ends Rejected; candidate list approved → the committee's ballot paper, names in
 * 姓氏笔画 order; rejected →
 * back to recommendation). Idempotent by approval id. Output: { outcome }.
 */
export async function recordElectionDecision(deps: ServiceDeps, request: { electionId: string; kind: ElectionApprovalKind; decision: ApprovalResolution }): Promise<{ outcome: string }> {
  const { decision, kind } = request;
  const election = await getElection(deps.store, request.electionId);
  if (!election) throw new Error(`Election ${request.electionId} not found`);
  if (election.approvals.some((a) => a.approvalId === decision.approvalId)) return { outcome: decision.outcome };
  const at = deps.clock.now().toISOString();
  const approved = decision.outcome === 'approved';
  const next = nextVersion(election, {
    ...changesFor(election, kind, approved, at),
    approvals: [...election.approvals, { kind, approvalId: decision.approvalId, outcome: decision.outcome, decidedAt: decision.decidedAt }],
  });
  try {
    await transactWrite(deps.store, electionChange(deps.store, next, {
      at, action: `election.${kind}-${decision.outcome}`, actor: 'system',
      details: { approvalId: decision.approvalId, decidedBy: decision.decidedBy, meetingDate: decision.meetingDate, comment: decision.comment },
    }));
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error;
    return recordElectionDecision(deps, request);
  }
  return { outcome: decision.outcome };
}
