import type { Transfer } from '../../domain/transfer/transfer';
import { parseForm } from '../../schemas/parse-form';
import { recordReceiptSchema, versionOnlySchema } from '../../schemas/transfer-forms';
import type { Actor } from '../actor';
import type { ServiceDeps } from '../deps';
import { receiptBlockers } from './case-leaving';
import { commitTransfer, nextTransfer, transferChange } from './commit';
import { checkReceipt, recordReceiptLoaded } from './decide-transfer';
import { TransferChangedError, TransferChangeRefusedError } from './errors';
import { loadTransfer } from './load';

/**
 * Outside the system, the sending branch has the receipt but the person's development case has an approval or a
 * notice open (docs/domain/transfer.md T8b): it records the receipt's date and who chose to wait, and the scheduler
 * records the receipt in his name once they are over (`recordReceiptIfFree`, at each tick while waiting). Nothing left to wait for: recorded at once.
 */
export async function waitToRecordReceipt(deps: ServiceDeps, actor: Actor, transferId: string, input: Record<string, unknown>): Promise<Transfer> {
  const values = parseForm(recordReceiptSchema, input);
  const { transfer, tree } = await loadTransfer(deps, actor, transferId, 'transfer.receipt', 'sending');
  const now = deps.clock.now();
  checkReceipt(transfer, values, now);
  const blockers = await receiptBlockers(deps, transfer);
  if (blockers.length === 0) return recordReceiptLoaded(deps, transfer, tree, actor, values.receiptDate, now);
  if (transfer.receiptWhenFree) throw new TransferChangedError({ detail: `wait receipt ${transferId}: already waiting` });
  const at = now.toISOString();
  const next = nextTransfer(transfer, { receiptWhenFree: { by: actor.id, byName: actor.displayName, at, receiptDate: values.receiptDate } });
  await commitTransfer(deps, transferChange(deps, next, {
    at, action: 'transfer.receipt-waiting', actor: actor.id, details: { receiptDate: values.receiptDate, waitingFor: blockers.join('；') },
  }), `wait receipt ${transferId}`);
  return next;
}

/** The sending branch takes back its choice (T8b): the receipt waits on staff again. */
export async function cancelWaitToRecordReceipt(deps: ServiceDeps, actor: Actor, transferId: string, input: Record<string, unknown>): Promise<Transfer> {
  const values = parseForm(versionOnlySchema, input);
  const { transfer } = await loadTransfer(deps, actor, transferId, 'transfer.receipt', 'sending');
  if (transfer.version !== values.version) throw new TransferChangedError({ detail: `cancel wait receipt ${transferId}: form ${values.version}, stored ${transfer.version}` });
  if (!transfer.receiptWhenFree) throw new TransferChangeRefusedError(['该转接没有登记待办结后自动登记回执。']);
  const at = deps.clock.now().toISOString();
  const next = nextTransfer(transfer, { receiptWhenFree: undefined });
  await commitTransfer(deps, transferChange(deps, next, { at, action: 'transfer.receipt-waiting-cancelled', actor: actor.id, details: {} }), `cancel wait receipt ${transferId}`);
  return next;
}
