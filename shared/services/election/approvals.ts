import type { ApprovalRequest, ApprovalSubjectKind, Approver } from '../../domain/approval/approval';
import { chinaDate, computePeriodEnd } from '../../domain/calendar';
import { ELECTION_FORM_LABELS, type Election } from '../../domain/election/election';
import type { Organization } from '../../domain/registry/organization';
import { listOrgAccounts } from '../../store/accounts-repo';
import { loadCalendar } from '../../store/calendar-repo';
import { roundSummaryLine } from '../../domain/election/round-summary';
import { noticeResultText } from '../../domain/notice/notice-result';
import { getElection, listRounds } from '../../store/elections-repo';
import { getEndedNotice } from '../../store/notices-repo';
import { candidateNoticeId } from './candidate-notices';
import { getPerson } from '../../store/people-repo';
import type { ServiceDeps } from '../deps';
import { approverOf } from '../registry/questions';

/** The three decisions of the higher organization in an election. */
export type ElectionApprovalKind = 'request' | 'candidate-list' | 'election-result';

const SUBJECT_KIND: Record<ElectionApprovalKind, ApprovalSubjectKind> = { request: 'election-request', 'candidate-list': 'candidate-list', 'election-result': 'election-result' };

/** Approvals are due within 20 working days (a date for reminders; the links expire on their own schedule). */
const APPROVAL_PERIOD = { unit: 'workingDays', count: 20 } as const;

/** The approval's id: one per election, kind and attempt, so a retried task prepares the same approval. */
export const electionApprovalId = (electionId: string, kind: ElectionApprovalKind, attempt: number) => `${electionId}-${kind}-${attempt}`;

/** What the results' approval follows: the candidate list's notice (its result) and every voting round (its votes). */
async function resultsSubstance(deps: ServiceDeps, election: Election): Promise<string[]> {
  const [rounds, notice] = await Promise.all([
    listRounds(deps.store, election.id),
    election.noticeRounds > 0 ? getEndedNotice(deps.store, candidateNoticeId(election.id, election.noticeRounds)) : Promise.resolve(undefined),
  ]);
  const noticeLine = notice ? [`候选人预备人选公示（${chinaDate(new Date(notice.publishedAt))} 至 ${notice.endsAt.slice(0, 10)}）：${noticeResultText(notice)}`] : [];
  return [...noticeLine, ...rounds.map(roundSummaryLine)];
}

function summaryOf(election: Election, kind: ElectionApprovalKind): { title: string; summary: string } {
  const head = `${election.orgName}换届选举（${ELECTION_FORM_LABELS[election.form]}），委员名额 ${election.seats} 名，副书记 ${election.deputies} 名。`;
  if (kind === 'request') {
    return {
      title: `关于${election.orgName}召开党员大会进行换届选举的请示`,
      summary: `${head}\n计划召开党员大会：${election.plan.meetingDate}\n委员会结构：${election.plan.structure}\n选举办法：${election.plan.method}`,
    };
  }
  if (kind === 'candidate-list') {
    return { title: `${election.orgName}新一届委员会委员候选人预备人选`, summary: `${head}\n候选人预备人选（${election.candidates.length} 名）：${election.candidates.join('、')}` };
  }
  return {
    title: `${election.orgName}换届选举结果`,
    summary: `${head}\n当选委员：${election.elected.join('、')}\n书记：${election.secretary ?? '—'}\n副书记：${election.deputy ?? '—'}`,
  };
}

/** Who decides for the approving organization: its secretary and deputy with an e-mail, else its committee staff. */
export async function approversFor(deps: ServiceDeps, org: Organization): Promise<Approver[]> {
  const leaders = org.committee.filter((m) => m.personId && (m.post === 'secretary' || m.post === 'deputy-secretary'));
  const people = await Promise.all(leaders.map((m) => getPerson(deps.store, m.personId as string)));
  const approvers = people.flatMap((p) => (p?.email ? [{ name: p.name, email: p.email }] : []));
  if (approvers.length > 0) return approvers;
  const staff = await listOrgAccounts(deps.store, org.id);
  return staff.filter((a) => !a.disabled && a.role === 'committee-staff' && a.email).map((a) => ({ name: a.displayName, email: a.email }));
}

/**
 * Task PrepareApproval: the request the nested approval execution is started with (`{ approval }`), addressed to
 * the approving organization above the election's (registry approverOf). Deterministic for a retried task (the attempt counts
 * the decisions of this kind already recorded).
 */
export async function prepareElectionApproval(deps: ServiceDeps, request: { electionId: string; kind: ElectionApprovalKind }): Promise<{ approval: ApprovalRequest }> {
  const election = await getElection(deps.store, request.electionId);
  if (!election) throw new Error(`Election ${request.electionId} not found`);
  const attempt = election.approvals.filter((a) => a.kind === request.kind).length + 1;
  const approving = await approverOf(deps, election.orgId);
  if (!approving) throw new Error(`No approving organization above ${election.orgId}`);
  const approvers = await approversFor(deps, approving);
  if (approvers.length === 0) throw new Error(`The approving organization ${approving.id} has no approver with an e-mail`);
  const { title, summary: head } = summaryOf(election, request.kind);
  const summary = request.kind === 'election-result' ? [head, ...(await resultsSubstance(deps, election))].join('\n') : head;
  return {
    approval: {
      approvalId: electionApprovalId(election.id, request.kind, attempt),
      subject: { kind: SUBJECT_KIND[request.kind], title, summary, orgId: election.orgId, orgName: election.orgName, caseUrl: `${deps.publicBaseUrl}/staff/elections/${election.id}` },
      approvers,
      policy: 'any',
      dueDate: computePeriodEnd(await loadCalendar(deps.store), deps.clock.now(), APPROVAL_PERIOD).endsAtInstant.toISOString(),
    },
  };
}
