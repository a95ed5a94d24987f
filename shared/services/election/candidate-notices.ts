import { chinaDate } from '../../domain/calendar';
import type { NoticeDraft, NoticeResult } from '../../domain/notice/notice';
import { candidateListMatter } from '../../domain/election/candidate-list-notice';
import { reduceSubject } from '../../domain/notice/reduce-subject';
import { getElection } from '../../store/elections-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { noticeContactOf } from '../registry/notice-contact';
import { votingMembersOf } from '../registry/questions';
import { electionChange, nextVersion } from './commit';

/** The candidate list's notice of a notice round (one per round): a retried task prepares the same id. */
export const candidateNoticeId = (electionId: string, round: number) => `${electionId}-c${round}-1`;

/**
 * Task PrepareCandidateNotice: ONE public notice of the approved candidate list (候选人预备人选公示,
 * docs/domain/elections.md step 4: "publicly noticed", objections as in §4), the period from the election's rules
 * (7 calendar days by default). The Map state runs it as a nested notice execution `notice-<id>`.
 */
export async function prepareCandidateNotices(deps: ServiceDeps, request: { electionId: string }): Promise<{ drafts: NoticeDraft[] }> {
  const election = await getElection(deps.store, request.electionId);
  if (!election) throw new Error(`Election ${request.electionId} not found`);
  const members = await votingMembersOf(deps, election.orgId, chinaDate(deps.clock.now()));
  const round = election.noticeRounds + 1;
  const contact = await noticeContactOf(deps, { id: election.orgId, name: election.orgName }, 'approving');
  const people = election.candidates.map((name) => {
    const person = members.find((p) => p.name === name);
    if (!person) throw new Error(`Candidate ${name} is not a voting member of ${election.orgId}`);
    return reduceSubject(person);
  });
  const draft: NoticeDraft = {
    id: candidateNoticeId(election.id, round),
    orgId: election.orgId,
    orgName: election.orgName,
    kind: 'candidate-list',
    audience: 'public',
    matter: candidateListMatter(election.orgName, people),
    objectionContact: contact,
    period: { unit: election.rules.candidateNotice.unit, count: election.rules.candidateNotice.days },
    createdBy: 'system',
  };
  return { drafts: [draft] };
}

/**
 * Task NoteNoticeResults: the candidate notices have ended. Any stopped (founded objection) or postponed notice
 * sends the election back to recommendation (the candidate list is cleared); otherwise it goes to the vote.
 * Output: { stopped }. Idempotent per notice round.
 */
export async function recordCandidateNoticeResults(deps: ServiceDeps, request: { electionId: string; results: { noticeId: string; result: NoticeResult }[] }): Promise<{ stopped: boolean }> {
  const election = await getElection(deps.store, request.electionId);
  if (!election) throw new Error(`Election ${request.electionId} not found`);
  const blocked = request.results.filter((r) => r.result !== 'proceed');
  const stopped = blocked.length > 0;
  const round = election.noticeRounds + 1;
  if (request.results.some((r) => !r.noticeId.startsWith(`${election.id}-c${round}-`))) return { stopped };
  const next = nextVersion(election, { noticeRounds: round, ...(stopped ? { candidates: [], ballot: undefined } : {}) });
  try {
    await transactWrite(deps.store, electionChange(deps.store, next, {
      at: deps.clock.now().toISOString(), action: stopped ? 'election.candidate-notice-stopped' : 'election.candidate-notice-passed', actor: 'system',
      details: { results: request.results },
    }));
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error;
    return recordCandidateNoticeResults(deps, request);
  }
  return { stopped };
}
