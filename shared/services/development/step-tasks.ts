import { chinaDate } from '../../domain/calendar';
import { STAGE_OUTCOME_LABELS, type DevelopmentCase, type StageOutcome } from '../../domain/development/case';
import { caseAfterStage } from '../../domain/development/case-progress';
import { isNoticeReviewKey, noticeNodeOfReviewKey, stepByKey, type DevelopmentTaskKey, type StageNo } from '../../domain/development/steps';
import { talkDueDate } from '../../domain/development/talk';
import { casePk } from '../../store/cases-repo';
import { getNotice } from '../../store/notices-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { staffToNotify } from '../registry/questions';
import { openPendingTask } from '../tasks/open-pending-task';
import { caseChangeItems, developmentTaskId, loadCase } from './case-writes';
import { caseNoticeId } from './notice-tasks';
import { getRuleSet } from './rule-sets';
import { membershipStatusItems } from './registry-status';

const DAY_MS = 86_400_000;
const endOfChinaDay = (date: string) => new Date(`${date}T23:59:59+08:00`).toISOString();

async function dueAtOf(deps: ServiceDeps, devCase: DevelopmentCase, key: DevelopmentTaskKey, now: Date): Promise<string> {
  if (key === 'talk') return endOfChinaDay(talkDueDate(devCase.dates.applicationDate, await getRuleSet(deps, devCase.ruleSetVersion)));
  if (isNoticeReviewKey(key)) {
    const notice = await getNotice(deps.store, caseNoticeId(devCase.id, noticeNodeOfReviewKey(key), devCase.attempt));
    if (notice?.reviewDate) return endOfChinaDay(notice.reviewDate);
  }
  return new Date(now.getTime() + 30 * DAY_MS).toISOString();
}

/**
 * Task of a form step (callback): a 'development-step' pending task for the staff who fill in the form, mailed to
 * them once. Asked again (retry, resume, redrive) it keeps one task and answers a step already done.
 */
export async function openStepTask(deps: ServiceDeps, request: { caseId: string; stepKey: DevelopmentTaskKey; attempt: number; taskToken: string }): Promise<void> {
  const devCase = await loadCase(deps, request.caseId);
  if (devCase.status !== 'active') return; // ended meanwhile (终止发展): its execution is being stopped, nothing is due
  const review = isNoticeReviewKey(request.stepKey);
  const step = review ? undefined : stepByKey(request.stepKey as Exclude<DevelopmentTaskKey, `noticeReview-${string}`>);
  const label = step?.label ?? '公示暂缓后的复核';
  const assigneeRole = step?.actor === 'committee-staff' ? 'committee-staff' : 'branch-staff';
  const now = deps.clock.now();
  const taskId = developmentTaskId(devCase.id, request.stepKey, request.attempt);
  const { created } = await openPendingTask(deps, {
    id: taskId,
    kind: 'development-step',
    title: `发展党员：${devCase.personName} — ${label}`,
    orgId: devCase.orgId,
    assigneeRole,
    subject: { caseId: devCase.id, stepKey: request.stepKey, attempt: String(request.attempt) },
    status: 'open',
    createdAt: now.toISOString(),
    dueAt: await dueAtOf(deps, devCase, request.stepKey, now),
    taskToken: request.taskToken,
  }, casePk(devCase.id));
  if (!created) return;
  const to = (await staffToNotify(deps, devCase.orgId)).filter((s) => s.role === assigneeRole).map((s) => s.email);
  if (to.length === 0) return;
  await deps.mailer.send({
    to,
    subject: `【待办】发展党员：${devCase.personName} — ${label}`,
    text: `${devCase.personName}的发展党员工作已进行到“${label}”，请办理：${deps.publicBaseUrl}/staff/cases/${devCase.id}/steps/${request.stepKey}`,
  });
}

/**
 * Task of a stage's end: the case's status, dates and the next stage's earliest start (and the person's membership status),
 * in one transaction with the audit events. Idempotent: a retried task finds the stage already ended and changes nothing.
 */
export async function endStage(deps: ServiceDeps, request: { caseId: string; stage: StageNo; attempt: number; outcome: StageOutcome; reason?: string }): Promise<{ outcome: StageOutcome; nextStage?: DevelopmentCase['nextStage'] }> {
  for (;;) {
    const devCase = await loadCase(deps, request.caseId);
    if (devCase.stage !== request.stage || devCase.attempt !== request.attempt || devCase.stageState !== 'running') return { outcome: request.outcome, nextStage: devCase.nextStage };
    const rules = await getRuleSet(deps, devCase.ruleSetVersion);
    const now = deps.clock.now();
    const at = now.toISOString();
    const next = caseAfterStage(devCase, request.outcome, rules, chinaDate(now), at, request.reason);
    if (request.outcome === 'blocked') next.blocked = true;
    const statusItems = await membershipStatusItems(deps, devCase, request.outcome, rules, chinaDate(now), at);
    try {
      await transactWrite(deps.store, [...statusItems, ...(await caseChangeItems(deps, devCase, next, {
        at,
        action: 'case.stage-ended',
        actor: 'system',
        details: { stage: request.stage, attempt: request.attempt, outcome: request.outcome, label: STAGE_OUTCOME_LABELS[request.outcome], nextStage: next.nextStage, status: next.status },
      }))]);
    } catch (error) {
      if (error instanceof StoreConditionFailedError) continue;
      throw error;
    }
    return { outcome: request.outcome, nextStage: next.nextStage };
  }
}
