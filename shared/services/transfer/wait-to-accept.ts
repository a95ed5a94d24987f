import { parseForm } from '../../schemas/parse-form';
import { versionOnlySchema } from '../../schemas/transfer-forms';
import type { Transfer } from '../../domain/transfer/transfer';
import type { Actor } from '../actor';
import type { ServiceDeps } from '../deps';
import { commitTransfer, nextTransfer, transferChange } from './commit';
import { acceptLoaded, checkChange } from './decide-transfer';
import { TransferChangedError, TransferChangeRefusedError } from './errors';
import { loadTransfer } from './load';
import { acceptanceOfferFor } from './move-case';

/**
 * The receiving branch chooses to accept once the person's development case may move (docs/domain/transfer.md T8a):
 * while an approval or a notice of the case is open, the transfer records who chose it and the scheduler accepts in
 * his name once they are over (`acceptWaitingTransfers`). Nothing left to wait for: accepted at once.
 */
export async function waitToAccept(deps: ServiceDeps, actor: Actor, transferId: string, input: Record<string, unknown>): Promise<Transfer> {
  const values = parseForm(versionOnlySchema, input);
  const { transfer, tree } = await loadTransfer(deps, actor, transferId, 'transfer.receive', 'receiving');
  const now = deps.clock.now();
  checkChange(transfer, values.version, 'accept', now);
  const offer = await acceptanceOfferFor(deps, transfer);
  if (offer.kind === 'accept-now') return acceptLoaded(deps, transfer, tree, actor.id, now);
  if (transfer.acceptWhenFree) throw new TransferChangedError({ detail: `wait ${transferId}: already waiting` });
  const at = now.toISOString();
  const next = nextTransfer(transfer, { acceptWhenFree: { by: actor.id, byName: actor.displayName, at } });
  await commitTransfer(deps, transferChange(deps, next, { at, action: 'transfer.accept-waiting', actor: actor.id, details: { waitingFor: offer.blockers.join('') } }), `wait ${transferId}`);
  return next;
}

/** The receiving branch takes back its choice to wait (docs/domain/transfer.md T8a): the transfer waits on staff again. */
export async function cancelWaitToAccept(deps: ServiceDeps, actor: Actor, transferId: string, input: Record<string, unknown>): Promise<Transfer> {
  const values = parseForm(versionOnlySchema, input);
  const { transfer } = await loadTransfer(deps, actor, transferId, 'transfer.receive', 'receiving');
  if (transfer.version !== values.version) throw new TransferChangedError({ detail: `cancel wait ${transferId}: form ${values.version}, stored ${transfer.version}` });
  if (!transfer.acceptWhenFree) throw new TransferChangeRefusedError(['该转接没有登记自动接收。']);
  const at = deps.clock.now().toISOString();
  const next = nextTransfer(transfer, { acceptWhenFree: undefined });
  await commitTransfer(deps, transferChange(deps, next, { at, action: 'transfer.accept-waiting-cancelled', actor: actor.id, details: {} }), `cancel wait ${transferId}`);
  return next;
}
