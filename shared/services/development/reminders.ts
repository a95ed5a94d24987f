import { admissionApprovalDeadlines } from '../../domain/development/approval-deadline';
import type { CaseWarning, DevelopmentCase } from '../../domain/development/case';
import type { DevelopmentRuleSet } from '../../domain/development/rule-set';
import { STAGE_LABELS } from '../../domain/development/steps';
import { admissionApprovalEvents, stageStartEvent } from '../../domain/development/wake';
import { dueEvents } from '../../domain/scheduling/next-wake';
import { getApproval } from '../../store/approvals-repo';
import { auditPut } from '../../store/audit';
import { casePk, putCaseMarker } from '../../store/cases-repo';
import { StoreConditionFailedError, transactWrite, type TransactItem } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { staffToNotify, type StaffContact } from '../registry/questions';
import { caseApprovalId } from './approval-tasks';
import { caseChangeItems } from './case-writes';

async function mailStaff(deps: ServiceDeps, devCase: DevelopmentCase, role: StaffContact['role'], subject: string, text: string): Promise<void> {
  const to = (await staffToNotify(deps, devCase.orgId)).filter((s) => s.role === role).map((s) => s.email);
  if (to.length > 0) await deps.mailer.send({ to, subject, text: `${text}\n${deps.publicBaseUrl}/staff/cases/${devCase.id}` });
}

/**
 * What the scheduler writes with a reminder recorded as sent: the case's due-index entry moved past it
 * (docs/domain/scheduler.md), computed from the case and the event keys done with this one.
 */
export type AlsoWrite = (devCase: DevelopmentCase, doneKey?: string) => TransactItem[];

export type StageStartResult = 'sent' | 'told-before' | 'changed' | undefined;

/** Once per stage attempt: the stage can start now (its date has come: `stageStartEvent`); the branch staff are told. */
export async function remindStageStart(deps: ServiceDeps, devCase: DevelopmentCase, today: string, alsoWrite: AlsoWrite = () => []): Promise<StageStartResult> {
  const event = stageStartEvent(devCase);
  if (!event || dueEvents([event], today, new Set()).length === 0) return undefined;
  const at = deps.clock.now().toISOString();
  try {
    await transactWrite(deps.store, [
      putCaseMarker(deps.store, devCase.id, event.marker, at),
      auditPut(deps.store, casePk(devCase.id), { at, action: 'case.stage-startable', actor: 'system', details: { stage: event.stage, attempt: event.attempt } }),
      ...alsoWrite(devCase, event.key),
    ]);
  } catch (error) {
    if (error instanceof StoreConditionFailedError) return error.failedAt(0) ? 'told-before' : 'changed'; // changed: the next tick looks again
    throw error;
  }
  await mailStaff(deps, devCase, 'branch-staff', `【提醒】${devCase.personName}：可以开始${STAGE_LABELS[event.stage]}`, `${devCase.personName}的发展党员工作自 ${event.from} 起可以开始${STAGE_LABELS[event.stage]}，请及时办理。`);
  return 'sent';
}

/**
 * The admission approval (step 17): after 3 months the case shows a warning and a decision needs a reason; after
 * 6 months it is blocked: the case is marked, committee staff are told, and the approval's execution is stopped
 * (decisions are refused by the approval's decision window), which ends stage IV as blocked. The days are those of
 * `admissionApprovalEvents`; the case changed answers the case as written (its due-index entry moved with it).
 */
export async function watchAdmissionApproval(
  deps: ServiceDeps,
  devCase: DevelopmentCase,
  rules: DevelopmentRuleSet,
  today: string,
  done: ReadonlySet<string> = new Set(),
): Promise<{ status: 'overdue' | 'blocked'; devCase: DevelopmentCase } | undefined> {
  const [event] = dueEvents(admissionApprovalEvents(devCase, rules), today, new Set()).reverse(); // blocked wins over overdue
  const meeting = devCase.dates.admissionMeetingDate;
  if (!event || !meeting) return undefined;
  const status = event.code === 'admission-approval-overdue' ? 'overdue' : 'blocked';
  const code = event.code;
  const { dueDate, lastDate } = admissionApprovalDeadlines(meeting, rules);
  const at = deps.clock.now().toISOString();
  const message = status === 'overdue'
    ? `接收预备党员应在支部大会后 ${rules.admissionApproval.dueMonths} 个月内（${dueDate} 前）审批，已超期；审批时须写明原因，最迟 ${lastDate}。`
    : `接收预备党员审批已超过最长期限 ${lastDate}，不能再审批，案件已冻结，请重新履行接收程序。`;
  const warning: CaseWarning = { code, message, since: at };
  const next: DevelopmentCase = { ...devCase, warnings: [...devCase.warnings, warning], ...(status === 'blocked' ? { blocked: true } : {}), updatedAt: at, version: devCase.version + 1 };
  try {
    await transactWrite(deps.store, await caseChangeItems(deps, devCase, next, { at, action: `case.${code}`, actor: 'system', details: { meetingDate: meeting, dueDate, lastDate } }, done));
  } catch (error) {
    if (error instanceof StoreConditionFailedError) return undefined; // changed meanwhile: the next tick looks again
    throw error;
  }
  await mailStaff(deps, devCase, 'committee-staff', `【预警】${devCase.personName}：接收预备党员审批${status === 'overdue' ? '已超期' : '已超过最长期限'}`, message);
  if (status === 'blocked') {
    const approval = await getApproval(deps.store, caseApprovalId(devCase.id, 'admissionApproval', devCase.attempt));
    if (approval?.status === 'pending' && approval.executionArn) {
      await deps.workflow.stopExecution({ executionArn: approval.executionArn, cause: `审批超过最长期限 ${lastDate}` }).catch(() => undefined);
    }
  }
  return { status, devCase: next };
}
