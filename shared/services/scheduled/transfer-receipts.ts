import type { Transfer } from '../../domain/transfer/transfer';
import { ServiceError } from '../../errors';
import { listOpenTransfers } from '../../store/transfers-repo';
import { loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { staffToNotify } from '../registry/questions';
import { receiptBlockers } from '../transfer/case-leaving';
import { recordReceiptLoaded } from '../transfer/decide-transfer';

/**
 * docs/domain/transfer.md T8b: every letter outside the system whose receipt the sending branch chose to have recorded
 * once the person's development case is free gets it, with the date given and in that staff member's name, as soon as
 * none of the case's approvals and notices is open (the same transaction as the staff's receipt). The sending staff are
 * mailed. Answers how many were recorded.
 */
export async function recordWaitingReceipts(deps: ServiceDeps): Promise<number> {
  const orgIds = (await loadOrgTree(deps.store)).organizations.map((org) => org.id);
  const waiting = (await listOpenTransfers(deps.store, orgIds)).filter((t) => t.status === 'issued' && t.receiptWhenFree);
  let recorded = 0;
  for (const transfer of waiting) {
    if ((await receiptBlockers(deps, transfer)).length > 0) continue;
    const wish = transfer.receiptWhenFree!;
    try {
      await recordReceiptLoaded(deps, transfer, await loadOrgTree(deps.store), { id: wish.by, displayName: wish.byName }, wish.receiptDate, deps.clock.now(), true);
    } catch (error) {
      // Changed meanwhile (staff acted, the person moved): the next run reads it again.
      if (error instanceof ServiceError && error.httpStatus === 409) continue;
      throw error;
    }
    recorded += 1;
    await tellSender(deps, transfer, `${transfer.personName}同志的回执已按${wish.byName}的登记自动登记（回执日期 ${wish.receiptDate}），其发展党员案件随组织关系转出本系统而办结。`);
  }
  return recorded;
}

async function tellSender(deps: ServiceDeps, transfer: Transfer, text: string): Promise<void> {
  const to = [...new Set((await staffToNotify(deps, transfer.fromOrgId)).filter((s) => s.orgId === transfer.fromOrgId).map((s) => s.email))];
  if (to.length === 0) return;
  await deps.mailer.send({ to, subject: `【组织关系转接】${transfer.personName}`, text: `${text}\n详情：${deps.publicBaseUrl}/staff/transfers/${encodeURIComponent(transfer.id)}` });
}
