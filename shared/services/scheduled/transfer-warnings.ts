import { DEFAULT_TRANSFER_RULES } from '../../domain/transfer/validity';
import { TRANSFER_WARNING_LABELS, transferWarnings, type TransferWarning } from '../../domain/transfer/warnings';
import type { Transfer } from '../../domain/transfer/transfer';
import { auditPut } from '../../store/audit';
import { StoreConditionFailedError, transactWrite, type TransactItem } from '../../store/transact';
import { transferPk } from '../../store/transfers-repo';
import type { ServiceDeps } from '../deps';
import { staffToNotify } from '../registry/questions';

/**
 * docs/domain/transfer.md T7: each warning of a transfer not finished is e-mailed once to the staff of the sending
 * organization (and, within the system, of the receiving one). A marker (`TRANSFERWARN#<id>` / `<code>#<dueAt>`,
 * written only if absent, with the transfer's audit event) makes it once across runs: written before the mail, so a
 * crash in between loses a mail rather than sending two. A reissued letter has a new `dueAt`: warned again.
 */
async function claim(deps: ServiceDeps, transfer: Transfer, warning: TransferWarning, alsoWrite: TransactItem[]): Promise<boolean> {
  const at = deps.clock.now().toISOString();
  try {
    await transactWrite(deps.store, [
      { Put: { TableName: deps.store.tableName, Item: { pk: `TRANSFERWARN#${transfer.id}`, sk: `${warning.code}#${warning.dueAt}`, type: 'transfer-warning', at }, ConditionExpression: 'attribute_not_exists(pk)' } },
      auditPut(deps.store, transferPk(transfer.id), { at, action: 'transfer.warning-sent', actor: 'system', details: { warning: warning.code, dueAt: warning.dueAt } }),
      ...alsoWrite,
    ]);
    return true;
  } catch (error) {
    // Mailed before (the marker), or the transfer changed meanwhile (its due-index entry): the next tick looks again.
    if (error instanceof StoreConditionFailedError) return false;
    throw error;
  }
}

async function recipients(deps: ServiceDeps, transfer: Transfer): Promise<string[]> {
  const orgIds = [transfer.fromOrgId, ...(transfer.destination.kind === 'within' ? [transfer.destination.orgId] : [])];
  const staff = (await Promise.all(orgIds.map((orgId) => staffToNotify(deps, orgId)))).flat();
  return [...new Set(staff.map((s) => s.email))];
}

/**
 * The scheduler's work on one transfer under way (docs/domain/scheduler.md): its warnings now, each mailed once;
 * `alsoWrite` is written with each warning's marker (the transfer's due-index entry moved past it). Answers the
 * warnings mailed.
 */
export async function mailTransferWarnings(deps: ServiceDeps, transfer: Transfer, alsoWrite: (warning: TransferWarning) => TransactItem[] = () => []): Promise<TransferWarning[]> {
  const warnings = transferWarnings(transfer, deps.clock.now(), DEFAULT_TRANSFER_RULES);
  if (warnings.length === 0) return [];
  const to = await recipients(deps, transfer);
  if (to.length === 0) return [];
  const mailed: TransferWarning[] = [];
  for (const warning of warnings) {
    if (!(await claim(deps, transfer, warning, alsoWrite(warning)))) continue;
    await deps.mailer.send({
      to,
      subject: `【组织关系转接预警】${transfer.personName}：${TRANSFER_WARNING_LABELS[warning.code]}`,
      text: `${warning.message}\n\n详情：${deps.publicBaseUrl}/staff/transfers/${encodeURIComponent(transfer.id)}\n（本邮件由系统自动发送，每项预警只提醒一次。）`,
    });
    mailed.push(warning);
  }
  return mailed;
}
