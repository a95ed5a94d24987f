import { chinaDate } from '../../domain/calendar';
import { nextReportWake, reportWakeEvents, type AssessmentReport, type ReportReminderKind } from '../../domain/assessment';
import { dueEvents } from '../../domain/scheduling/next-wake';
import { formatDateTime } from '../../ui/format';
import { listStaffEmails } from '../../store/accounts-repo';
import { getReportAt, listAllSchemes, listBoardReports, reportPk } from '../../store/assessment-repo';
import { auditPut } from '../../store/audit';
import { dueBackfillDone, forEachDueEntry, markDueBackfillDone, moveDueEntry, moveDueEntryUnlessChanged, type DueEntry } from '../../store/due-index';
import { backfillReportEntry, listReportRemindersSent, reportDueTarget } from '../../store/report-due';
import { StoreConditionFailedError, transactWrite, type TransactItem } from '../../store/transact';
import type { ServiceDeps } from '../deps';

/**
 * Claims the reminder of a report once (marker `REMIND#<kind>` in the report's partition, with its audit event), in
 * the write that moves the report's due entry past it (only while the report is at the version read). False when
 * another run claimed it, or the report changed meanwhile (its own entry stands).
 */
async function claim(deps: ServiceDeps, report: AssessmentReport, kind: ReportReminderKind, move: TransactItem): Promise<boolean> {
  const at = deps.clock.now().toISOString();
  const pk = reportPk(report.committeeId, report.periodKey, report.orgId);
  try {
    await transactWrite(deps.store, [
      { Put: { TableName: deps.store.tableName, Item: { pk, sk: `REMIND#${kind}`, type: 'assessment-reminder', at }, ConditionExpression: 'attribute_not_exists(pk)' } },
      auditPut(deps.store, pk, { at, action: kind === 'before' ? 'assessment.report-reminded' : 'assessment.report-overdue-warned', actor: 'system', details: { dueAt: report.dueAt } }),
      move,
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
 * organization's staff, after it (the warning) to the organization's and the committee's staff; a year's reports until
 * the end of the next year. Reads only the reports whose due entry has come (docs/domain/scheduler.md), never a whole
 * board. Answers how many mails went out.
 */
export async function remindAssessmentReports(deps: ServiceDeps): Promise<number> {
  await backfillReportEntries(deps); // once per store: reports opened before their entries
  const nowIso = deps.clock.now().toISOString();
  let sent = 0;
  await forEachDueEntry(deps.store, 'report', nowIso, async (entry) => {
    if (await wakeReport(deps, entry, nowIso)) sent += 1;
  });
  return sent;
}

/** One report whose entry is due: its reminder or warning, if not claimed yet; true when mailed. */
async function wakeReport(deps: ServiceDeps, entry: DueEntry, nowIso: string): Promise<boolean> {
  const report = await getReportAt(deps.store, entry.pk);
  if (!report) {
    await moveDueEntryUnlessChanged(deps.store, moveDueEntry(deps.store, { ...entry, wakeAt: undefined }));
    return false;
  }
  const done = await listReportRemindersSent(deps.store, entry.pk);
  const moveAfter = (kinds: readonly string[]) => moveDueEntry(deps.store, reportDueTarget(report, nextReportWake(report, nowIso, new Set([...done, ...kinds]))));
  const [due] = dueEvents(reportWakeEvents(report), nowIso, done); // at most one: the reminder ends where the warning starts
  if (!due) {
    await moveDueEntryUnlessChanged(deps.store, moveAfter([])); // woken early (a lower bound), or claimed before: on to what is left
    return false;
  }
  const kind = due.key;
  if (!(await claim(deps, report, kind, moveAfter([kind])))) return false;
  const to = [...new Set([...(await listStaffEmails(deps.store, report.orgId)), ...(kind === 'after' ? await listStaffEmails(deps.store, report.committeeId) : [])])];
  if (to.length === 0) return false;
  await deps.mailer.send({ to, ...mailOf(deps, report, kind) });
  return true;
}

/**
 * Once per store (marker `DUEINDEX` / `BACKFILL#report`): the reports opened before the due index, of the years still
 * reminded (the current and the previous one of each committee with a published scheme), get their entry from the
 * reminders already claimed, only where they have none and are unchanged since read. Run again after a crash, it
 * writes only what is missing. Answers the entries written, or undefined when the marker was there.
 */
export async function backfillReportEntries(deps: ServiceDeps): Promise<number | undefined> {
  if (await dueBackfillDone(deps.store, 'report')) return undefined;
  const nowIso = deps.clock.now().toISOString();
  const thisYear = Number(chinaDate(deps.clock.now()).slice(0, 4));
  const years = new Set((await listAllSchemes(deps.store)).filter((s) => s.status === 'published' && s.year >= thisYear - 1).map((s) => `${s.committeeId}#${s.year}`));
  let written = 0;
  for (const key of years) {
    const [committeeId, year] = key.split('#');
    for (const report of await listBoardReports(deps.store, committeeId, Number(year))) {
      if (reportWakeEvents(report).length === 0) continue;
      const wakeAt = nextReportWake(report, nowIso, await listReportRemindersSent(deps.store, reportPk(report.committeeId, report.periodKey, report.orgId)));
      if (wakeAt !== undefined && (await backfillReportEntry(deps.store, report, wakeAt))) written += 1;
    }
  }
  await markDueBackfillDone(deps.store, 'report', nowIso, written);
  return written;
}
