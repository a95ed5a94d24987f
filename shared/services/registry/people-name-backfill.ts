import { indexPersonName, markNameIndexBackfillDone, nameIndexBackfillDone, peopleWithoutNameIndex } from '../../store/people-name-index';
import type { ServiceDeps } from '../deps';
import { loadOrgTree } from '../authorization';

/**
 * Once per store (docs/domain/organizations-and-people.md §2a): people stored before the name index get their entry,
 * organization by organization (each one's roster and those who left), each only while it has none; then the marker
 * `PEOPLEINDEX` / `BACKFILL#name` is written and later calls read only it. Run again after a crash, it writes what is
 * missing. Run at every start of the local runtime (`infra/local/main.ts`). Answers the entries written, or undefined
 * when the marker was there.
 */
export async function backfillPersonNameIndex(deps: Pick<ServiceDeps, 'store' | 'clock'>): Promise<number | undefined> {
  if (await nameIndexBackfillDone(deps.store)) return undefined;
  let written = 0;
  for (const org of (await loadOrgTree(deps.store)).organizations) {
    for (const person of await peopleWithoutNameIndex(deps.store, org.id)) if (await indexPersonName(deps.store, person)) written += 1;
  }
  await markNameIndexBackfillDone(deps.store, deps.clock.now().toISOString(), written);
  return written;
}
