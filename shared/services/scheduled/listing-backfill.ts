import { loadOrgTree } from '../authorization';
import { dueBackfillDone, markDueBackfillDone, type BackfillKind } from '../../store/due-index';
import { approvalListingEntry, listOrgApprovals } from '../../store/approvals-repo';
import { listOrgNotices, noticeListingEntry } from '../../store/notices-repo';
import { putListingEntryIfAbsent, type ListingEntry } from '../../store/listings';
import type { ServiceDeps } from '../deps';

/** Each list's marker and the entries of a group of organizations' records (read from the per-organization lists). */
const LISTED: Array<{ kind: BackfillKind; entriesOf: (deps: Pick<ServiceDeps, 'store'>, orgIds: string[]) => Promise<ListingEntry[]> }> = [
  { kind: 'approval-list', entriesOf: async (deps, orgIds) => (await listOrgApprovals(deps.store, orgIds)).map(approvalListingEntry) },
  {
    kind: 'notice-list',
    entriesOf: async (deps, orgIds) => (await Promise.all(orgIds.map((orgId) => listOrgNotices(deps.store, orgId)))).flat().map(noticeListingEntry),
  },
];

/**
 * Once per store and list (docs/domain/lists-and-counts.md): the approvals and the notices stored before the
 * province-wide lists get their entry, each only if it has none, read from every organization's own list; then the
 * marker `DUEINDEX` / `BACKFILL#approval-list` (`notice-list`) is written, and from then on a large scope's approvals
 * list (notice list) reads the province-wide one (until then it reads per organization). Run again after a crash, it
 * adds what is missing. Answers the entries added per list, undefined for a list whose marker was there.
 */
export async function backfillListings(deps: Pick<ServiceDeps, 'store' | 'clock'>): Promise<{ approvals: number | undefined; notices: number | undefined }> {
  let orgIds: string[] | undefined;
  const backfill = async ({ kind, entriesOf }: (typeof LISTED)[number]): Promise<number | undefined> => {
    if (await dueBackfillDone(deps.store, kind)) return undefined;
    orgIds ??= (await loadOrgTree(deps.store)).organizations.map((org) => org.id);
    let added = 0;
    for (let i = 0; i < orgIds.length; i += 25) {
      for (const entry of await entriesOf(deps, orgIds.slice(i, i + 25))) if (await putListingEntryIfAbsent(deps.store, entry)) added += 1;
    }
    await markDueBackfillDone(deps.store, kind, deps.clock.now().toISOString(), added);
    return added;
  };
  const approvals = await backfill(LISTED[0]);
  const notices = await backfill(LISTED[1]);
  return { approvals, notices };
}
