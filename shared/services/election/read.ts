import type { Election, ElectionRound, ElectionStepRecord } from '../../domain/election/election';
import { listAudit, type AuditEvent } from '../../store/audit';
import { electionPk, listOrgElections, readElectionPartition } from '../../store/elections-repo';
import { getTask, type StoredTask } from '../../store/tasks-repo';
import type { Actor } from '../actor';
import { withActorNames } from '../audit-names';
import { authorize, loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { RecordNotFoundError } from '../errors';

/** Everything the election's page and its file (全程纪实) show. */
export interface ElectionFile {
  election: Election;
  steps: ElectionStepRecord[];
  rounds: ElectionRound[];
  audit: AuditEvent[];
  /** The pending task of the step now waiting (without its token), when one is open. */
  openTask?: Omit<StoredTask, 'taskToken' | 'output'>;
}

export async function getElectionFile(deps: ServiceDeps, actor: Actor, electionId: string): Promise<ElectionFile> {
  const { election, steps, rounds } = await readElectionPartition(deps.store, electionId);
  if (!election) throw new RecordNotFoundError('该选举');
  authorize(actor, 'election.view', election.orgId, await loadOrgTree(deps.store));
  const task = election.currentTaskId ? await getTask(deps.store, election.currentTaskId) : undefined;
  const openTask = task?.status === 'open' ? (({ taskToken: _t, output: _o, ...rest }) => rest)(task) : undefined;
  return { election, steps, rounds, audit: await withActorNames(deps, await listAudit(deps.store, electionPk(electionId))), ...(openTask ? { openTask } : {}) };
}

/** An organization's elections, newest first. */
export async function listElections(deps: ServiceDeps, actor: Actor, orgId: string): Promise<Election[]> {
  authorize(actor, 'election.view', orgId, await loadOrgTree(deps.store));
  return listOrgElections(deps.store, orgId);
}
