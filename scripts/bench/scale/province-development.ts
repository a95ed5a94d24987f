import { randomBytes } from 'node:crypto';
import type { DevelopmentCase } from '../../../shared/domain/development/case';
import type { CaseDates } from '../../../shared/domain/development/deadlines';
import { DEFAULT_RULE_SET } from '../../../shared/domain/development/rule-set';
import { DEVELOPMENT_STEPS, type StageNo, type StepKey } from '../../../shared/domain/development/steps';
import { nextCaseWake } from '../../../shared/domain/development/wake';
import type { PersonNotice } from '../../../shared/domain/notice/notice';
import type { MembershipStatus, Person } from '../../../shared/domain/registry/person';
import { caseApprovalId, caseNoticeId, developmentTaskId } from '../../../shared/services/development';
import { putNewApproval, putNewLink } from '../../../shared/store/approvals-repo';
import { approvalPk } from '../../../shared/store/approvals-repo';
import { auditPut } from '../../../shared/store/audit';
import { casePk, putCaseRef, putNewCase } from '../../../shared/store/cases-repo';
import { setDueEntry } from '../../../shared/store/due-index';
import { claimNoticeGuard, noticePk, putNewNotice } from '../../../shared/store/notices-repo';
import type { Store } from '../../../shared/store/store';
import { putNewTask } from '../../../shared/store/tasks-repo';
import { claimedGuardItem, type BulkWriter } from './bulk-write';

/**
 * Open development cases of a generated province, as the stage workflows leave them: every fifth at each stage,
 * alternately running (its first step's task open in 待办) or between stages (the next stage's earliest date set).
 * A running stage III case has its 发展对象 notice open (the 公示 with its guard); a running stage IV case waits
 * on the higher committee's 预审 by e-mail link instead of a task. Items as the development services write them.
 */

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export interface CasePlan {
  stage: StageNo;
  running: boolean;
}

/** Case `index`'s stage and state. */
export function casePlan(index: number): CasePlan {
  const stage = ((index % 5) + 1) as StageNo;
  return { stage, running: stage === 5 || Math.floor(index / 5) % 2 === 0 };
}

const RUNNING_STATUS: MembershipStatus[] = ['applicant', 'applicant', 'activist', 'development-target', 'probationary'];
const BETWEEN_STATUS: MembershipStatus[] = ['applicant', 'activist', 'development-target', 'probationary'];

/** The registry status of the person of a case at its plan. */
export const caseStatus = (plan: CasePlan): MembershipStatus => (plan.running ? RUNNING_STATUS : BETWEEN_STATUS)[plan.stage - 1];

/** Days after the application each stage's last date falls (stage I done … stage IV done). */
const DONE_AFTER = [20, 300, 500, 620];
const FIRST_STEP: Record<StageNo, StepKey> = { 1: 'talk', 2: 'activistDecision', 3: 'sponsors', 4: 'committeeReview', 5: 'conversionApplication' };

function datesAfter(applicationDate: string, stagesDone: number): CaseDates {
  const at = (days: number) => addDays(applicationDate, days);
  return {
    applicationDate,
    ...(stagesDone >= 1 ? { talkDate: at(20) } : {}),
    ...(stagesDone >= 2 ? { activistDate: at(120), evaluationDates: [at(300)] } : {}),
    ...(stagesDone >= 3 ? { targetDate: at(500) } : {}),
    ...(stagesDone >= 4 ? { admissionMeetingDate: at(600), admissionApprovalDate: at(620) } : {}),
  };
}

/** The earliest start of the stage after `done` stages, days after the application. */
const NEXT_START = [60, 485, 520, 985];

export interface DevelopmentWrites {
  cases: { id: string; orgId: string; stage: StageNo }[];
  approvals: number;
  notices: number;
}

export async function writeDevelopmentCases(
  store: Store, writer: BulkWriter, input: { people: Person[]; caseIndexOf: (personIndex: number) => number | undefined; orgName: (orgId: string) => string; orgPath: (orgId: string) => string; now: Date },
): Promise<DevelopmentWrites> {
  const nowIso = input.now.toISOString();
  const today = nowIso.slice(0, 10);
  const dueAt = new Date(input.now.getTime() + 14 * 86_400_000).toISOString();
  const result: DevelopmentWrites = { cases: [], approvals: 0, notices: 0 };
  for (const [personIndex, person] of input.people.entries()) {
    const index = input.caseIndexOf(personIndex);
    if (index === undefined) continue;
    const plan = casePlan(index);
    const done = plan.running ? plan.stage - 1 : plan.stage;
    const applicationDate = addDays(today, -((done === 0 ? 10 : DONE_AFTER[done - 1]) + 20 + (index % 60)));
    const openedAt = `${applicationDate}T02:00:00.000Z`;
    const id = `case-${String(index + 1).padStart(5, '0')}`;
    const devCase: DevelopmentCase = {
      id, personId: person.id, personName: person.name, orgId: person.orgId, ruleSetVersion: '2014', status: 'active', stage: plan.stage, attempt: 1,
      stageState: plan.running ? 'running' : 'between', dates: datesAfter(applicationDate, done), outcomeReasons: [], warnings: [],
      ...(plan.running ? { executionArn: `arn:bench:development-${id}-${plan.stage}` } : { lastOutcome: 'completed', nextStage: { stage: (plan.stage + 1) as StageNo, attempt: 1, earliestStart: addDays(applicationDate, NEXT_START[done - 1]) } }),
      createdAt: openedAt, updatedAt: nowIso, version: 2 * done + 1,
    };
    result.cases.push({ id, orgId: person.orgId, stage: plan.stage });
    await writer.put(
      ...putNewCase(store, devCase, input.orgPath(devCase.orgId)),
      auditPut(store, casePk(id), { at: openedAt, action: 'case.opened', actor: 'system', details: { personId: person.id, applicationDate, ruleSetVersion: '2014' } }),
    );
    // Its due-index entry as the case's writes leave it (nothing mailed yet: docs/domain/scheduler.md).
    const wakeAt = nextCaseWake(devCase, DEFAULT_RULE_SET, today, new Set());
    if (wakeAt !== undefined) await writer.put(setDueEntry(store, { kind: 'case', pk: casePk(id), id, wakeAt, version: devCase.version }));
    for (let stage = 1; stage <= done + (plan.running ? 1 : 0); stage++) {
      await writer.put(auditPut(store, casePk(id), { at: `${addDays(applicationDate, stage === 1 ? 0 : DONE_AFTER[stage - 2])}T03:00:00.000Z`, action: 'case.stage-started', actor: 'system', details: { stage, attempt: 1 } }));
    }
    if (!plan.running) continue;
    const firstStep = FIRST_STEP[plan.stage];
    if (plan.stage === 4 && index % 10 === 3) {
      await writePreReview(store, writer, devCase, input.orgName(devCase.orgId), input.now);
      result.approvals += 1;
      continue;
    }
    if (plan.stage === 3) {
      await writeTargetNotice(store, writer, devCase, person, input.orgName(devCase.orgId), input.now);
      result.notices += 1;
    }
    const step = DEVELOPMENT_STEPS.find((s) => s.key === firstStep);
    const taskId = developmentTaskId(id, firstStep, 1);
    await writer.put(
      putNewTask(store, {
        id: taskId, kind: 'development-step', title: `发展党员：${person.name} — ${step?.label ?? firstStep}`, orgId: devCase.orgId, assigneeRole: step?.actor === 'committee-staff' ? 'committee-staff' : 'branch-staff',
        subject: { caseId: id, stepKey: firstStep, attempt: '1' }, status: 'open', createdAt: nowIso, dueAt, taskToken: `bench-token-${taskId}`,
      }),
      auditPut(store, casePk(id), { at: nowIso, action: 'task.opened', actor: 'system', details: { taskId, title: step?.label ?? firstStep } }),
    );
  }
  return result;
}

async function writePreReview(store: Store, writer: BulkWriter, devCase: DevelopmentCase, orgName: string, now: Date): Promise<void> {
  const approvalId = caseApprovalId(devCase.id, 'preReview', 1);
  const linkHash = randomBytes(32).toString('hex');
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + 14 * 86_400_000).toISOString();
  await writer.put(
    putCaseRef(store, devCase.id, 'approval', approvalId, { stepKey: 'preReview', stage: 4, attempt: 1 }),
    auditPut(store, casePk(devCase.id), { at, action: 'case.approval-requested', actor: 'system', details: { approvalId, stepKey: 'preReview' } }),
    ...putNewApproval(store, {
      id: approvalId, subject: { kind: 'pre-review', title: `${devCase.personName}：发展对象预审`, summary: `${devCase.personName}，男，大学本科。`, orgId: devCase.orgId, orgName },
      policy: 'any', dueDate: new Date(now.getTime() + 30 * 86_400_000).toISOString(), approvers: [{ name: '赵审批', email: 'approver@bench.example.org', linkHash }],
      status: 'pending', decisions: [], taskToken: `bench-token-${approvalId}`, executionArn: `arn:bench:approval-${approvalId}`, createdAt: at, version: 1,
    }),
    putNewLink(store, { linkHash, approvalId, approverIndex: 0, approverName: '赵审批', status: 'pending', issuedAt: at, expiresAt, reminderAt: new Date(now.getTime() + 10 * 86_400_000).toISOString() }),
    auditPut(store, approvalPk(approvalId), { at, action: 'approval.requested', actor: 'system', details: { title: `${devCase.personName}：发展对象预审`, kind: 'pre-review', policy: 'any', approvers: ['赵审批'], linksExpireAt: expiresAt } }),
  );
}

async function writeTargetNotice(store: Store, writer: BulkWriter, devCase: DevelopmentCase, person: Person, orgName: string, now: Date): Promise<void> {
  const id = caseNoticeId(devCase.id, 'developmentTarget', 1);
  const published = new Date(now.getTime() - 2 * 86_400_000);
  const endDate = new Date(now.getTime() + 3 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  const endsAt = `${endDate}T23:59:59+08:00`;
  const notice: PersonNotice = {
    id, orgId: devCase.orgId, orgName, kind: 'development-target', audience: 'public', personId: person.id,
    subject: { name: person.name, gender: person.gender, birthYearMonth: person.birthDate.slice(0, 7), education: person.education, unitPost: person.unitPost },
    applicationDate: devCase.dates.applicationDate, previousStage: { label: '确定为入党积极分子', date: devCase.dates.activistDate ?? devCase.dates.applicationDate }, proposedStep: '拟确定为发展对象',
    objectionContact: { office: '机关党委组织处', contact: '010-12345678' }, period: { unit: 'workingDays', count: 5 }, createdBy: 'system',
    status: 'open', publishedAt: published.toISOString(), endsAt, endsAtMs: Date.parse(endsAt), provisional: false, objectionCount: 0, executionArn: `arn:bench:notice-${id}`,
  };
  await writer.put(
    ...putNewNotice(store, notice),
    ...claimNoticeGuard(store, notice).map(claimedGuardItem),
    auditPut(store, noticePk(id), { at: notice.publishedAt, action: 'notice.published', actor: 'system' }),
    putCaseRef(store, devCase.id, 'notice', id, { node: 'developmentTarget', stage: 3, attempt: 1 }),
    auditPut(store, casePk(devCase.id), { at: notice.publishedAt, action: 'case.notice-prepared', actor: 'system', details: { noticeId: id, node: 'developmentTarget' } }),
  );
}
