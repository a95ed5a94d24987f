import { DEFAULT_TRANSFER_RULES } from '../../domain/transfer/validity';
import { TRANSFER_WARNING_LABELS, transferWarnings, type TransferWarning } from '../../domain/transfer/warnings';
import type { Transfer } from '../../domain/transfer/transfer';
import { auditPut } from '../../store/audit';
import { listOrganizations } from '../../store/orgs-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import { listOpenTransfers, transferPk } from '../../store/transfers-repo';
import type { ServiceDeps } from '../deps';
import { staffToNotify } from '../registry/questions';

/**
 * docs/domain/transfer.md T7: each warning of a transfer not finished is e-mailed once to the staff of the sending
 * organization (and, within the system, of the receiving one). A marker (`TRANSFERWARN#<id>` / `<code>#<dueAt>`,
 * written only if absent, with the transfer's audit event) makes it once across runs: written before the mail, so a
 * crash in between loses a mail rather than sending two. A reissued letter has a new `dueAt`: warned again.
 */
async function claim(deps: ServiceDeps, transfer: Transfer, warning: TransferWarning): Promise<boolean> {
  const at = deps.clock.now().toISOString();
  try {
    await transactWrite(deps.store, [
      { Put: { TableName: deps.store.tableName, Item: { pk: `TRANSFERWARN#${transfer.id}`, sk: `${warning.code}#${warning.dueAt}`, type: 'transfer-warning', at }, ConditionExpression: 'attribute_not_exists(pk)' } },
      auditPut(deps.store, transferPk(transfer.id), { at, action: 'transfer.warning-sent', actor: 'system', details: { warning: warning.code, dueAt: warning.dueAt } }),
    ]);
    return true;
  } catch (error) {
    if (error instanceof StoreConditionFailedError && error.failedAt(0)) return false;
    throw error;
  }
}

async function recipients(deps: ServiceDeps, transfer: Transfer): Promise<string[]> {
  const orgIds = [transfer.fromOrgId, ...(transfer.destination.kind === 'within' ? [transfer.destination.orgId] : [])];
  const staff = (await Promise.all(orgIds.map((orgId) => staffToNotify(deps, orgId)))).flat();
  return [...new Set(staff.map((s) => s.email))];
}

/** The scheduler's run: every transfer under way, its warnings now, each mailed once. Answers how many were mailed. */
export async function mailTransferWarnings(deps: ServiceDeps): Promise<number> {
  const orgIds = (await listOrganizations(deps.store)).map((org) => org.id);
  const transfers = await listOpenTransfers(deps.store, orgIds);
  let mailed = 0;
  for (const transfer of transfers) {
    const warnings = transferWarnings(transfer, deps.clock.now(), DEFAULT_TRANSFER_RULES);
    if (warnings.length === 0) continue;
    const to = await recipients(deps, transfer);
    if (to.length === 0) continue;
    for (const warning of warnings) {
      if (!(await claim(deps, transfer, warning))) continue;
      await deps.mailer.send({
        to,
        subject: `【组织关系转接预警】${transfer.personName}：${TRANSFER_WARNING_LABELS[warning.code]}`,
        text: `${warning.message}\n\n详情：${deps.publicBaseUrl}/staff/transfers/${encodeURIComponent(transfer.id)}\n（本邮件由系统自动发送，每项预警只提醒一次。）`,
      });
      mailed += 1;
    }
  }
  return mailed;
}
