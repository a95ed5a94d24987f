import { indicatorsOfPeriod, periodByKey, reportDueAt, versionFor, type AssessmentReport } from '../../domain/assessment';
import { listStaffEmails } from '../../store/accounts-repo';
import { getReport, listSchemeVersions, putNewReport, reportPk } from '../../store/assessment-repo';
import { auditPut } from '../../store/audit';
import { loadCalendar } from '../../store/calendar-repo';
import { reportDueEntry } from '../../store/report-due';
import { getOrganization } from '../../store/orgs-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { openPendingTask } from '../tasks/open-pending-task';
import { reportTaskId } from './ids';
import { nextReport, reportChange } from './report-change';

export interface ReportRequest {
  committeeId: string;
  periodKey: string;
  orgId: string;
}

/** The report of an organization's period, created once at the period's opening under the version in force (A3, A5, A6). */
async function reportOf(deps: ServiceDeps, request: ReportRequest): Promise<AssessmentReport> {
  const existing = await getReport(deps.store, request.committeeId, request.periodKey, request.orgId);
  if (existing) return existing;
  const period = periodByKey(request.periodKey);
  const versions = await listSchemeVersions(deps.store, request.committeeId, period.year);
  const scheme = versionFor(versions, period.opensAt, (key) => periodByKey(key).opensAt);
  if (!scheme) throw new Error(`No published scheme of ${request.committeeId} for ${request.periodKey}`);
  const org = await getOrganization(deps.store, request.orgId);
  const indicators = indicatorsOfPeriod(scheme.indicators, period);
  const report: AssessmentReport = {
    committeeId: request.committeeId, year: period.year, periodKey: period.key, periodLabel: period.label, orgId: request.orgId, orgName: org?.name ?? '',
    schemeVersion: scheme.version, indicators, lateDeduction: scheme.settings.lateDeduction, reviewDueWorkingDays: scheme.settings.reviewDueWorkingDays,
    status: 'open', dueAt: reportDueAt(await loadCalendar(deps.store), period, scheme.settings.reportDueWorkingDays),
    entries: [], late: false, submissions: 0, reviews: 0, returns: [], fullMarks: indicators.reduce((sum, i) => sum + i.maxPoints, 0), version: 1,
  };
  try {
    await transactWrite(deps.store, [
      putNewReport(deps.store, report),
      reportDueEntry(deps.store, report), // the scheduler's reminders (docs/domain/scheduler.md)
      auditPut(deps.store, reportPk(report.committeeId, report.periodKey, report.orgId), {
        at: deps.clock.now().toISOString(), action: 'assessment.report-opened', actor: 'system', details: { assessmentPeriod: report.periodLabel, dueAt: report.dueAt, version: scheme.version },
      }),
    ]);
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error;
    return reportOf(deps, request);
  }
  return report;
}

/**
 * Task OpenReport (waitForTaskToken; A5, A6, A11): the organization's report task for this submission, due when the
 * report is due; its staff are mailed once. Asked again (retry, redrive) it renews the token of the open task, or
 * answers at once with the output of a task already done. After a return, the next submission's task opens.
 */
export async function openAssessmentReport(deps: ServiceDeps, request: ReportRequest & { taskToken: string }): Promise<void> {
  const report = await reportOf(deps, request);
  const waiting = report.status === 'open' || report.status === 'returned';
  const n = report.submissions + (waiting ? 1 : 0);
  const taskId = reportTaskId(report.committeeId, report.periodKey, report.orgId, 'report', n);
  const { created } = await openPendingTask(deps, {
    id: taskId, kind: 'assessment-report',
    title: `党建考核：${report.orgName} ${report.periodLabel}报告${n > 1 ? '（退回后重新报送）' : ''}`,
    orgId: report.orgId, assigneeRole: 'branch-staff',
    subject: { committeeId: report.committeeId, periodKey: report.periodKey, orgId: report.orgId },
    status: 'open', createdAt: deps.clock.now().toISOString(), dueAt: new Date(report.dueAt).toISOString(), taskToken: request.taskToken,
  }, reportPk(report.committeeId, report.periodKey, report.orgId));
  if (waiting && report.currentTaskId !== taskId) {
    try {
      await transactWrite(deps.store, reportChange(deps.store, nextReport(report, { currentTaskId: taskId }), { at: deps.clock.now().toISOString(), action: 'assessment.report-task-opened', actor: 'system', details: { taskId, submission: n } }));
    } catch (error) {
      if (!(error instanceof StoreConditionFailedError)) throw error;
      return openAssessmentReport(deps, request);
    }
  }
  if (!created) return;
  const to = await listStaffEmails(deps.store, report.orgId);
  if (to.length === 0) return;
  await deps.mailer.send({
    to,
    subject: `【待办】党建工作目标考核：${report.periodLabel}报告`,
    text: `${report.orgName}${report.periodLabel}党建工作目标考核报告待报送${n > 1 ? '（已退回，请改正后重新报送）' : ''}：${deps.publicBaseUrl}/staff/assessment/reports/${encodeURIComponent(report.committeeId)}/${report.periodKey}/${encodeURIComponent(report.orgId)}`,
  });
}
