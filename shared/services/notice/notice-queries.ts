import type { Notice } from '../../domain/notice/notice';
import type { Objection } from '../../domain/notice/objection';
import type { PendingTask } from '../../domain/tasks/pending-task';
import { withActorNames } from '../audit-names';
import { listAudit, type AuditEvent } from '../../store/audit';
import { getNotice, listBoardNotices, listedNotice, listOrgNotices, LISTED_NOTICE_BYTES, noticePk, pageProvinceNotices, type ListedNotice } from '../../store/notices-repo';
import { LIST_PAGE_SIZE } from '../../store/org-pages';
import { provinceListShare } from '../large-scope';
import { withObjectionsSoFar } from '../../store/notice-gates-repo';
import { listObjections } from '../../store/objections-repo';
import { getTask, type StoredTask } from '../../store/tasks-repo';
import { pendingTasksPage } from '../tasks/pending-tasks';
import { authorizeOrg, canActIn, type Actor } from '../actor';
import type { ServiceDeps } from '../deps';
import { RecordNotFoundError } from '../../errors';

/** Closed notices stay on the board this long after their end. */
export const BOARD_KEEPS_CLOSED_MS = 30 * 86_400_000;

/** The public notice board: open notices (ending soonest first) and those closed within 30 days (newest first). */
export async function listBoard(deps: ServiceDeps): Promise<{ open: Notice[]; closed: Notice[] }> {
  const now = deps.clock.now().getTime();
  const notices = (await listBoardNotices(deps.store, 'BOARD#public', now - BOARD_KEEPS_CLOSED_MS)).filter((n) => n.audience === 'public');
  return {
    open: notices.filter((n) => n.status === 'open' && n.endsAtMs >= now),
    closed: notices.filter((n) => !(n.status === 'open' && n.endsAtMs >= now)).reverse(),
  };
}

/** A notice as the public sees it: only public (a person, or an election's candidate list; never the internal announcement), not withdrawn. */
export async function getPublicNotice(deps: ServiceDeps, noticeId: string): Promise<Notice> {
  const notice = await getNotice(deps.store, noticeId);
  if (!notice || notice.audience !== 'public' || notice.status === 'withdrawn') throw new RecordNotFoundError('该公示');
  return notice;
}

export interface StaffNoticePage {
  notices: ListedNotice[];
  /** Where the next page starts (`/staff/notices?cursor=`); absent when every notice in scope is shown. */
  next?: string;
}

/**
 * The notices of the actor's organizations, newest first, with the objections so far (公示管理;
 * docs/domain/lists-and-counts.md). A scope of more than 100 organizations reads a page of the province-wide list of
 * notices (once its backfill is done and when it reads less than one query per organization); a smaller one all its
 * notices, one query per organization.
 */
export async function staffNoticeList(deps: ServiceDeps, actor: Actor, cursor?: string): Promise<StaffNoticePage> {
  const share = await provinceListShare(deps, actor, 'notice-list', LISTED_NOTICE_BYTES);
  const page: { notices: ListedNotice[]; next?: string } = share !== undefined
    ? await pageProvinceNotices(deps.store, (orgId) => canActIn(actor, orgId), { limit: LIST_PAGE_SIZE, cursor, share })
    : { notices: (await Promise.all(actor.scopeOrgIds.map((orgId) => listOrgNotices(deps.store, orgId)))).flat().map(listedNotice) };
  const notices = await Promise.all(page.notices.map((notice) => withObjectionsSoFar(deps.store, notice)));
  return { notices: notices.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt)), ...(page.next ? { next: page.next } : {}) };
}

/** The notice list's first page (all of a small scope's notices). */
export async function listStaffNotices(deps: ServiceDeps, actor: Actor): Promise<ListedNotice[]> {
  return (await staffNoticeList(deps, actor)).notices;
}

/** A notice with its objections and its file (全程纪实), for staff of its organization. */
export async function getStaffNotice(deps: ServiceDeps, actor: Actor, noticeId: string): Promise<{ notice: Notice; objections: Objection[]; audit: AuditEvent[] }> {
  const stored = await getNotice(deps.store, noticeId);
  if (!stored) throw new RecordNotFoundError('该公示');
  authorizeOrg(actor, stored.orgId);
  const [notice, objections, audit] = await Promise.all([withObjectionsSoFar(deps.store, stored), listObjections(deps.store, noticeId), listAudit(deps.store, noticePk(noticeId))]);
  return { notice, objections, audit: await withActorNames(deps, audit) };
}

const withoutToken = ({ taskToken: _token, output: _output, ...task }: StoredTask): PendingTask => task;

/** The 待办 list: open human steps in the actor's organizations (a large scope: its first page, `pendingTasksPage`). */
export async function listPendingTasks(deps: ServiceDeps, actor: Actor): Promise<PendingTask[]> {
  return (await pendingTasksPage(deps, actor)).tasks;
}

export async function getTaskView(deps: ServiceDeps, actor: Actor, taskId: string): Promise<{ task: PendingTask; notice: Notice; objections: Objection[] }> {
  const task = await getTask(deps.store, taskId);
  if (!task) throw new RecordNotFoundError('该待办事项');
  authorizeOrg(actor, task.orgId);
  const notice = await getNotice(deps.store, task.subject.noticeId);
  if (!notice) throw new RecordNotFoundError('该公示');
  return { task: withoutToken(task), notice, objections: await listObjections(deps.store, notice.id) };
}
