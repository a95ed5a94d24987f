import { chinaDate } from '../../domain/calendar';
import { admissionApprovalDeadlines, admissionApprovalStatus } from '../../domain/development/approval-deadline';
import type { CaseWarning, DevelopmentCase } from '../../domain/development/case';
import { STAGE_LABELS } from '../../domain/development/steps';
import { getApproval } from '../../store/approvals-repo';
import { auditPut } from '../../store/audit';
import { casePk, putCaseMarker } from '../../store/cases-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { staffToNotify, type StaffContact } from '../registry/questions';
import { caseApprovalId } from './approval-tasks';
import { caseChangeItems } from './case-writes';
import { getRuleSet } from './rule-sets';

async function mailStaff(deps: ServiceDeps, devCase: DevelopmentCase, role: StaffContact['role'], subject: string, text: string): Promise<void> {
  const to = (await staffToNotify(deps, devCase.orgId)).filter((s) => s.role === role).map((s) => s.email);
  if (to.length > 0) await deps.mailer.send({ to, subject, text: `${text}\n${deps.publicBaseUrl}/staff/cases/${devCase.id}` });
}

/** Once per stage attempt: the stage can start now (its date has come); the branch staff are told. */
async function remindStageStart(deps: ServiceDeps, devCase: DevelopmentCase, today: string): Promise<boolean> {
  const next = devCase.nextStage;
  if (devCase.stageState !== 'between' || !next || today < next.earliestStart) return false;
  const at = deps.clock.now().toISOString();
  try {
    await transactWrite(deps.store, [
      putCaseMarker(deps.store, devCase.id, `stage-${next.stage}-${next.attempt}-startable`, at),
      auditPut(deps.store, casePk(devCase.id), { at, action: 'case.stage-startable', actor: 'system', details: { stage: next.stage, attempt: next.attempt } }),
    ]);
  } catch (error) {
    if (error instanceof StoreConditionFailedError) return false; // told before
    throw error;
  }
  await mailStaff(deps, devCase, 'branch-staff', `【提醒】${devCase.personName}：可以开始${STAGE_LABELS[next.stage]}`, `${devCase.personName}的发展党员工作自 ${next.earliestStart} 起可以开始${STAGE_LABELS[next.stage]}，请及时办理。`);
  return true;
}

/**
 * The admission approval (step 17): after 3 months the case shows a warning and a decision needs a reason; after
 * 6 months it is blocked: the case is marked, committee staff are told, and the approval's execution is stopped
 * (decisions are refused by the approval's decision window), which ends stage IV as blocked.
 */
async function watchAdmissionApproval(deps: ServiceDeps, devCase: DevelopmentCase, today: string): Promise<'overdue' | 'blocked' | undefined> {
  const meeting = devCase.dates.admissionMeetingDate;
  if (devCase.stage !== 4 || devCase.stageState !== 'running' || !meeting || devCase.dates.admissionApprovalDate) return undefined;
  const rules = await getRuleSet(deps, devCase.ruleSetVersion);
  const status = admissionApprovalStatus(meeting, today, rules);
  if (status === 'in-time') return undefined;
  const code = status === 'overdue' ? 'admission-approval-overdue' : 'admission-approval-blocked';
  if (devCase.warnings.some((w) => w.code === code)) return undefined;
  const { dueDate, lastDate } = admissionApprovalDeadlines(meeting, rules);
  const at = deps.clock.now().toISOString();
  const message = status === 'overdue'
    ? `接收预备党员应在支部大会后 ${rules.admissionApproval.dueMonths} 个月内（${dueDate} 前）审批，已超期；审批时须写明原因，最迟 ${lastDate}。`
    : `接收预备党员审批已超过最长期限 ${lastDate}，不能再审批，案件已冻结，请重新履行接收程序。`;
  const warning: CaseWarning = { code, message, since: at };
  const next: DevelopmentCase = { ...devCase, warnings: [...devCase.warnings, warning], ...(status === 'blocked' ? { blocked: true } : {}), updatedAt: at, version: devCase.version + 1 };
  try {
    await transactWrite(deps.store, caseChangeItems(deps, devCase, next, { at, action: `case.${code}`, actor: 'system', details: { meetingDate: meeting, dueDate, lastDate } }));
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
  return status;
}

/** The scheduler's development work on the active cases: stage-start reminders and the admission approval's deadlines. */
export async function runDevelopmentReminders(
  deps: ServiceDeps,
  cases: readonly DevelopmentCase[],
): Promise<{ stageReminders: number; approvalsOverdue: number; approvalsBlocked: number }> {
  const today = chinaDate(deps.clock.now());
  const counts = { stageReminders: 0, approvalsOverdue: 0, approvalsBlocked: 0 };
  for (const devCase of cases) {
    if (devCase.status !== 'active') continue;
    if (await remindStageStart(deps, devCase, today)) counts.stageReminders += 1;
    const watched = await watchAdmissionApproval(deps, devCase, today);
    if (watched === 'overdue') counts.approvalsOverdue += 1;
    if (watched === 'blocked') counts.approvalsBlocked += 1;
  }
  return counts;
}
