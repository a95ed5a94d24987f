import { loadOrgTree } from '../authorization';
import { dueBackfillDone, markDueBackfillDone, type BackfillKind } from '../../store/due-index';
import { approvalListingEntry, approvalStillAt, getApproval, listOrgApprovals } from '../../store/approvals-repo';
import { getNotice, listOrgNotices, noticeListingEntry, noticeStillAsRead } from '../../store/notices-repo';
import { putListingEntryIfUnlisted } from '../../store/listings';
import { StoreConditionFailedError, transactWrite, type TransactItem } from '../../store/transact';
import type { Store } from '../../store/store';
import { listElectionInProvince, listOrgElections } from '../../store/elections-repo';
import type { ServiceDeps } from '../deps';

/** How often a record changed meanwhile is read again before the backfill leaves it to a rerun. */
const ATTEMPTS = 5;

/**
 * Lists one record as it is now: read consistently, its entry put only if it is not listed yet and beside a check that
 * the record is still as read (a change in between wrote or mirrored its own; then it is read again). True when added.
 */
async function listRecord(store: Store, read: () => Promise<TransactItem[] | undefined>): Promise<boolean> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const items = await read();
    if (!items) return false;
    try {
      await transactWrite(store, items);
      return true;
    } catch (error) {
      if (!(error instanceof StoreConditionFailedError)) throw error;
      if (error.failedAt(1)) return false; // listed meanwhile by a change of its own
    }
  }
  throw new Error(`listing backfill: the record kept changing over ${ATTEMPTS} reads`);
}

/** Each list's marker, the ids of a group of organizations' records (their per-organization lists), and how one is listed. */
const LISTS: Array<{ kind: BackfillKind; idsOf: (store: Store, orgIds: string[]) => Promise<string[]>; list: (store: Store, id: string) => Promise<TransactItem[] | undefined> }> = [
  {
    kind: 'approval-list',
    idsOf: async (store, orgIds) => (await listOrgApprovals(store, orgIds)).map((a) => a.id),
    list: async (store, id) => {
      const approval = await getApproval(store, id);
      return approval && [approvalStillAt(store, approval), putListingEntryIfUnlisted(store, approvalListingEntry(approval))];
    },
  },
  {
    kind: 'notice-list',
    idsOf: async (store, orgIds) => (await Promise.all(orgIds.map((orgId) => listOrgNotices(store, orgId)))).flat().map((n) => n.id),
    list: async (store, id) => {
      const notice = await getNotice(store, id);
      return notice && [noticeStillAsRead(store, notice), putListingEntryIfUnlisted(store, noticeListingEntry(notice))];
    },
  },
];

/**
 * Once per store and list (docs/domain/lists-and-counts.md): the approvals and the notices stored before the
 * province-wide lists get their entry, each as it is now and only if it is not listed yet, found through every
 * organization's own list; then the marker `DUEINDEX` / `BACKFILL#approval-list` (`notice-list`) is written, and from
 * then on a large scope's approvals list (notice list) reads the province-wide one (until then it reads per
 * organization). Run again after a crash, it adds what is missing. Answers the entries added per list, undefined for
 * a list whose marker was there.
 */
export async function backfillListings(deps: Pick<ServiceDeps, 'store' | 'clock'>): Promise<{ approvals: number | undefined; notices: number | undefined; elections: number | undefined }> {
  let orgIds: string[] | undefined;
  const backfill = async ({ kind, idsOf, list }: (typeof LISTS)[number]): Promise<number | undefined> => {
    if (await dueBackfillDone(deps.store, kind)) return undefined;
    orgIds ??= (await loadOrgTree(deps.store)).organizations.map((org) => org.id);
    let added = 0;
    for (let i = 0; i < orgIds.length; i += 25) {
      for (const id of await idsOf(deps.store, orgIds.slice(i, i + 25))) if (await listRecord(deps.store, () => list(deps.store, id))) added += 1;
    }
    await markDueBackfillDone(deps.store, kind, deps.clock.now().toISOString(), added);
    return added;
  };
  const approvals = await backfill(LISTS[0]);
  const notices = await backfill(LISTS[1]);
  const elections = await backfillElectionList(deps);
  return { approvals, notices, elections };
}

/**
 * Once per store, the same for the province's list of elections (`ELECTIONS#all`, on the election item itself: its
 * date and id never change, so each election stored before it is listed as it is, if not listed yet); marker
 * `BACKFILL#election-list`. Answers the elections listed, undefined when the marker was there.
 */
async function backfillElectionList(deps: Pick<ServiceDeps, 'store' | 'clock'>): Promise<number | undefined> {
  if (await dueBackfillDone(deps.store, 'election-list')) return undefined;
  const orgIds = (await loadOrgTree(deps.store)).organizations.map((org) => org.id);
  let listed = 0;
  for (let i = 0; i < orgIds.length; i += 25) {
    const elections = (await Promise.all(orgIds.slice(i, i + 25).map((orgId) => listOrgElections(deps.store, orgId)))).flat();
    for (const election of elections) if (await listElectionInProvince(deps.store, election)) listed += 1;
  }
  await markDueBackfillDone(deps.store, 'election-list', deps.clock.now().toISOString(), listed);
  return listed;
}
