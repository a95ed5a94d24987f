import { loadOrgTree } from '../authorization';
import { chinaDate } from '../../domain/calendar';
import { nextCaseWake } from '../../domain/development/wake';
import { listOpenLinks, rescheduleLinkAtWake } from '../../store/approvals-repo';
import { casePk, listActiveCases, listDoneCaseEvents } from '../../store/cases-repo';
import { listOpenTransfers, listTransferWarningsSent, transferPk } from '../../store/transfers-repo';
import { DEFAULT_TRANSFER_RULES } from '../../domain/transfer/validity';
import { nextTransferWake } from '../../domain/transfer/wake';
import { dueBackfillDone, markDueBackfillDone, putDueEntryIfAbsent, putDueEntryUnlessNewer } from '../../store/due-index';
import type { ServiceDeps } from '../deps';
import { getRuleSet } from '../development/rule-sets';

/**
 * Once per store (docs/domain/scheduler.md): the active cases stored before the due index get their entry, each
 * from the case and its events done, only where the case has none yet (a change since wrote a newer one); then the
 * marker `DUEINDEX` / `BACKFILL#case` is written and later ticks only read it. Run again after a crash, it writes
 * what is missing. The approval links likewise (`backfillLinkWakes`). Answers the entries written and links moved,
 * or undefined when both markers were there.
 */
export async function backfillDueIndex(deps: ServiceDeps): Promise<number | undefined> {
  const links = await backfillLinkWakes(deps);
  const transfers = await backfillTransfers(deps);
  const receipts = await backfillReceiptWaits(deps);
  const others = [links, transfers, receipts].every((n) => n === undefined) ? undefined : (links ?? 0) + (transfers ?? 0) + (receipts ?? 0);
  if (await dueBackfillDone(deps.store, 'case')) return others;
  const today = chinaDate(deps.clock.now());
  let written = 0;
  for (const devCase of await listActiveCases(deps.store)) {
    const rules = await getRuleSet(deps, devCase.ruleSetVersion);
    const wakeAt = nextCaseWake(devCase, rules, today, await listDoneCaseEvents(deps.store, devCase.id));
    if (wakeAt === undefined) continue;
    if (await putDueEntryIfAbsent(deps.store, { kind: 'case', pk: casePk(devCase.id), id: devCase.id, wakeAt, version: devCase.version })) written += 1;
  }
  await markDueBackfillDone(deps.store, 'case', deps.clock.now().toISOString(), written);
  return written + (others ?? 0);
}

/**
 * Once per store: the open approval links stored before their wake instants were listed by their expiry; those not
 * reminded yet are moved to their reminder time (`rescheduleLinkAtWake`), behind the marker `DUEINDEX` /
 * `BACKFILL#approval-link`. Answers the links moved, or undefined when the marker was there.
 */
async function backfillLinkWakes(deps: ServiceDeps): Promise<number | undefined> {
  if (await dueBackfillDone(deps.store, 'approval-link')) return undefined;
  let moved = 0;
  for (const link of await listOpenLinks(deps.store)) if (await rescheduleLinkAtWake(deps.store, link)) moved += 1;
  await markDueBackfillDone(deps.store, 'approval-link', deps.clock.now().toISOString(), moved);
  return moved;
}

/** Once per store: the transfers under way stored before the index get their entry (marker `BACKFILL#transfer`). */
async function backfillTransfers(deps: ServiceDeps): Promise<number | undefined> {
  if (await dueBackfillDone(deps.store, 'transfer')) return undefined;
  const nowIso = deps.clock.now().toISOString();
  let written = 0;
  const orgIds = (await loadOrgTree(deps.store)).organizations.map((org) => org.id);
  for (const transfer of await listOpenTransfers(deps.store, orgIds)) {
    const wakeAt = nextTransferWake(transfer, DEFAULT_TRANSFER_RULES, nowIso, await listTransferWarningsSent(deps.store, transfer.id));
    if (wakeAt === undefined) continue;
    if (await putDueEntryIfAbsent(deps.store, { kind: 'transfer', pk: transferPk(transfer.id), id: transfer.id, wakeAt, version: transfer.version })) written += 1;
  }
  await markDueBackfillDone(deps.store, 'transfer', nowIso, written);
  await markDueBackfillDone(deps.store, 'transfer-receipt', nowIso, 0); // the entries above count a waiting receipt already
  return written;
}

/**
 * Once per store: the transfers waiting for their receipt to be recorded (T8b) were found by listing every
 * organization's transfers at each tick; their entries, written before the waiting receipt was one of their events,
 * are set due now (marker `BACKFILL#transfer-receipt`). Where the transfers' own backfill ran in the same tick, it
 * already counted it: nothing changes.
 */
async function backfillReceiptWaits(deps: ServiceDeps): Promise<number | undefined> {
  if (await dueBackfillDone(deps.store, 'transfer-receipt')) return undefined;
  const nowIso = deps.clock.now().toISOString();
  let written = 0;
  const orgIds = (await loadOrgTree(deps.store)).organizations.map((org) => org.id);
  for (const transfer of await listOpenTransfers(deps.store, orgIds)) {
    if (transfer.status !== 'issued' || !transfer.receiptWhenFree) continue;
    const wakeAt = nextTransferWake(transfer, DEFAULT_TRANSFER_RULES, nowIso, await listTransferWarningsSent(deps.store, transfer.id));
    if (wakeAt === undefined) continue;
    if (await putDueEntryUnlessNewer(deps.store, { kind: 'transfer', pk: transferPk(transfer.id), id: transfer.id, wakeAt, version: transfer.version })) written += 1;
  }
  await markDueBackfillDone(deps.store, 'transfer-receipt', nowIso, written);
  return written;
}
