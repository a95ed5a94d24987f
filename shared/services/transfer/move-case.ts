import { noticeHeading } from '../../domain/notice/notice-headline';
import { acceptanceOffer, caseMoveBlockers, type AcceptanceOffer, type CaseOpenItems } from '../../domain/transfer/case-move';
import type { DevelopmentCase } from '../../domain/development/case';
import type { Transfer } from '../../domain/transfer/transfer';
import { getApproval } from '../../store/approvals-repo';
import { getCase, getOpenCaseIdOf, listCaseRecords } from '../../store/cases-repo';
import { getNotice } from '../../store/notices-repo';
import { listOpenTasks, moveOpenTask } from '../../store/tasks-repo';
import type { TransactItem } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { caseChangeItems } from '../development/case-writes';
import { CaseCannotMoveError } from './errors';

/**
 * The writes that hand the person's open development case to the receiving branch (docs/domain/transfer.md T8), for
 * the acceptance's transaction: the case's organization (its records, dates, notices and the cultivation or probation
 * time are left as they are), its open step tasks moved to the new branch's 待办 list, and the handover in the case's
 * file. The running stage reads the case's organization at each later step, so its next steps, warnings and the
 * approvals it asks for go to the new branch and its approving committee. Refused while an approval or a notice of the
 * case is open (CaseCannotMoveError, with what to wait for).
 */
export async function caseMoveItems(deps: ServiceDeps, transfer: Transfer, toOrgId: string, at: string, actorId: string): Promise<{ items: TransactItem[]; caseId?: string }> {
  const facts = await caseMoveFacts(deps, transfer, toOrgId);
  if (!facts) return { items: [] };
  const { devCase } = facts;
  const blockers = caseMoveBlockers(facts.openItems);
  if (blockers.length > 0) throw new CaseCannotMoveError(blockers, { detail: `case ${devCase.id} has open approvals or notices` });
  const tasks = (await listOpenTasks(deps.store, [devCase.orgId])).filter((t) => t.subject.caseId === devCase.id);
  const next = { ...devCase, orgId: toOrgId, updatedAt: at, version: devCase.version + 1 };
  const details = { transferId: transfer.id, fromOrg: transfer.fromOrgName, toOrg: transfer.destination.orgName, stage: devCase.stage };
  return {
    caseId: devCase.id,
    items: [...(await caseChangeItems(deps, devCase, next, { at, action: 'case.transferred', actor: actorId, details })), ...tasks.map((t) => moveOpenTask(deps.store, t, toOrgId))],
  };
}

/** The facts the move's rule needs (read once each): the person's open case still elsewhere, and its open approvals and notices. */
async function caseMoveFacts(deps: ServiceDeps, transfer: Transfer, toOrgId: string): Promise<{ devCase: DevelopmentCase; openItems: CaseOpenItems } | undefined> {
  const devCase = await openCaseOf(deps, transfer.personId);
  if (!devCase || devCase.orgId === toOrgId) return undefined;
  const { refs } = await listCaseRecords(deps.store, devCase.id);
  const approvals = await Promise.all(refs.filter((r) => r.kind === 'approval').map((r) => getApproval(deps.store, r.refId)));
  const notices = await Promise.all(refs.filter((r) => r.kind === 'notice').map((r) => getNotice(deps.store, r.refId)));
  return {
    devCase,
    openItems: {
      openApprovals: approvals.filter((a) => a?.status === 'pending').map((a) => a?.subject.title ?? ''),
      openNotices: notices.filter((n) => n?.status === 'open').map((n) => (n ? noticeHeading(n) : '')),
    },
  };
}

/** The person's open development case, if any. */
export async function openCaseOf(deps: Pick<ServiceDeps, 'store'>, personId: string): Promise<DevelopmentCase | undefined> {
  const caseId = await getOpenCaseIdOf(deps.store, personId);
  const devCase = caseId ? await getCase(deps.store, caseId) : undefined;
  return devCase?.status === 'active' ? devCase : undefined;
}

/** What the receiving branch is offered now (docs/domain/transfer.md T8a): accept now, or wait for what the case waits on. */
export async function acceptanceOfferFor(deps: ServiceDeps, transfer: Transfer): Promise<AcceptanceOffer> {
  if (transfer.destination.kind !== 'within') return { kind: 'accept-now' };
  const facts = await caseMoveFacts(deps, transfer, transfer.destination.orgId);
  return facts ? acceptanceOffer(facts.openItems) : { kind: 'accept-now' };
}
