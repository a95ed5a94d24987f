import type { Election, ElectionRound, ElectionStepRecord } from '../../domain/election/election';
import type { Notice } from '../../domain/notice/notice';
import { listAudit, type AuditEvent } from '../../store/audit';
import { electionPk, listOrgElections, readElectionPartition } from '../../store/elections-repo';
import { listOrgNotices } from '../../store/notices-repo';
import { getTask, type StoredTask } from '../../store/tasks-repo';
import type { Actor } from '../actor';
import { withActorNames } from '../audit-names';
import { authorize, loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { RecordNotFoundError } from '../../errors';

/** Everything the election's page and its file (全程纪实) show. */
export interface ElectionFile {
  election: Election;
  steps: ElectionStepRecord[];
  rounds: ElectionRound[];
  audit: AuditEvent[];
  /** The election's own notices: its announcement and its candidate lists. */
  notices: Notice[];
  /** The pending task of the step now waiting (without its token), when one is open. */
  openTask?: Omit<StoredTask, 'taskToken' | 'output'>;
}

export async function getElectionFile(deps: ServiceDeps, actor: Actor, electionId: string): Promise<ElectionFile> {
  const { election, steps, rounds } = await readElectionPartition(deps.store, electionId);
  if (!election) throw new RecordNotFoundError('该选举');
  authorize(actor, 'election.view', election.orgId, await loadOrgTree(deps.store));
  const task = election.currentTaskId ? await getTask(deps.store, election.currentTaskId) : undefined;
  const openTask = task?.status === 'open' ? (({ taskToken: _t, output: _o, ...rest }) => rest)(task) : undefined;
  const own = (id: string) => id.startsWith(`${election.id}-c`) || id === election.announcementNoticeId;
  const notices = (await listOrgNotices(deps.store, election.orgId)).filter((n) => own(n.id));
  return { election, steps, rounds, audit: await withActorNames(deps, await listAudit(deps.store, electionPk(electionId))), notices, ...(openTask ? { openTask } : {}) };
}

/** An organization's elections, newest first. */
export async function listElections(deps: ServiceDeps, actor: Actor, orgId: string): Promise<Election[]> {
  authorize(actor, 'election.view', orgId, await loadOrgTree(deps.store));
  return listOrgElections(deps.store, orgId);
}
