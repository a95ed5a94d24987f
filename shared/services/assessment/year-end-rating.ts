import { computePeriodEnd } from '../../domain/calendar';
import { checkReviewScore, YEAR_END_STATUS_LABELS, yearEndResults, type AssessmentYearEnd } from '../../domain/assessment';
import { listStaffEmails } from '../../store/accounts-repo';
import { getYearEnd, yearEndPk } from '../../store/assessment-year-end-repo';
import { loadCalendar } from '../../store/calendar-repo';
import { claimTask, getTask } from '../../store/tasks-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import { InputInvalidError, RecordNotFoundError, TaskAlreadyHandledError } from '../../errors';
import type { Actor } from '../actor';
import { authorize, loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { deliverTaskCallback } from '../tasks/deliver-callback';
import { openPendingTask } from '../tasks/open-pending-task';
import { checked, ReportNotOpenError, AssessmentChangedError } from './errors';
import { yearEndTaskId } from './ids';
import { gatherYearEndFacts } from './year-end-facts';
import { nextYearEnd, yearEndChange } from './year-end-change';

/** The committee has 20 working days to rate the 述职评议 and submit the year end (a date for the 待办). */
const RATING_PERIOD = { unit: 'workingDays', count: 20 } as const;

/**
 * Task RateReports (waitForTaskToken; A12, A17): the committee staff's year-end task, the n-th after n − 1 returns
 * by the approver; its staff are mailed once. Asked again it renews the token, or answers with the recorded output.
 */
export async function openYearEndRating(deps: ServiceDeps, request: { committeeId: string; year: number; taskToken: string }): Promise<void> {
  const yearEnd = await getYearEnd(deps.store, request.committeeId, request.year);
  if (!yearEnd) throw new Error(`Year end ${request.committeeId}/${request.year} not found`);
  const n = yearEnd.approvals.length + 1;
  const taskId = yearEndTaskId(yearEnd.committeeId, yearEnd.year, n);
  const now = deps.clock.now();
  const { created } = await openPendingTask(deps, {
    id: taskId, kind: 'assessment-year-end',
    title: `党建考核：${yearEnd.year} 年年终考核（述职评议评分${n > 1 ? '，审批退回后重新提交' : ''}）`,
    orgId: yearEnd.committeeId, assigneeRole: 'committee-staff', subject: { committeeId: yearEnd.committeeId, year: String(yearEnd.year) },
    status: 'open', createdAt: now.toISOString(), dueAt: computePeriodEnd(await loadCalendar(deps.store), now, RATING_PERIOD).endsAtInstant.toISOString(), taskToken: request.taskToken,
  }, yearEndPk(yearEnd.committeeId, yearEnd.year));
  if (yearEnd.status === 'rating' && yearEnd.currentTaskId !== taskId) {
    try {
      await transactWrite(deps.store, yearEndChange(deps.store, nextYearEnd(yearEnd, { currentTaskId: taskId }), { at: now.toISOString(), action: 'assessment.year-end-task-opened', actor: 'system', details: { taskId } }));
    } catch (error) {
      if (!(error instanceof StoreConditionFailedError)) throw error;
      return openYearEndRating(deps, request);
    }
  }
  if (!created) return;
  const to = await listStaffEmails(deps.store, yearEnd.committeeId);
  if (to.length === 0) return;
  await deps.mailer.send({
    to, subject: `【待办】党建工作目标考核：${yearEnd.year} 年年终考核`,
    text: `${yearEnd.committeeName}${yearEnd.year} 年党建工作目标考核年终考核待办理：请评定各组织书记抓党建述职评议得分后提交审批。\n${deps.publicBaseUrl}/staff/assessment/year-end/${encodeURIComponent(yearEnd.committeeId)}/${yearEnd.year}`,
  });
}

async function yearEndFor(deps: ServiceDeps, actor: Actor, committeeId: string, year: number) {
  const tree = await loadOrgTree(deps.store);
  authorize(actor, 'assessment.review', committeeId, tree);
  const yearEnd = await getYearEnd(deps.store, committeeId, year);
  if (!yearEnd) throw new RecordNotFoundError('该年度的年终考核');
  if (yearEnd.status !== 'rating') throw new ReportNotOpenError(YEAR_END_STATUS_LABELS[yearEnd.status]);
  return { tree, yearEnd };
}

/** The 述职评议 scores of the form (`review_<orgId>`), each 0–100 (A12); an empty field keeps no score. */
function scoresFromForm(yearEnd: AssessmentYearEnd, names: Map<string, string>, form: Record<string, unknown>): Record<string, number> {
  const scores: Record<string, number> = { ...yearEnd.reviewScores };
  const errors: Record<string, string> = {};
  for (const [orgId, orgName] of names) {
    const raw = typeof form[`review_${orgId}`] === 'string' ? (form[`review_${orgId}`] as string).trim() : undefined;
    if (raw === undefined) continue;
    if (raw === '') {
      delete scores[orgId];
      continue;
    }
    try {
      scores[orgId] = checked(() => checkReviewScore(orgName, Number(raw)));
    } catch (error) {
      if (!(error instanceof InputInvalidError)) throw error;
      errors[`review_${orgId}`] = Object.values(error.fieldErrors)[0];
    }
  }
  if (Object.keys(errors).length > 0) throw new InputInvalidError(errors);
  return scores;
}

/**
 * The committee saves the 述职评议 scores (A12) and, with `submit`, submits the year end for approval: every
 * organization's total and grade worked out (A12–A15; refused naming any organization not yet rated), the task
 * claimed and the results written in one transaction, then the workflow told. Nothing is written on bad input.
 */
export async function saveYearEnd(deps: ServiceDeps, actor: Actor, committeeId: string, year: number, form: Record<string, unknown>, submit: boolean): Promise<AssessmentYearEnd> {
  const { tree, yearEnd } = await yearEndFor(deps, actor, committeeId, year);
  const gathered = await gatherYearEndFacts(deps, tree, committeeId, year);
  const reviewScores = scoresFromForm(yearEnd, new Map(gathered.facts.map((f) => [f.orgId, f.orgName])), form);
  const at = deps.clock.now().toISOString();
  if (!submit) {
    try {
      await transactWrite(deps.store, yearEndChange(deps.store, nextYearEnd(yearEnd, { reviewScores }), { at, action: 'assessment.year-end-scores-saved', actor: actor.id, details: { organizations: Object.keys(reviewScores).length } }));
    } catch (error) {
      if (error instanceof StoreConditionFailedError) throw new AssessmentChangedError('year-end', { cause: error });
      throw error;
    }
    return nextYearEnd(yearEnd, { reviewScores });
  }
  const scheme = gathered.scheme!;
  const results = checked(() => yearEndResults(gathered.facts.map((f) => ({ ...f, reviewScore: reviewScores[f.orgId] })), scheme.adjustments, scheme.settings));
  const task = yearEnd.currentTaskId ? await getTask(deps.store, yearEnd.currentTaskId) : undefined;
  if (!task) throw new ReportNotOpenError(YEAR_END_STATUS_LABELS[yearEnd.status]);
  if (task.status !== 'open') throw new TaskAlreadyHandledError(task.completedBy, task.completedAt);
  const next = nextYearEnd(yearEnd, { reviewScores, results, status: 'approval', submittedAt: at });
  const output = { decision: 'submitted', taskId: task.id };
  try {
    await transactWrite(deps.store, yearEndChange(deps.store, next, { at, action: 'assessment.year-end-submitted', actor: actor.id, details: { organizations: results.length } }, [
      claimTask(deps.store, task.id, { completedBy: actor.displayName, completedAt: at, output }),
    ]));
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error;
    const handled = await getTask(deps.store, task.id);
    throw new TaskAlreadyHandledError(handled?.completedBy, handled?.completedAt, { cause: error });
  }
  await deliverTaskCallback(deps, { id: task.id, taskToken: task.taskToken, output });
  return next;
}
