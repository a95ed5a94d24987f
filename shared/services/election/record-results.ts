import { chinaDate } from '../../domain/calendar';
import type { Election } from '../../domain/election/election';
import type { CommitteeMember } from '../../domain/registry/organization';
import type { Person } from '../../domain/registry/person';
import { auditPut } from '../../store/audit';
import { getElection } from '../../store/elections-repo';
import { getOrganization, organizationWrites, orgPk } from '../../store/orgs-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { votingMembersOf } from '../registry/questions';
import { electionChange, nextVersion } from './commit';

/** The last day of a term of `years` from `start` (YYYY-MM-DD): the day before the same date `years` later. */
export function termEndOf(start: string, years: number): string {
  const [y, m, d] = start.split('-').map(Number);
  const end = new Date(Date.UTC(y + years, m - 1, d - 1));
  return end.toISOString().slice(0, 10);
}

/** The new committee: secretary, deputy, then the other members in order of election; person ids where unique. */
export function newCommittee(election: Pick<Election, 'elected' | 'secretary' | 'deputy'>, members: readonly Pick<Person, 'id' | 'name'>[]): CommitteeMember[] {
  const personId = (name: string) => {
    const matches = members.filter((p) => p.name === name);
    return matches.length === 1 ? { personId: matches[0].id } : {};
  };
  const post = (name: string): CommitteeMember['post'] => (name === election.secretary ? 'secretary' : name === election.deputy ? 'deputy-secretary' : 'member');
  const order = (name: string) => ({ secretary: 0, 'deputy-secretary': 1, member: 2 })[post(name)];
  return [...election.elected].sort((a, b) => order(a) - order(b)).map((name) => ({ ...personId(name), name, post: post(name) }));
}

/**
 * Task RecordResults, after the results are approved: the new committee (members, secretary, deputy) and its term
 * (from the approval date, term years by the election's rules; the term end drives the next election's reminder)
 * are written to the organization, with audit events on the organization and the election, in one transaction.
 * Idempotent: an election already completed is left as it is.
 */
export async function recordElectionResults(deps: ServiceDeps, request: { electionId: string }): Promise<{ termStart: string; termEnd: string }> {
  const election = await getElection(deps.store, request.electionId);
  if (!election) throw new Error(`Election ${request.electionId} not found`);
  if (election.status === 'completed' && election.termStart && election.termEnd) return { termStart: election.termStart, termEnd: election.termEnd };
  const org = await getOrganization(deps.store, election.orgId);
  if (!org) throw new Error(`Organization ${election.orgId} not found`);
  const now = deps.clock.now();
  const termStart = chinaDate(now);
  const termEnd = termEndOf(termStart, election.termYears);
  const committee = newCommittee(election, await votingMembersOf(deps, election.orgId, termStart));
  const at = now.toISOString();
  const nextOrg = { ...org, committee, termStart, termEnd, version: org.version + 1 };
  const next = nextVersion(election, { status: 'completed', phase: 'results', termStart, termEnd, completedAt: at });
  try {
    await transactWrite(deps.store, electionChange(deps.store, next, { at, action: 'election.results-recorded', actor: 'system', details: { termStart, termEnd } }, [
      ...organizationWrites(deps.store, { replaced: [nextOrg] }),
      auditPut(deps.store, orgPk(org.id), { at, action: 'org.committee-elected', actor: 'system', details: { electionId: election.id, committee, termStart, termEnd } }),
    ]));
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error;
    return recordElectionResults(deps, request);
  }
  return { termStart, termEnd };
}
