import {
  checkReport, checkReturnReason, isLate, PREFILL_LABELS, REPORT_STATUS_LABELS, reviewDueAt, reviewScores, type AssessmentReport, type ReportEntry,
} from '../../domain/assessment';
import { countScoredReport, getReport } from '../../store/assessment-repo';
import { loadCalendar } from '../../store/calendar-repo';
import { claimTask, getTask } from '../../store/tasks-repo';
import { StoreConditionFailedError, transactWrite, type TransactItem } from '../../store/transact';
import type { Actor } from '../actor';
import { authorize, loadOrgTree, type Action } from '../authorization';
import type { ServiceDeps } from '../deps';
import { InputInvalidError, RecordNotFoundError, TaskAlreadyHandledError } from '../../errors';
import { deliverTaskCallback } from '../tasks/deliver-callback';
import { checked, ReportNotOpenError } from './errors';
import type { ReportRequest } from './open-report';
import { nextReport, reportChange } from './report-change';

/** The report, for an actor allowed `action` on its organization; refused otherwise. */
export async function reportFor(deps: ServiceDeps, actor: Actor, action: Action, request: ReportRequest): Promise<AssessmentReport> {
  const report = await getReport(deps.store, request.committeeId, request.periodKey, request.orgId);
  if (!report) throw new RecordNotFoundError('该考核报告');
  authorize(actor, action, report.orgId, await loadOrgTree(deps.store));
  return report;
}

const text = (form: Record<string, unknown>, name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');

/** The entries of the report form: text_<key>, value_<key>, evidence_<key> (file names, one a line). */
function entriesFromForm(report: AssessmentReport, form: Record<string, unknown>): ReportEntry[] {
  return report.indicators.map((indicator) => {
    const value = text(form, `value_${indicator.key}`).trim();
    const evidence = text(form, `evidence_${indicator.key}`).split(/\r?\n/).map((line) => line.trim()).filter(Boolean).slice(0, 20).map((name) => ({ name: name.slice(0, 120) }));
    return {
      indicatorKey: indicator.key, text: text(form, `text_${indicator.key}`).slice(0, 2000), evidence,
      // The source of a prefilled indicator is named by the scheme, never taken from the form.
      ...(value ? { value } : {}), ...(indicator.prefill ? { prefillSource: PREFILL_LABELS[indicator.prefill] } : {}),
    };
  });
}

/** Claims the task, writes the report's next version with its audit event (and any `others`), then tells the workflow. */
async function commit(
  deps: ServiceDeps, actor: Actor, report: AssessmentReport, next: AssessmentReport, action: string, details: Record<string, unknown>, outcome: Record<string, unknown>, others: TransactItem[] = [],
): Promise<void> {
  const task = report.currentTaskId ? await getTask(deps.store, report.currentTaskId) : undefined;
  if (!task) throw new ReportNotOpenError(REPORT_STATUS_LABELS[report.status]);
  if (task.status !== 'open') throw new TaskAlreadyHandledError(task.completedBy, task.completedAt);
  const at = deps.clock.now().toISOString();
  const output = { ...outcome, taskId: task.id };
  try {
    await transactWrite(deps.store, reportChange(deps.store, next, { at, action, actor: actor.id, details }, [claimTask(deps.store, task.id, { completedBy: actor.displayName, completedAt: at, output }), ...others]));
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error;
    const handled = await getTask(deps.store, task.id);
    throw new TaskAlreadyHandledError(handled?.completedBy, handled?.completedAt, { cause: error });
  }
  await deliverTaskCallback(deps, { id: task.id, taskToken: task.taskToken, output });
}

/**
 * The organization's staff submit the report (A7, A9): every indicator checked, late marked when after the due
 * second, the review due date set (A10). Bad input: InputInvalidError, nothing written.
 */
export async function submitAssessmentReport(deps: ServiceDeps, actor: Actor, request: ReportRequest, form: Record<string, unknown>): Promise<AssessmentReport> {
  const report = await reportFor(deps, actor, 'assessment.report', request);
  if (report.status !== 'open' && report.status !== 'returned') throw new ReportNotOpenError(REPORT_STATUS_LABELS[report.status]);
  const entries = checked(() => checkReport(report.indicators, entriesFromForm(report, form)));
  const now = deps.clock.now();
  const late = report.late || isLate(now, report.dueAt);
  const next = nextReport(report, {
    status: 'submitted', entries, late, submittedAt: now.toISOString(), submittedByName: actor.displayName, submissions: report.submissions + 1,
    reviewDueAt: reviewDueAt(await loadCalendar(deps.store), now, report.reviewDueWorkingDays),
  });
  await commit(deps, actor, report, next, 'assessment.report-submitted', { submission: next.submissions, late }, { late });
  return next;
}

/**
 * The committee reviews (A8, A11): `decision` 'score' with score_<key> for every indicator (each within its max),
 * or 'return' with a reason. Above a max: InputInvalidError naming the indicator, nothing written.
 */
export async function reviewAssessmentReport(deps: ServiceDeps, actor: Actor, request: ReportRequest, form: Record<string, unknown>): Promise<AssessmentReport> {
  const report = await reportFor(deps, actor, 'assessment.review', request);
  if (report.status !== 'submitted') throw new ReportNotOpenError(REPORT_STATUS_LABELS[report.status]);
  const at = deps.clock.now().toISOString();
  const decision = text(form, 'decision');
  if (decision === 'return') {
    const reason = checked(() => checkReturnReason(text(form, 'reason')));
    const next = nextReport(report, { status: 'returned', reviews: report.reviews + 1, returns: [...report.returns, { reason, at, byName: actor.displayName }] });
    await commit(deps, actor, report, next, 'assessment.report-returned', { reason }, { decision: 'returned' });
    return next;
  }
  if (decision !== 'score') throw new InputInvalidError({ decision: '请选择“评分”或“退回修改”。' });
  const entered = Object.fromEntries(report.indicators.map((indicator) => [indicator.key, text(form, `score_${indicator.key}`)]));
  const review = reviewScores(report.indicators, entered, report.late, report);
  if (review.errors) throw new InputInvalidError(review.errors);
  const { scores, score } = review;
  const next = nextReport(report, { status: 'scored', reviews: report.reviews + 1, scores, score, scoredAt: at, scoredByName: actor.displayName });
  // The period's scored counter moves with the score, so the circular's check reads one item, not the period (A16).
  await commit(deps, actor, report, next, 'assessment.report-scored', { score, late: report.late }, { decision: 'scored' }, [countScoredReport(deps.store, report.committeeId, report.year, report.periodKey)]);
  return next;
}
