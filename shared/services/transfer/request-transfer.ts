import { transferableStatus, transferExecutionName, type Destination, type Transfer } from '../../domain/transfer/transfer';
import { destinationProblem, memberProblem } from '../../domain/transfer/request';
import { parseForm } from '../../schemas/parse-form';
import { requestTransferSchema } from '../../schemas/transfer-forms';
import { auditPut } from '../../store/audit';
import { getPerson, personPk } from '../../store/people-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import { getTransfer, putNewTransfer, transferPk } from '../../store/transfers-repo';
import type { Actor } from '../actor';
import { authorize, loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { InputInvalidError } from '../../errors';
import { WorkflowExecutionExistsError } from '../ports';
import { TransferAlreadyActiveError } from './errors';

/**
 * The sending branch asks for one member or several of its members going to the same destination (a batch,
 * docs/domain/transfer.md T1, T9): one transfer each, all in one transaction with each person's guard (one transfer
 * under way per person), then one execution each. With the page's idempotency key the ids are `<key>-<n>`, so a
 * repeated submission returns the same transfers and starts what is not started yet.
 */
export async function requestTransfer(deps: ServiceDeps, actor: Actor, input: Record<string, unknown>): Promise<Transfer[]> {
  const tree = await loadOrgTree(deps.store);
  const values = parseForm(requestTransferSchema, input);
  const from = tree.get(values.orgId);
  if (!from || from.status !== 'active') throw new InputInvalidError({ orgId: '转出组织不存在或已撤销。' });
  authorize(actor, 'transfer.request', from.id, tree);
  const destination = destinationOf(tree, values, from.id);
  const ids = [...new Set(values.personIds)];
  const key = values.idempotencyKey ?? deps.newId();
  const existing = await getTransfer(deps.store, `${key}-1`);
  if (existing) {
    const all = (await Promise.all(ids.map((_, i) => getTransfer(deps.store, `${key}-${i + 1}`)))).filter((t) => t !== undefined);
    await Promise.all(all.map((t) => startTransferProcess(deps, t)));
    return all;
  }
  const people = await Promise.all(ids.map((id) => getPerson(deps.store, id)));
  const problems: string[] = [];
  const now = deps.clock.now().toISOString();
  const transfers: Transfer[] = [];
  people.forEach((person, i) => {
    const problem = memberProblem(person, from);
    const memberStatus = person && transferableStatus(person.status);
    if (problem || !person || !memberStatus) return problems.push(problem ?? '');
    transfers.push({
      id: `${key}-${i + 1}`, ...(ids.length > 1 ? { batchId: key } : {}), personId: person.id, personName: person.name, memberStatus,
      fromOrgId: from.id, fromOrgName: from.name, destination, reason: values.reason, leavingDate: values.leavingDate, duesPaidTo: values.duesPaidTo,
      status: 'requested', letters: [], createdAt: now, createdBy: actor.id, version: 1,
    });
  });
  if (problems.length > 0) throw new InputInvalidError({ personIds: problems.join('') });
  const items = transfers.flatMap((t) => [
    ...putNewTransfer(deps.store, t),
    auditPut(deps.store, transferPk(t.id), { at: now, action: 'transfer.requested', actor: actor.id, details: { personName: t.personName, toOrg: destination.orgName, batchSize: transfers.length } }),
    auditPut(deps.store, personPk(t.personId), { at: now, action: 'transfer.requested', actor: actor.id, details: { transferId: t.id, toOrg: destination.orgName } }),
  ]);
  try {
    await transactWrite(deps.store, items);
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error;
    if (await getTransfer(deps.store, `${key}-1`)) return requestTransfer(deps, actor, input);
    // Items per transfer: guard, transfer, person ref, due-index entry, two audit events: a failed guard names the person.
    const busy = transfers.filter((_, i) => error.failedAt(i * 6)).map((t) => t.personName);
    throw new TransferAlreadyActiveError(busy.length > 0 ? busy : transfers.map((t) => t.personName), { cause: error });
  }
  await Promise.all(transfers.map((t) => startTransferProcess(deps, t)));
  return transfers;
}

function destinationOf(tree: Awaited<ReturnType<typeof loadOrgTree>>, values: { destinationKind: 'within' | 'outside'; destinationOrgId?: string; outsideOrgName?: string; outsideAddress?: string }, fromOrgId: string): Destination {
  if (values.destinationKind === 'outside') return { kind: 'outside', orgName: values.outsideOrgName ?? '', address: values.outsideAddress ?? '' };
  const org = tree.get(values.destinationOrgId ?? '');
  const problem = destinationProblem(org, fromOrgId);
  if (problem || !org) throw new InputInvalidError({ destinationOrgId: problem ?? '' });
  return { kind: 'within', orgId: org.id, orgName: org.name };
}

/** Starts the transfer's execution; already started (a repeated submission) is fine. */
async function startTransferProcess(deps: ServiceDeps, transfer: Transfer): Promise<void> {
  try {
    await deps.workflow.startExecution({ stateMachine: 'transfer', name: transferExecutionName(transfer.id), input: { transferId: transfer.id, destination: transfer.destination.kind } });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionExistsError)) throw error;
  }
}
