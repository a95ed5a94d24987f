import { createElection } from '../../../../shared/services/election';
import { nextVersion, electionChange } from '../../../../shared/services/election/commit';
import type { ServiceDeps } from '../../../../shared/services/deps';
import { getElection } from '../../../../shared/store/elections-repo';
import { transactWrite } from '../../../../shared/store/transact';
import { putTestPerson, testPerson } from '../../../support/registry-fixtures';

/**
 * An election created through the service and put where the workflow leaves it after the candidate list was
 * approved and noticed: phase 'election', the ballot paper of the committee round. The caller opens the round step
 * with the workflow's own task (openElectionStep).
 */
export async function seedElectionAtVote(deps: ServiceDeps, o: { orgId: string; orgName: string; seats: number; candidates: string[] }): Promise<string> {
  // Ten voting members (the rounds' 应到 is checked against the roster), the candidates among them.
  const others = Array.from({ length: Math.max(0, 10 - o.candidates.length) }, (_, i) => `党员${i + 1}`);
  for (const name of [...o.candidates, ...others]) await putTestPerson(deps.store, testPerson({ orgId: o.orgId, name }));
  const actor = { id: 'system-test', displayName: '测试', role: 'admin' as const, orgId: o.orgId, scopeOrgIds: [o.orgId] };
  const created = await createElection(deps, actor, {
    orgId: o.orgId, form: 'gongtui', seats: String(o.seats), deputies: '1', meetingDate: '2026-03-02', structure: '委员会', method: '差额选举',
  });
  const election = (await getElection(deps.store, created.id))!;
  const next = nextVersion(election, { phase: 'election', candidates: o.candidates, ballot: { contest: 'committee', seats: o.seats, candidates: o.candidates } });
  await transactWrite(deps.store, electionChange(deps.store, next, { at: deps.clock.now().toISOString(), action: 'election.candidate-notice-passed', actor: 'system' }));
  return created.id;
}
