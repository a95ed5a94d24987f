import { changeProblems } from '../../domain/transfer/acceptance';
import type { Transfer } from '../../domain/transfer/transfer';
import { ServiceError } from '../../errors';
import { loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { staffToNotify } from '../registry/questions';
import { commitTransfer, nextTransfer, transferChange } from '../transfer/commit';
import { acceptLoaded } from '../transfer/decide-transfer';
import { acceptanceOfferFor } from '../transfer/move-case';

/**
 * docs/domain/transfer.md T8a: every transfer whose receiving branch chose to accept once the development case may
 * move is accepted, in that staff member's name, as soon as nothing of the case is open any more; a letter that
 * expired meanwhile ends the waiting instead (the sender cancels and reissues it). The receiving staff are mailed
 * either way (docs/domain/scheduler.md: the tick calls it for each transfer due). Answers whether it was accepted.
 */
export async function acceptIfFree(deps: ServiceDeps, transfer: Transfer): Promise<boolean> {
  if (transfer.status !== 'issued' || !transfer.acceptWhenFree) return false;
  const now = deps.clock.now();
  const by = transfer.acceptWhenFree;
  if (changeProblems(transfer, 'accept', now).length > 0) {
    await endWaiting(deps, transfer, now);
    return false;
  }
  if ((await acceptanceOfferFor(deps, transfer)).kind === 'wait') return false;
  try {
    await acceptLoaded(deps, transfer, await loadOrgTree(deps.store), by.by, now, true);
  } catch (error) {
    // Changed meanwhile (staff acted, the person moved): the next run reads it again.
    if (error instanceof ServiceError && error.httpStatus === 409) return false;
    throw error;
  }
  await tellReceiver(deps, transfer, `${transfer.personName}同志的组织关系已按${by.byName}的登记自动接收，发展党员材料已随同移交本支部。`);
  return true;
}

async function endWaiting(deps: ServiceDeps, transfer: Transfer, now: Date): Promise<void> {
  const at = now.toISOString();
  try {
    await commitTransfer(deps, transferChange(deps, nextTransfer(transfer, { acceptWhenFree: undefined }), {
      at, action: 'transfer.accept-waiting-ended', actor: 'system', details: { reason: '介绍信已过有效期，未能自动接收' },
    }), `end wait ${transfer.id}`);
  } catch (error) {
    if (error instanceof ServiceError && error.httpStatus === 409) return;
    throw error;
  }
  await tellReceiver(deps, transfer, `${transfer.personName}同志的介绍信已过有效期，未能自动接收；请转出方作废后重新开具介绍信。`);
}

async function tellReceiver(deps: ServiceDeps, transfer: Transfer, text: string): Promise<void> {
  if (transfer.destination.kind !== 'within') return;
  const orgId = transfer.destination.orgId;
  const to = [...new Set((await staffToNotify(deps, orgId)).filter((s) => s.orgId === orgId).map((s) => s.email))];
  if (to.length === 0) return;
  await deps.mailer.send({ to, subject: `【组织关系转接】${transfer.personName}`, text: `${text}\n详情：${deps.publicBaseUrl}/staff/transfers/${encodeURIComponent(transfer.id)}` });
}
