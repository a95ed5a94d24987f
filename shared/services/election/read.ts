import type { Election, ElectionRound, ElectionStepRecord } from '../../domain/election/election';
import type { Notice } from '../../domain/notice/notice';
import { listAudit, type AuditEvent } from '../../store/audit';
import { ELECTION_ITEM_BYTES, electionPk, listOrgElections, pageOrgElections, pageProvinceElections, readElectionPartition } from '../../store/elections-repo';
import { LIST_PAGE_SIZE } from '../../store/org-pages';
import { listOrgNotices } from '../../store/notices-repo';
import { getTask, type StoredTask } from '../../store/tasks-repo';
import type { Actor } from '../actor';
import { withActorNames } from '../audit-names';
import { authorize, loadOrgTree, permits } from '../authorization';
import type { ServiceDeps } from '../deps';
import { provinceListShare } from '../large-scope';
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

/**
 * One page of the elections overview: the organizations in tree (path) order, each one's elections newest first; for
 * a scope of more than 100 organizations, the province's elections newest first (docs/domain/lists-and-counts.md).
 */
export interface ElectionsPage {
  elections: Election[];
  /** The cursor of the next page (absent on the last). */
  next?: string;
}

/**
 * The elections of `orgIds` (the organizations of the overview) the actor may view, `LIST_PAGE_SIZE` a page from
 * `cursor` (nothing of the start lost or repeated while elections are added): per organization (org-pages.ts), or for
 * a large scope a page of the province's list filtered to them (once its backfill is done and when it reads less).
 */
export async function pageElections(deps: Pick<ServiceDeps, 'store'>, actor: Actor, orgIds: readonly string[], cursor?: string): Promise<ElectionsPage> {
  const tree = await loadOrgTree(deps.store);
  const orgs = orgIds.filter((id) => permits(actor, 'election.view', id, tree)).map((id) => ({ id, path: tree.pathOf(id) as string }));
  const share = await provinceListShare(deps, actor, 'election-list', ELECTION_ITEM_BYTES, tree);
  if (share !== undefined) {
    const viewable = new Set(orgs.map((org) => org.id));
    return pageProvinceElections(deps.store, (orgId) => viewable.has(orgId), { limit: LIST_PAGE_SIZE, cursor, share });
  }
  const page = await pageOrgElections(deps.store, orgs, { limit: LIST_PAGE_SIZE, cursor });
  return { elections: page.items, ...(page.next ? { next: page.next } : {}) };
}
