import { loadOrgTree } from '../authorization';
import { dueBackfillDone, markDueBackfillDone } from '../../store/due-index';
import { addToOpenTaskIndex, listOpenTasks } from '../../store/tasks-repo';
import type { ServiceDeps } from '../deps';

/**
 * Once per store (docs/domain/pending-tasks.md): the tasks open before the province-wide list of open tasks (gsi2
 * `TASKS#open`) are put in it, each only while still open and not there yet, read from every organization's own
 * list; then the marker `DUEINDEX` / `BACKFILL#open-task` is written, and from then on a large scope's 待办 reads the
 * province-wide list (until then it reads per organization). Run again after a crash, it adds what is missing.
 * Answers the tasks added, or undefined when the marker was there.
 */
export async function backfillOpenTaskIndex(deps: Pick<ServiceDeps, 'store' | 'clock'>): Promise<number | undefined> {
  if (await dueBackfillDone(deps.store, 'open-task')) return undefined;
  const orgIds = (await loadOrgTree(deps.store)).organizations.map((org) => org.id);
  let added = 0;
  for (let i = 0; i < orgIds.length; i += 25) {
    const tasks = await listOpenTasks(deps.store, orgIds.slice(i, i + 25));
    for (const task of tasks) if (await addToOpenTaskIndex(deps.store, task)) added += 1;
  }
  await markDueBackfillDone(deps.store, 'open-task', deps.clock.now().toISOString(), added);
  return added;
}
