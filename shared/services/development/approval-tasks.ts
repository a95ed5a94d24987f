import { chinaDate } from '../../domain/calendar';
import type { ApprovalRequest, ApprovalResolution, ApprovalSubjectKind, Approver } from '../../domain/approval/approval';
import { admissionApprovalDeadlines } from '../../domain/development/approval-deadline';
import type { DevelopmentCase } from '../../domain/development/case';
import type { NoticeNode } from '../../domain/development/rule-set';
import { addMonths } from '../../domain/development/dates';
import { stepByKey } from '../../domain/development/steps';
import { auditPut } from '../../store/audit';
import { casePk, listCaseRecords, putCaseRef, putStepRecord } from '../../store/cases-repo';
import { getEndedNotice } from '../../store/notices-repo';
import type { Organization } from '../../domain/registry/organization';
import { getPerson } from '../../store/people-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { loadOrgTree } from '../authorization';
import { staffToNotify } from '../registry/questions';
import { noticeSummaryLine, summaryLine } from './approval-summary';
import { caseChangeItems, loadCase, systemRecord } from './case-writes';
import { getRuleSet } from './rule-sets';

export type CaseApprovalStep = 'preReview' | 'admissionApproval' | 'conversionApproval';

const KIND: Record<CaseApprovalStep, ApprovalSubjectKind> = { preReview: 'pre-review', admissionApproval: 'admission', conversionApproval: 'conversion' };
const DAY_MS = 86_400_000;
const endOfChinaDay = (date: string) => new Date(`${date}T23:59:59+08:00`).toISOString();

export const caseApprovalId = (caseId: string, step: CaseApprovalStep, attempt: number) => `${caseId}-${step}-${attempt}`;

/** The higher committee's approvers: its committee members with an e-mail, else its committee staff. */
async function approversFor(deps: ServiceDeps, approving: Organization): Promise<Approver[]> {
  const members = await Promise.all(approving.committee.filter((m) => m.personId).map(async (m) => ({ name: m.name, email: (await getPerson(deps.store, m.personId as string))?.email })));
  let approvers = members.filter((m): m is Approver => Boolean(m.email));
  if (approvers.length === 0) {
    approvers = (await staffToNotify(deps, approving.id)).filter((s) => s.orgId === approving.id && s.role === 'committee-staff').map((s) => ({ name: s.displayName, email: s.email }));
  }
  if (approvers.length === 0) throw new Error(`No approver with an e-mail address in ${approving.id}`);
  return approvers;
}

/**
 * 案情摘要: the person, then every step and every notice of the case in the order they happened (a notice when it
 * ended), each with its substance — the vote, the conclusions, the notice's result.
 */
async function summaryOf(deps: ServiceDeps, devCase: DevelopmentCase): Promise<string> {
  const person = await getPerson(deps.store, devCase.personId);
  const { steps, refs } = await listCaseRecords(deps.store, devCase.id);
  const noticeRefs = refs.filter((r) => r.kind === 'notice');
  const notices = await Promise.all(noticeRefs.map(async (r) => ({ node: r.node as NoticeNode, notice: await getEndedNotice(deps.store, r.refId) })));
  const events = [
    ...steps.map((record) => ({ at: record.at, line: summaryLine(record) })),
    ...notices.flatMap(({ node, notice }) => (notice && notice.status !== 'open' ? [{ at: notice.closedAt ?? notice.withdrawnAt ?? notice.endsAt, line: noticeSummaryLine(node, notice) }] : [])),
  ].sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
  const lines = [
    `${devCase.personName}，${person?.gender ?? ''}，${person?.birthDate.slice(0, 7) ?? ''} 生，${person?.education ?? ''}，${person?.unitPost ?? ''}。`,
    ...events.map((e) => e.line),
  ];
  return lines.join('\n');
}

/**
 * Task Prepare…: the approval request of step 13, 17 or 24 for the nested approval execution. The admission approval
 * is due 3 months after the general meeting; later a reason is required, after 6 months decisions are refused.
 */
export async function prepareCaseApproval(deps: ServiceDeps, request: { caseId: string; stepKey: CaseApprovalStep }): Promise<{ approval: ApprovalRequest }> {
  const devCase = await loadCase(deps, request.caseId);
  const rules = await getRuleSet(deps, devCase.ruleSetVersion);
  // One read of the tree: the approving committee, and 报送组织 (the branch that submits the case, not the committee that decides).
  const tree = await loadOrgTree(deps.store);
  const approving = tree.approvingOrganization(devCase.orgId);
  if (!approving) throw new Error(`No approving organization above ${devCase.orgId}`);
  const approvers = await approversFor(deps, approving);
  const orgName = tree.get(devCase.orgId)?.name;
  const now = deps.clock.now();
  const { dates } = devCase;
  let dueDate = new Date(now.getTime() + 30 * DAY_MS).toISOString();
  let decisionWindow: ApprovalRequest['decisionWindow'];
  if (request.stepKey === 'admissionApproval' && dates.admissionMeetingDate) {
    const deadlines = admissionApprovalDeadlines(dates.admissionMeetingDate, rules);
    dueDate = endOfChinaDay(deadlines.dueDate);
    decisionWindow = { reasonRequiredAfter: dueDate, closesAt: endOfChinaDay(deadlines.lastDate) };
  }
  if (request.stepKey === 'conversionApproval' && dates.conversionMeetingDate) dueDate = endOfChinaDay(addMonths(dates.conversionMeetingDate, rules.conversionApproval.dueMonths));
  const titles: Record<CaseApprovalStep, string> = {
    preReview: `${devCase.personName}：发展对象预审`,
    admissionApproval: `接收${devCase.personName}为中共预备党员`,
    conversionApproval: `${devCase.personName}转为中共正式党员`,
  };
  const approval: ApprovalRequest = {
    approvalId: caseApprovalId(devCase.id, request.stepKey, devCase.attempt),
    subject: { kind: KIND[request.stepKey], title: titles[request.stepKey], summary: await summaryOf(deps, devCase), orgId: devCase.orgId, ...(orgName ? { orgName } : {}) },
    approvers,
    policy: 'any',
    dueDate,
    ...(decisionWindow ? { decisionWindow } : {}),
  };
  try {
    await transactWrite(deps.store, [
      putCaseRef(deps.store, devCase.id, 'approval', approval.approvalId, { stepKey: request.stepKey, stage: devCase.stage, attempt: devCase.attempt }),
      auditPut(deps.store, casePk(devCase.id), { at: now.toISOString(), action: 'case.approval-requested', actor: 'system', details: { approvalId: approval.approvalId, stepKey: request.stepKey } }),
    ]);
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error; // a retried task
  }
  return { approval };
}

/** Task Record…: the higher committee's decision as the step's record; an approval dates the case (admission, conversion). */
export async function recordApprovalDecision(deps: ServiceDeps, request: { caseId: string; stepKey: CaseApprovalStep; decision: ApprovalResolution }): Promise<{ outcome: string }> {
  const { decision } = request;
  for (;;) {
    const devCase = await loadCase(deps, request.caseId);
    const at = deps.clock.now().toISOString();
    const decidedOn = decision.meetingDate ?? chinaDate(new Date(decision.decidedAt));
    const approved = decision.outcome === 'approved';
    const dates = { ...devCase.dates };
    if (approved && request.stepKey === 'admissionApproval') dates.admissionApprovalDate = decidedOn;
    if (approved && request.stepKey === 'conversionApproval') dates.conversionApprovalDate = decidedOn;
    const next: DevelopmentCase = {
      ...devCase, dates, updatedAt: at, version: devCase.version + 1,
      warnings: request.stepKey === 'admissionApproval' ? devCase.warnings.filter((w) => !w.code.startsWith('admission-approval')) : devCase.warnings,
    };
    const record = systemRecord(devCase, {
      stepNo: stepByKey(request.stepKey).no, stepKey: request.stepKey, at, actorName: decision.decidedBy,
      values: { approvalId: decision.approvalId, outcome: decision.outcome, decidedAt: decision.decidedAt, meetingDate: decision.meetingDate, comment: decision.comment, decidedBy: decision.decidedBy },
    });
    try {
      await transactWrite(deps.store, [
        putStepRecord(deps.store, record, false),
        ...(await caseChangeItems(deps, devCase, next, { at, action: 'case.approval-decided', actor: 'system', details: { stepKey: request.stepKey, outcome: decision.outcome, approvalId: decision.approvalId } })),
      ]);
    } catch (error) {
      if (!(error instanceof StoreConditionFailedError)) throw error;
      if (error.failedAt(0)) return { outcome: decision.outcome }; // recorded before (a retried task)
      continue;
    }
    return { outcome: decision.outcome };
  }
}
