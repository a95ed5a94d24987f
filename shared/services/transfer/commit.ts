import type { Transfer } from '../../domain/transfer/transfer';
import { isFinished } from '../../domain/transfer/transfer';
import { auditPut, type AuditEvent } from '../../store/audit';
import { StoreConditionFailedError, transactWrite, type TransactItem } from '../../store/transact';
import { replaceTransfer, transferPk } from '../../store/transfers-repo';
import type { ServiceDeps } from '../deps';
import { TransferChangedError } from './errors';

/** The next version of a transfer (changes applied, version + 1). */
export function nextTransfer(transfer: Transfer, changes: Partial<Transfer>): Transfer {
  return { ...transfer, ...changes, version: transfer.version + 1 };
}

/** The items of a change: the others, the transfer's next version (a finished one frees the person) and its audit event. */
export function transferChange(deps: Pick<ServiceDeps, 'store'>, next: Transfer, event: AuditEvent, others: TransactItem[] = []): TransactItem[] {
  return [...others, ...replaceTransfer(deps.store, next, isFinished(next.status)), auditPut(deps.store, transferPk(next.id), event)];
}

/** Writes a change; a failed condition (someone else changed it first) is a 409 for the person. */
export async function commitTransfer(deps: Pick<ServiceDeps, 'store'>, items: TransactItem[], what: string): Promise<void> {
  try {
    await transactWrite(deps.store, items);
  } catch (error) {
    if (error instanceof StoreConditionFailedError) throw new TransferChangedError({ cause: error, detail: `${what}: condition failed` });
    throw error;
  }
}
