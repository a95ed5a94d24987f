import { noticeHeading } from '../../domain/notice/notice-headline';
import type { DevelopmentCase } from '../../domain/development/case';
import { caseAfterLeaving, caseLeavingBlockers } from '../../domain/transfer/case-leaving';
import { caseParticulars, type CaseParticulars } from '../../domain/transfer/case-particulars';
import type { Transfer } from '../../domain/transfer/transfer';
import { closeTask } from '../../store/approvals-repo';
import { getCase } from '../../store/cases-repo';
import type { TransactItem } from '../../store/transact';
import type { Actor } from '../actor';
import type { ServiceDeps } from '../deps';
import { caseChangeItems } from '../development/case-writes';
import { openPartsOf } from '../development/end-case';
import { getRuleSet } from '../development/rule-sets';
import { CaseCannotLeaveError } from './errors';
import { openCaseOf } from './move-case';

/** What the case waits for before its person's receipt may be recorded (docs/domain/transfer.md T8b), in Chinese. */
async function leavingBlockers(deps: ServiceDeps, devCase: DevelopmentCase): Promise<{ blockers: string[]; taskIds: string[] }> {
  const parts = await openPartsOf(deps, devCase);
  const blockers = caseLeavingBlockers({ openApprovals: parts.approvals.map((a) => a.subject.title), openNotices: parts.notices.map(noticeHeading) });
  return { blockers, taskIds: parts.taskIds };
}

/**
 * The writes that close the person's open development case when the receipt of his letter outside the system is
 * recorded (docs/domain/transfer.md T8b), for the receipt's transaction: the case closed as 随组织关系转出本系统 from
 * the receipt's date (its records kept; nothing due any more, so no reminders or warnings), its open step tasks closed,
 * and the event in its file. Refused while one of its approvals or notices is open (CaseCannotLeaveError). The caller
 * stops the running stage's execution once the transaction is written.
 */
export async function caseLeavingItems(
  deps: ServiceDeps, transfer: Transfer, actor: Pick<Actor, 'id' | 'displayName'>, leaving: { receiptDate: string; at: string },
): Promise<{ items: TransactItem[]; devCase?: DevelopmentCase }> {
  if (transfer.destination.kind !== 'outside') return { items: [] };
  const devCase = await openCaseOf(deps, transfer.personId);
  if (!devCase) return { items: [] };
  const { blockers, taskIds } = await leavingBlockers(deps, devCase);
  if (blockers.length > 0) throw new CaseCannotLeaveError(blockers, { detail: `case ${devCase.id} has open approvals or notices` });
  const closed = caseAfterLeaving(devCase, { toOrgName: transfer.destination.orgName, ...leaving });
  const details = { transferId: transfer.id, toOrg: transfer.destination.orgName, receiptDate: leaving.receiptDate, stage: devCase.stage, tasksClosed: taskIds.length };
  return {
    devCase,
    items: [
      ...(await caseChangeItems(deps, devCase, closed, { at: leaving.at, action: 'case.transferred-out', actor: actor.id, details })),
      ...taskIds.map((id) => closeTask(deps.store, id, actor.displayName, leaving.at)),
    ],
  };
}

/** What the receipt form says of the person's open case: where it stands and what it waits for (empty: nothing). */
export interface ReceiptCaseNotice {
  caseId: string;
  progress: string;
  blockers: string[];
}

/** What the person's open case waits for before the receipt (empty: nothing, or no open case). */
export async function receiptBlockers(deps: ServiceDeps, transfer: Transfer): Promise<string[]> {
  const devCase = transfer.destination.kind === 'outside' ? await openCaseOf(deps, transfer.personId) : undefined;
  return devCase ? (await leavingBlockers(deps, devCase)).blockers : [];
}

export async function receiptCaseNotice(deps: ServiceDeps, transfer: Transfer): Promise<ReceiptCaseNotice | undefined> {
  if (transfer.destination.kind !== 'outside' || transfer.status !== 'issued') return undefined;
  const devCase = await openCaseOf(deps, transfer.personId);
  if (!devCase) return undefined;
  const rules = await getRuleSet(deps, devCase.ruleSetVersion);
  return { caseId: devCase.id, progress: caseParticulars(devCase, rules).progress, blockers: (await leavingBlockers(deps, devCase)).blockers };
}

/**
 * The development case the letter speaks of (docs/domain/transfer.md T8c): the one that moved or left with this
 * transfer, or else the person's open case; with its particulars under its rule set.
 */
export async function letterCase(deps: ServiceDeps, transfer: Transfer): Promise<{ devCase: DevelopmentCase; particulars: CaseParticulars } | undefined> {
  const caseId = transfer.movedCaseId ?? transfer.closedCaseId;
  const devCase = caseId ? await getCase(deps.store, caseId) : await openCaseOf(deps, transfer.personId);
  if (!devCase) return undefined;
  return { devCase, particulars: caseParticulars(devCase, await getRuleSet(deps, devCase.ruleSetVersion)) };
}
