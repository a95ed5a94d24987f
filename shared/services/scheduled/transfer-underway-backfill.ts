import { loadOrgTree } from '../authorization';
import { isFinished } from '../../domain/transfer/transfer';
import { dueBackfillDone, markDueBackfillDone } from '../../store/due-index';
import { addToTransfersUnderway, listOutgoingTransfers } from '../../store/transfers-repo';
import type { ServiceDeps } from '../deps';

/**
 * Once per store (docs/domain/transfer.md T7a): the transfers under way stored before the province-wide list of
 * transfers under way are put in it, read from every organization's outgoing transfers; then the marker `DUEINDEX` /
 * `BACKFILL#transfer-underway` is written, and from then on a large scope's warnings read the list. Run again after
 * a crash, it adds what is missing. Answers the transfers added, or undefined when the marker was there.
 */
export async function backfillTransfersUnderway(deps: Pick<ServiceDeps, 'store' | 'clock'>): Promise<number | undefined> {
  if (await dueBackfillDone(deps.store, 'transfer-underway')) return undefined;
  const orgIds = (await loadOrgTree(deps.store)).organizations.map((org) => org.id);
  let added = 0;
  for (let i = 0; i < orgIds.length; i += 25) {
    const lists = await Promise.all(orgIds.slice(i, i + 25).map((orgId) => listOutgoingTransfers(deps.store, orgId)));
    for (const transfer of lists.flat()) if (!isFinished(transfer.status) && (await addToTransfersUnderway(deps.store, transfer))) added += 1;
  }
  await markDueBackfillDone(deps.store, 'transfer-underway', deps.clock.now().toISOString(), added);
  return added;
}
