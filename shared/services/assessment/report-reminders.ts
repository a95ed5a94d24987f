import { reportReminderDue, type AssessmentReport, type ReportReminderKind } from '../../domain/assessment';
import { chinaDate } from '../../domain/calendar';
import { formatDateTime } from '../../ui/format';
import { listStaffEmails } from '../../store/accounts-repo';
import { listAllSchemes, listBoardReports, reportPk } from '../../store/assessment-repo';
import { auditPut } from '../../store/audit';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { ServiceDeps } from '../deps';

/** Claims the reminder of a report once (marker `REMIND#<kind>` in the report's partition, with its audit event). */
async function claim(deps: ServiceDeps, report: AssessmentReport, kind: ReportReminderKind): Promise<boolean> {
  const at = deps.clock.now().toISOString();
  const pk = reportPk(report.committeeId, report.periodKey, report.orgId);
  try {
    await transactWrite(deps.store, [
      { Put: { TableName: deps.store.tableName, Item: { pk, sk: `REMIND#${kind}`, type: 'assessment-reminder', at }, ConditionExpression: 'attribute_not_exists(pk)' } },
      auditPut(deps.store, pk, { at, action: kind === 'before' ? 'assessment.report-reminded' : 'assessment.report-overdue-warned', actor: 'system', details: { dueAt: report.dueAt } }),
    ]);
    return true;
  } catch (error) {
    if (error instanceof StoreConditionFailedError) return false;
    throw error;
  }
}

function mailOf(deps: ServiceDeps, report: AssessmentReport, kind: ReportReminderKind): { subject: string; text: string } {
  const link = `${deps.publicBaseUrl}/staff/assessment/reports/${encodeURIComponent(report.committeeId)}/${report.periodKey}/${encodeURIComponent(report.orgId)}`;
  const due = formatDateTime(report.dueAt);
  return kind === 'before'
    ? { subject: `【提醒】党建工作目标考核：${report.periodLabel}报告将于 ${due} 到期`, text: `${report.orgName}${report.periodLabel}党建工作目标考核报告尚未报送，报送期限为 ${due}。\n${link}` }
    : { subject: `【预警】党建工作目标考核：${report.orgName}${report.periodLabel}报告已逾期`, text: `${report.orgName}${report.periodLabel}党建工作目标考核报告已超过报送期限（${due}），仍未报送。逾期报送将扣 ${report.lateDeduction} 分，请尽快报送。\n${link}` };
}

/**
 * The scheduler's reminders of reports (A18), each once per report and kind: before the due instant to the
 * organization's staff, after it (the warning) to the organization's and the committee's staff. Reads the reports
 * of the current and the previous year of each committee with a scheme. Answers how many mails went out.
 */
export async function remindAssessmentReports(deps: ServiceDeps): Promise<number> {
  const now = deps.clock.now();
  const thisYear = Number(chinaDate(now).slice(0, 4));
  const years = new Set((await listAllSchemes(deps.store)).filter((s) => s.status === 'published' && s.year >= thisYear - 1).map((s) => `${s.committeeId}#${s.year}`));
  let sent = 0;
  for (const key of years) {
    const [committeeId, year] = key.split('#');
    for (const report of await listBoardReports(deps.store, committeeId, Number(year))) {
      const kind = reportReminderDue(report, now);
      if (!kind || !(await claim(deps, report, kind))) continue;
      const to = [...new Set([...(await listStaffEmails(deps.store, report.orgId)), ...(kind === 'after' ? await listStaffEmails(deps.store, report.committeeId) : [])])];
      if (to.length === 0) continue;
      await deps.mailer.send({ to, ...mailOf(deps, report, kind) });
      sent += 1;
    }
  }
  return sent;
}
