import type { Transfer } from '../../domain/transfer/transfer';
import { ServiceError } from '../../errors';
import { loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { staffToNotify } from '../registry/questions';
import { receiptBlockers } from '../transfer/case-leaving';
import { recordReceiptLoaded } from '../transfer/decide-transfer';

/**
 * docs/domain/transfer.md T8b: a letter outside the system whose receipt the sending branch chose to have recorded
 * once the person's development case is free gets it, with the date given and in that staff member's name, as soon as
 * none of the case's approvals and notices is open (the same transaction as the staff's receipt). The sending staff are
 * mailed. The tick calls it for each transfer due (docs/domain/scheduler.md: a waiting receipt keeps its transfer due
 * at every tick). Answers whether it was recorded (its write set the transfer's due-index entry).
 */
export async function recordReceiptIfFree(deps: ServiceDeps, transfer: Transfer): Promise<boolean> {
  if (transfer.status !== 'issued' || !transfer.receiptWhenFree) return false;
  if ((await receiptBlockers(deps, transfer)).length > 0) return false;
  const wish = transfer.receiptWhenFree;
  try {
    await recordReceiptLoaded(deps, transfer, await loadOrgTree(deps.store), { id: wish.by, displayName: wish.byName }, wish.receiptDate, deps.clock.now(), true);
  } catch (error) {
    // Changed meanwhile (staff acted, the person moved): the next run reads it again.
    if (error instanceof ServiceError && error.httpStatus === 409) return false;
    throw error;
  }
  await tellSender(deps, transfer, `${transfer.personName}同志的回执已按${wish.byName}的登记自动登记（回执日期 ${wish.receiptDate}），其发展党员案件随组织关系转出本系统而办结。`);
  return true;
}

async function tellSender(deps: ServiceDeps, transfer: Transfer, text: string): Promise<void> {
  const to = [...new Set((await staffToNotify(deps, transfer.fromOrgId)).filter((s) => s.orgId === transfer.fromOrgId).map((s) => s.email))];
  if (to.length === 0) return;
  await deps.mailer.send({ to, subject: `【组织关系转接】${transfer.personName}`, text: `${text}\n详情：${deps.publicBaseUrl}/staff/transfers/${encodeURIComponent(transfer.id)}` });
}
