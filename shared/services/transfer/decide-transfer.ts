import { chinaDate } from '../../domain/calendar';
import { COMMITTEE_POST_LABELS, type Organization } from '../../domain/registry/organization';
import type { OrgTree } from '../../domain/registry/org-tree';
import { changeProblems } from '../../domain/transfer/acceptance';
import { formatSerial } from '../../domain/transfer/serial';
import { currentLetter, type Transfer } from '../../domain/transfer/transfer';
import { personTransferredOut } from '../../domain/transfer/leaving';
import { receiptDateProblem } from '../../domain/transfer/request';
import { parseForm } from '../../schemas/parse-form';
import { recordReceiptSchema, refuseTransferSchema, versionOnlySchema } from '../../schemas/transfer-forms';
import { auditPut } from '../../store/audit';
import { organizationWrites, orgPk } from '../../store/orgs-repo';
import { getPerson, personPk, replacePerson } from '../../store/people-repo';
import type { TransactItem } from '../../store/transact';
import type { Actor } from '../actor';
import type { ServiceDeps } from '../deps';
import { InputInvalidError } from '../../errors';
import { staffToNotify } from '../registry/questions';
import { commitTransfer, nextTransfer, transferChange } from './commit';
import { TransferChangedError, TransferChangeRefusedError } from './errors';
import { loadTransfer } from './load';
import { caseMoveItems } from './move-case';
import { caseLeavingItems } from './case-leaving';
import { stopStage } from '../development/end-case';
import { claimStep, tellWorkflow } from './steps';

export function checkChange(transfer: Transfer, version: number, change: Parameters<typeof changeProblems>[1], now: Date): void {
  if (transfer.version !== version) throw new TransferChangedError({ detail: `${change} ${transfer.id}: form ${version}, stored ${transfer.version}` });
  const problems = changeProblems(transfer, change, now);
  if (problems.length > 0) throw new TransferChangeRefusedError(problems);
}

const serialOf = (transfer: Transfer) => {
  const letter = currentLetter(transfer);
  return letter ? formatSerial(letter.serialYear, letter.serialNo) : '';
};

/** The committee posts the person holds, ended on `endedOn` with an event in each organization's history. */
function endCommitteePosts(deps: Pick<ServiceDeps, 'store'>, tree: OrgTree, personId: string, endedOn: string, at: string, actorId: string): TransactItem[] {
  const holding = tree.organizations.filter((org: Organization) => org.committee.some((m) => m.personId === personId));
  const replaced = holding.map((org) => ({ ...org, committee: org.committee.filter((m) => m.personId !== personId), version: org.version + 1 }));
  return [...organizationWrites(deps.store, { replaced, termsUnchanged: true }), ...holding.map((org) => {
    const ended = org.committee.filter((m) => m.personId === personId);
    return auditPut(deps.store, orgPk(org.id), {
      at, action: 'org.committee-post-ended', actor: actorId,
      details: { name: ended[0].name, posts: ended.map((m) => m.duty ?? COMMITTEE_POST_LABELS[m.post]), endedOn, reason: '组织关系转出' },
    });
  })];
}

/**
 * The receiving branch accepts (docs/domain/transfer.md T6, T6a, T8): in ONE transaction the person moves to the
 * receiving organization (his committee posts ended with their date, his history kept), his open development case is
 * handed over, the transfer is accepted and the workflow's arrival step claimed, each with its audit event. The
 * person's and the transfer's versions are conditions: accepted twice at once, the person moves once (the second: 409).
 */
export async function acceptTransfer(deps: ServiceDeps, actor: Actor, transferId: string, input: Record<string, unknown>): Promise<Transfer> {
  const values = parseForm(versionOnlySchema, input);
  const { transfer, tree } = await loadTransfer(deps, actor, transferId, 'transfer.receive', 'receiving');
  const now = deps.clock.now();
  checkChange(transfer, values.version, 'accept', now);
  return acceptLoaded(deps, transfer, tree, actor.id, now);
}

/**
 * The acceptance's transaction for a transfer read and checked by the caller: by staff (`acceptTransfer`), or by the
 * scheduler in the name of the staff member who chose to wait for the case (docs/domain/transfer.md T8a, `automatic`).
 */
export async function acceptLoaded(deps: ServiceDeps, transfer: Transfer, tree: OrgTree, actorId: string, now: Date, automatic = false): Promise<Transfer> {
  const transferId = transfer.id;
  if (transfer.destination.kind !== 'within') throw new TransferChangeRefusedError(['转往系统外的组织关系由对方接收。']);
  const toOrgId = transfer.destination.orgId;
  const person = await getPerson(deps.store, transfer.personId);
  if (!person || person.orgId !== transfer.fromOrgId) throw new TransferChangeRefusedError([`${transfer.personName}已不在${transfer.fromOrgName}，请与转出方核实后再办理。`]);
  const at = now.toISOString();
  const today = chinaDate(now);
  const moved = await caseMoveItems(deps, transfer, toOrgId, at, actorId);
  const { item, task } = await claimStep(deps, transfer, 'arrival', { by: actorId, at, output: { outcome: 'accepted' } });
  const next = nextTransfer(transfer, { status: 'accepted', decidedAt: at, decidedBy: actorId, acceptWhenFree: undefined, ...(moved.caseId ? { movedCaseId: moved.caseId } : {}) });
  const movedPerson = { ...person, orgId: toOrgId, version: person.version + 1 };
  const personEvent = { transferId, serial: serialOf(transfer), org: { before: transfer.fromOrgName, after: transfer.destination.orgName }, effective: today };
  const acceptedDetails = { toOrg: transfer.destination.orgName, caseMoved: Boolean(moved.caseId), ...(automatic ? { automatic: true } : {}) };
  await commitTransfer(deps, transferChange(deps, next, { at, action: 'transfer.accepted', actor: actorId, details: acceptedDetails }, [
    item,
    replacePerson(deps.store, movedPerson),
    auditPut(deps.store, personPk(person.id), { at, action: 'person.transferred', actor: actorId, details: personEvent }),
    ...endCommitteePosts(deps, tree, person.id, today, at, actorId),
    ...moved.items,
  ]), `accept ${transferId}`);
  await tellWorkflow(deps, task);
  await tellSender(deps, next, `已被${transfer.destination.orgName}接收`);
  return next;
}

/** The receiving branch refuses with a reason (docs/domain/transfer.md T6): the transfer returns to the sender, closed. */
export async function refuseTransfer(deps: ServiceDeps, actor: Actor, transferId: string, input: Record<string, unknown>): Promise<Transfer> {
  const values = parseForm(refuseTransferSchema, input);
  const { transfer } = await loadTransfer(deps, actor, transferId, 'transfer.receive', 'receiving');
  const now = deps.clock.now();
  checkChange(transfer, values.version, 'refuse', now);
  const at = now.toISOString();
  const { item, task } = await claimStep(deps, transfer, 'arrival', { by: actor.id, at, output: { outcome: 'refused' } });
  const next = nextTransfer(transfer, { status: 'refused', refusalReason: values.reason, decidedAt: at, decidedBy: actor.id });
  await commitTransfer(deps, transferChange(deps, next, { at, action: 'transfer.refused', actor: actor.id, details: { reason: values.reason } }, [
    item, auditPut(deps.store, personPk(transfer.personId), { at, action: 'transfer.refused', actor: actor.id, details: { transferId, reason: values.reason } }),
  ]), `refuse ${transferId}`);
  await tellWorkflow(deps, task);
  await tellSender(deps, next, `被${transfer.destination.orgName}退回，原因：${values.reason}`);
  return next;
}

/**
 * Outside the system, the sending branch records the returned receipt (回执) with its date (docs/domain/transfer.md
 * T6, T6b, T8b): in one transaction the person becomes 已转出本系统 from that date (off his organization's roster, count
 * and votes), his committee posts are ended, his open development case is closed as 随组织关系转出本系统 (refused while
 * an approval or notice of it is open), and the transfer is received; then the case's running stage is stopped.
 */
export async function recordReceipt(deps: ServiceDeps, actor: Actor, transferId: string, input: Record<string, unknown>): Promise<Transfer> {
  const values = parseForm(recordReceiptSchema, input);
  const { transfer, tree } = await loadTransfer(deps, actor, transferId, 'transfer.receipt', 'sending');
  const now = deps.clock.now();
  checkReceipt(transfer, values, now);
  return recordReceiptLoaded(deps, transfer, tree, actor, values.receiptDate, now);
}

/** The receipt's checks (T6): the change allowed now, on the version the form was read at, and its date. */
export function checkReceipt(transfer: Transfer, values: { version: number; receiptDate: string }, now: Date): void {
  checkChange(transfer, values.version, 'record-receipt', now);
  const letter = currentLetter(transfer);
  const dateProblem = receiptDateProblem(values.receiptDate, letter ? chinaDate(new Date(letter.issuedAt)) : undefined, chinaDate(now));
  if (dateProblem) throw new InputInvalidError({ receiptDate: dateProblem });
}

/**
 * The receipt's transaction for a transfer read and checked by the caller: by staff (`recordReceipt`), or by the
 * scheduler in the name of the staff member who chose to wait for the development case (T8b, `automatic`).
 */
export async function recordReceiptLoaded(
  deps: ServiceDeps, transfer: Transfer, tree: OrgTree, actor: Pick<Actor, 'id' | 'displayName'>, receiptDate: string, now: Date, automatic = false,
): Promise<Transfer> {
  const transferId = transfer.id;
  const person = await getPerson(deps.store, transfer.personId);
  if (!person || person.orgId !== transfer.fromOrgId) throw new TransferChangeRefusedError([`${transfer.personName}已不在${transfer.fromOrgName}，请核实后再登记回执。`]);
  const at = now.toISOString();
  const values = { receiptDate };
  const leaving = await caseLeavingItems(deps, transfer, actor, { receiptDate, at });
  const { item, task } = await claimStep(deps, transfer, 'receipt', { by: actor.id, at, output: { outcome: 'received' } });
  const next = nextTransfer(transfer, {
    status: 'received', receiptDate, decidedAt: at, decidedBy: actor.id, receiptWhenFree: undefined, ...(leaving.devCase ? { closedCaseId: leaving.devCase.id } : {}),
  });
  const left = personTransferredOut(person, receiptDate, transfer.destination.orgName);
  const details = { receiptDate, serial: serialOf(transfer), ...(leaving.devCase ? { caseClosed: true } : {}), ...(automatic ? { automatic: true } : {}) };
  await commitTransfer(deps, transferChange(deps, next, { at, action: 'transfer.receipt-recorded', actor: actor.id, details }, [
    item,
    replacePerson(deps.store, left),
    auditPut(deps.store, personPk(transfer.personId), { at, action: 'transfer.receipt-recorded', actor: actor.id, details: { transferId, toOrg: transfer.destination.orgName, receiptDate: values.receiptDate } }),
    ...endCommitteePosts(deps, tree, person.id, values.receiptDate, at, actor.id),
    ...leaving.items,
  ]), `receipt ${transferId}`);
  if (leaving.devCase?.stageState === 'running') await stopStage(deps, leaving.devCase, `${transfer.personName}的组织关系已转出本系统`);
  await tellWorkflow(deps, task);
  return next;
}

/** The sending branch's staff hear how it ended. */
async function tellSender(deps: ServiceDeps, transfer: Transfer, what: string): Promise<void> {
  const to = [...new Set((await staffToNotify(deps, transfer.fromOrgId)).filter((s) => s.orgId === transfer.fromOrgId).map((s) => s.email))];
  if (to.length === 0) return;
  await deps.mailer.send({
    to, subject: `【组织关系转接】${transfer.personName}`,
    text: `${transfer.personName}同志的组织关系转接${what}。详情：${deps.publicBaseUrl}/staff/transfers/${encodeURIComponent(transfer.id)}`,
  });
}
