import { getReport, reportPk } from '../../store/assessment-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { openPendingTask } from '../tasks/open-pending-task';
import { reportTaskId } from './ids';
import type { ReportRequest } from './open-report';
import { nextReport, reportChange } from './report-change';

/**
 * Task OpenReview (waitForTaskToken; A10, A11): the committee's review task of the report just submitted, due
 * N working days after it came in. Asked again it renews the token, or answers with the recorded decision.
 */
export async function openAssessmentReview(deps: ServiceDeps, request: ReportRequest & { taskToken: string }): Promise<void> {
  const report = await getReport(deps.store, request.committeeId, request.periodKey, request.orgId);
  if (!report) throw new Error(`Report ${request.committeeId}/${request.periodKey}/${request.orgId} not found`);
  const waiting = report.status === 'submitted';
  const n = report.reviews + (waiting ? 1 : 0);
  const taskId = reportTaskId(report.committeeId, report.periodKey, report.orgId, 'review', n);
  await openPendingTask(deps, {
    id: taskId, kind: 'assessment-review',
    title: `党建考核审核：${report.orgName} ${report.periodLabel}${n > 1 ? `（第 ${n} 次）` : ''}`,
    orgId: report.committeeId, assigneeRole: 'committee-staff',
    subject: { committeeId: report.committeeId, periodKey: report.periodKey, orgId: report.orgId },
    status: 'open', createdAt: deps.clock.now().toISOString(), dueAt: new Date(report.reviewDueAt ?? report.dueAt).toISOString(), taskToken: request.taskToken,
  }, reportPk(report.committeeId, report.periodKey, report.orgId));
  if (!waiting || report.currentTaskId === taskId) return;
  try {
    await transactWrite(deps.store, reportChange(deps.store, nextReport(report, { currentTaskId: taskId }), { at: deps.clock.now().toISOString(), action: 'assessment.review-task-opened', actor: 'system', details: { taskId, review: n } }));
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error;
    return openAssessmentReview(deps, request);
  }
}
