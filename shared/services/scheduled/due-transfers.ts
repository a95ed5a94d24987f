import { DEFAULT_TRANSFER_RULES } from '../../domain/transfer/validity';
import { nextTransferWake } from '../../domain/transfer/wake';
import { forEachDueEntry, moveDueEntry, type DueEntry } from '../../store/due-index';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import { getTransfer, listTransferWarningsSent, transferPk } from '../../store/transfers-repo';
import type { ServiceDeps } from '../deps';
import { acceptIfFree } from './transfer-acceptances';
import { recordReceiptIfFree } from './transfer-receipts';
import { mailTransferWarnings } from './transfer-warnings';

/**
 * The scheduler's transfer work (docs/domain/scheduler.md): the transfers whose wake instant has come, read from the
 * due index (never every organization's transfers): their warnings, each mailed once in a write that also moves
 * the transfer's entry past it, then a waiting acceptance or receipt; finally the entry is set to what is left.
 */
export async function runDueTransfers(deps: ServiceDeps): Promise<{ transfersWoken: number; warnings: number; accepted: number; receiptsRecorded: number }> {
  const nowIso = deps.clock.now().toISOString();
  const counts = { transfersWoken: 0, warnings: 0, accepted: 0, receiptsRecorded: 0 };
  await forEachDueEntry(deps.store, 'transfer', nowIso, async (entry) => {
    counts.transfersWoken += 1;
    await wakeTransfer(deps, entry, nowIso, counts);
  });
  return counts;
}

async function wakeTransfer(deps: ServiceDeps, entry: DueEntry, nowIso: string, counts: { warnings: number; accepted: number; receiptsRecorded: number }): Promise<void> {
  const transfer = await getTransfer(deps.store, entry.id);
  if (!transfer) return moveEntry(deps, { ...entry, wakeAt: undefined });
  const done = await listTransferWarningsSent(deps.store, transfer.id);
  const target = (keys: readonly string[]) => ({ kind: 'transfer' as const, pk: transferPk(transfer.id), id: transfer.id, wakeAt: nextTransferWake(transfer, DEFAULT_TRANSFER_RULES, nowIso, new Set([...done, ...keys])), version: transfer.version });
  const attempted: string[] = [];
  const mailed = await mailTransferWarnings(deps, transfer, (warning) => {
    attempted.push(`${warning.code}#${warning.dueAt}`);
    return [moveDueEntry(deps.store, target(attempted))];
  });
  counts.warnings += mailed.length;
  for (const w of mailed) done.add(`${w.code}#${w.dueAt}`);
  if (await acceptIfFree(deps, transfer)) {
    counts.accepted += 1;
    return; // the acceptance wrote the transfer's entry
  }
  if (await recordReceiptIfFree(deps, transfer)) {
    counts.receiptsRecorded += 1;
    return; // the receipt's write set the transfer's entry
  }
  // What is left (nobody to tell yet, or a waiting acceptance or receipt: due again at the next tick); refused if the transfer changed.
  await moveEntry(deps, target([]));
}

async function moveEntry(deps: ServiceDeps, target: Parameters<typeof moveDueEntry>[1]): Promise<void> {
  try {
    await transactWrite(deps.store, [moveDueEntry(deps.store, target)]);
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error;
  }
}
