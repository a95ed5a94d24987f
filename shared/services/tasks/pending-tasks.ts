import type { PendingTask } from '../../domain/tasks/pending-task';
import { dueBackfillDone } from '../../store/due-index';
import { LIST_PAGE_SIZE } from '../../store/org-pages';
import { listOpenTasks, pageOpenTasks, type StoredTask } from '../../store/tasks-repo';
import { canActIn, type Actor } from '../actor';
import { loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { PER_ORGANIZATION_UP_TO, provinceListReadWay } from '../large-scope';

export { PER_ORGANIZATION_UP_TO } from '../large-scope';

/** A task item weighs about 1 KB. */
const TASK_BYTES = 1024;

/**
 * How a scope's open tasks are read (docs/domain/pending-tasks.md): one query per organization, or a page of the
 * province-wide list by due date filtered to the scope (`provinceListReadWay`): a working committee over the whole
 * province reads one or two queries instead of one per organization; a committee over a small part of a large
 * province keeps its per-organization queries.
 */
export function openTasksReadWay(scopeSize: number, treeSize: number): 'per-organization' | 'province-list' {
  return provinceListReadWay(scopeSize, treeSize, TASK_BYTES);
}

/** Stores whose open tasks are all in the province-wide list (the backfill's marker, seen once per process). */
const indexed = new Set<string>();

async function openTaskIndexComplete(deps: Pick<ServiceDeps, 'store'>): Promise<boolean> {
  if (indexed.has(deps.store.tableName)) return true;
  if (!(await dueBackfillDone(deps.store, 'open-task'))) return false;
  indexed.add(deps.store.tableName);
  return true;
}

const withoutToken = ({ taskToken: _token, output: _output, ...task }: StoredTask): PendingTask => task;

export interface PendingTaskPage {
  tasks: PendingTask[];
  /** Where the next page starts (`/staff?cursor=`); absent when every task in scope is shown. */
  next?: string;
}

/**
 * The 待办 list: open human steps in the actor's organizations, soonest due first. A small scope, or any scope before
 * the one-time backfill has put the older tasks in the province-wide list, gets all its tasks; a large scope a page.
 */
export async function pendingTasksPage(deps: Pick<ServiceDeps, 'store'>, actor: Actor, cursor?: string): Promise<PendingTaskPage> {
  const scopeSize = actor.scopeOrgIds.length;
  if (scopeSize > PER_ORGANIZATION_UP_TO) {
    const treeSize = (await loadOrgTree(deps.store)).organizations.length;
    if (openTasksReadWay(scopeSize, treeSize) === 'province-list' && (await openTaskIndexComplete(deps))) {
      const page = await pageOpenTasks(deps.store, (task) => canActIn(actor, task.orgId), { limit: LIST_PAGE_SIZE, cursor, share: scopeSize / treeSize });
      return { tasks: page.tasks.map(withoutToken), ...(page.next ? { next: page.next } : {}) };
    }
  }
  return { tasks: (await listOpenTasks(deps.store, actor.scopeOrgIds)).map(withoutToken) };
}
