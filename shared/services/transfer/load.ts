import type { OrgTree } from '../../domain/registry/org-tree';
import type { Transfer } from '../../domain/transfer/transfer';
import { getTransfer } from '../../store/transfers-repo';
import type { Actor } from '../actor';
import { authorize, loadOrgTree, permits, type Action } from '../authorization';
import type { ServiceDeps } from '../deps';
import { RecordNotFoundError } from '../../errors';

/** The organization an action is authorized on: the sending one, or the receiving one (within the system). */
export type TransferSide = 'sending' | 'receiving';

export function sideOrgId(transfer: Transfer, side: TransferSide): string | undefined {
  return side === 'sending' ? transfer.fromOrgId : transfer.destination.kind === 'within' ? transfer.destination.orgId : undefined;
}

/** The transfer, found and authorized for `action` on `side` (missing and out of scope look the same: 403 first). */
export async function loadTransfer(deps: Pick<ServiceDeps, 'store'>, actor: Actor, transferId: string, action: Action, side: TransferSide): Promise<{ transfer: Transfer; tree: OrgTree }> {
  const tree = await loadOrgTree(deps.store);
  const transfer = await getTransfer(deps.store, transferId);
  if (!transfer) {
    authorize(actor, action, undefined, tree);
    throw new RecordNotFoundError('该组织关系转接');
  }
  authorize(actor, action, sideOrgId(transfer, side), tree);
  return { transfer, tree };
}

/** Viewing: staff of either side (docs/domain/transfer.md). */
export async function loadTransferToView(deps: Pick<ServiceDeps, 'store'>, actor: Actor, transferId: string): Promise<{ transfer: Transfer; tree: OrgTree }> {
  const tree = await loadOrgTree(deps.store);
  const transfer = await getTransfer(deps.store, transferId);
  const sides = transfer ? [sideOrgId(transfer, 'sending'), sideOrgId(transfer, 'receiving')] : [undefined];
  if (!sides.some((orgId) => orgId && permits(actor, 'transfer.view', orgId, tree))) authorize(actor, 'transfer.view', undefined, tree);
  if (!transfer) throw new RecordNotFoundError('该组织关系转接');
  return { transfer, tree };
}
