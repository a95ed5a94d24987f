import { DEFAULT_TRANSFER_RULES } from '../../domain/transfer/validity';
import { transferWarnings, type TransferWarning } from '../../domain/transfer/warnings';
import type { Transfer } from '../../domain/transfer/transfer';
import { listAudit, type AuditEvent } from '../../store/audit';
import { getTransfer, getTransfers, listIncomingTransfers, listOutgoingTransfers, listPersonTransferIds, listTransfersUnderway, transferPk } from '../../store/transfers-repo';
import { dueBackfillDone } from '../../store/due-index';
import type { Actor } from '../actor';
import { authorize, loadOrgTree, permits } from '../authorization';
import type { ServiceDeps } from '../deps';
import { loadTransferToView } from './load';
import { changeProblems } from '../../domain/transfer/acceptance';
import { getPerson } from '../../store/people-repo';
import { RecordNotFoundError } from '../../errors';
import { letterCase } from './case-leaving';

export interface TransferRow {
  transfer: Transfer;
  warnings: TransferWarning[];
}

const withWarnings = (deps: Pick<ServiceDeps, 'clock'>) => (transfer: Transfer): TransferRow => ({ transfer, warnings: transferWarnings(transfer, deps.clock.now(), DEFAULT_TRANSFER_RULES) });

/** An organization's outgoing and incoming transfers with their warnings (docs/domain/transfer.md T7). */
export async function listOrgTransfers(deps: ServiceDeps, actor: Actor, orgId: string): Promise<{ outgoing: TransferRow[]; incoming: TransferRow[] }> {
  const tree = await loadOrgTree(deps.store);
  authorize(actor, 'transfer.view', orgId, tree);
  const orgIds = tree.subtreeIds(orgId).filter((id) => permits(actor, 'transfer.view', id, tree));
  const [outgoing, incoming] = await Promise.all([
    Promise.all(orgIds.map((id) => listOutgoingTransfers(deps.store, id))),
    Promise.all(orgIds.map((id) => listIncomingTransfers(deps.store, id))),
  ]);
  const newest = (a: Transfer, b: Transfer) => b.createdAt.localeCompare(a.createdAt);
  return { outgoing: outgoing.flat().sort(newest).map(withWarnings(deps)), incoming: incoming.flat().sort(newest).map(withWarnings(deps)) };
}

/** Scopes up to this many organizations read their own transfers (two queries each); larger ones the province's transfers under way (T7a). */
export const TRANSFERS_PER_ORGANIZATION_UP_TO = 100;

/** Stores whose transfers under way are all in the province-wide list (the backfill's marker, seen once per process). */
const listed = new Set<string>();

async function underwayListComplete(deps: Pick<ServiceDeps, 'store'>): Promise<boolean> {
  if (listed.has(deps.store.tableName)) return true;
  if (!(await dueBackfillDone(deps.store, 'transfer-underway'))) return false;
  listed.add(deps.store.tableName);
  return true;
}

/**
 * The transfers in the actor's scope that carry a warning now (docs/domain/transfer.md T7), outgoing and incoming, each
 * once: the staff home (待办) lists them. Only a transfer under way can carry one, so a scope of more than
 * TRANSFERS_PER_ORGANIZATION_UP_TO organizations reads the province's transfers under way, keeps those with a side
 * in its scope and reads them in batches (T7a); a smaller one, or any before the one-time backfill, reads its own.
 */
export async function transferWarningsInScope(deps: ServiceDeps, actor: Actor): Promise<TransferRow[]> {
  const tree = await loadOrgTree(deps.store);
  if (!tree.get(actor.orgId) || !permits(actor, 'transfer.view', actor.orgId, tree)) return [];
  const scope = tree.subtreeIds(actor.orgId);
  if (scope.length > TRANSFERS_PER_ORGANIZATION_UP_TO && (await underwayListComplete(deps))) {
    const visible = new Set(scope.filter((id) => permits(actor, 'transfer.view', id, tree)));
    const ids = (await listTransfersUnderway(deps.store)).filter((u) => visible.has(u.fromOrgId) || (u.toOrgId !== undefined && visible.has(u.toOrgId))).map((u) => u.transferId);
    return (await getTransfers(deps.store, ids)).map(withWarnings(deps)).filter((r) => r.warnings.length > 0);
  }
  const { outgoing, incoming } = await listOrgTransfers(deps, actor, actor.orgId);
  const rows = new Map([...outgoing, ...incoming].filter((r) => r.warnings.length > 0).map((r) => [r.transfer.id, r]));
  return [...rows.values()];
}

/** A transfer's file: the transfer, its warnings and its audit events (staff of either side). */
export async function getTransferFile(deps: ServiceDeps, actor: Actor, transferId: string): Promise<TransferRow & { events: AuditEvent[] }> {
  const { transfer } = await loadTransferToView(deps, actor, transferId);
  return { ...withWarnings(deps)(transfer), events: await listAudit(deps.store, transferPk(transfer.id)) };
}

/** A person's transfers, oldest first (the person's page; the caller has authorized person.view). */
export async function listPersonTransfers(deps: Pick<ServiceDeps, 'store'>, personId: string): Promise<Transfer[]> {
  const ids = await listPersonTransferIds(deps.store, personId);
  const transfers = await Promise.all(ids.map((id) => getTransfer(deps.store, id)));
  return transfers.filter((t) => t !== undefined).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** What `actor` may do on the transfer now: allowed by the table on the right side, and by the rules at this moment. */
export async function transferActionsFor(deps: ServiceDeps, actor: Actor, transfer: Transfer): Promise<Record<'issue' | 'reissue' | 'accept' | 'refuse' | 'receipt', boolean>> {
  const tree = await loadOrgTree(deps.store);
  const now = deps.clock.now();
  const receiving = transfer.destination.kind === 'within' ? transfer.destination.orgId : undefined;
  const may = (action: Parameters<typeof permits>[1], orgId: string | undefined) => orgId !== undefined && permits(actor, action, orgId, tree);
  const ok = (change: Parameters<typeof changeProblems>[1]) => changeProblems(transfer, change, now).length === 0;
  return {
    issue: may('transfer.issue', transfer.fromOrgId) && ok('issue'),
    reissue: may('transfer.issue', transfer.fromOrgId) && ok('reissue'),
    accept: may('transfer.receive', receiving) && ok('accept'),
    refuse: may('transfer.receive', receiving) && ok('refuse'),
    receipt: may('transfer.receipt', transfer.fromOrgId) && ok('record-receipt'),
  };
}

/** The letter print page's data: the transfer (staff of either side), the person's particulars, the full ID number only for those who may see it. */
export async function getTransferLetter(deps: ServiceDeps, actor: Actor, transferId: string) {
  const { transfer, tree } = await loadTransferToView(deps, actor, transferId);
  const person = await getPerson(deps.store, transfer.personId);
  if (!person) throw new RecordNotFoundError('该人员');
  const idNumber = permits(actor, 'person.viewIdNumber', person.orgId, tree) ? person.idNumber : undefined;
  // The development case the letter speaks of (T8c); its printable file goes with the letter for whoever may see it.
  const found = await letterCase(deps, transfer);
  const development = found ? { ...found.particulars, ...(permits(actor, 'case.view', found.devCase.orgId, tree) ? { caseId: found.devCase.id } : {}) } : undefined;
  return { transfer, person, idNumber, ...(development ? { development } : {}) };
}
