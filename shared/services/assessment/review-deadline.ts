import { chinaDate } from '../../domain/calendar';
import { periodByKey, periodReviewDeadline, reviewReminderDue, versionFor, type AssessmentPeriod, type AssessmentReport, type ReportReminderKind, type Scheme } from '../../domain/assessment';
import { listStaffEmails } from '../../store/accounts-repo';
import { listAllSchemes, listBoardReports, listMarkerItems, putMarker, schemePk } from '../../store/assessment-repo';
import { auditPut } from '../../store/audit';
import { loadCalendar } from '../../store/calendar-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import { formatDateTime } from '../../ui/format';
import type { ServiceDeps } from '../deps';
import { publishCircular } from './circular';

/** Claims the committee's reminder or warning of a period's review deadline, once (a marker with its audit event). */
async function claim(deps: ServiceDeps, committeeId: string, period: AssessmentPeriod, kind: ReportReminderKind, reviewDeadline: string, unreviewed: number): Promise<boolean> {
  const at = deps.clock.now().toISOString();
  try {
    await transactWrite(deps.store, [
      putMarker(deps.store, committeeId, period.year, `REVIEWREMIND#${kind}#${period.key}`, { at, unreviewed }),
      auditPut(deps.store, schemePk(committeeId, period.year), {
        at, action: kind === 'before' ? 'assessment.review-reminded' : 'assessment.review-overdue-warned', actor: 'system', details: { assessmentPeriod: period.label, reviewDeadline, unreviewed },
      }),
    ]);
    return true;
  } catch (error) {
    if (error instanceof StoreConditionFailedError) return false;
    throw error;
  }
}

/** The mail to the committee's staff: the reports still waiting for review, named. */
function mailOf(deps: ServiceDeps, committeeId: string, period: AssessmentPeriod, kind: ReportReminderKind, reviewDeadline: string, unreviewed: readonly AssessmentReport[]) {
  const link = `${deps.publicBaseUrl}/staff/assessment/boards/${encodeURIComponent(committeeId)}/${period.year}`;
  const names = unreviewed.map((r) => r.orgName).join('、');
  const deadline = formatDateTime(reviewDeadline);
  return kind === 'before'
    ? {
      subject: `【提醒】党建工作目标考核：${period.label}尚有 ${unreviewed.length} 份报告待审核，审核期限 ${deadline}`,
      text: `${period.label}党建工作目标考核的审核期限为 ${deadline}。以下组织的报告已报送、尚未审核：${names}。\n审核期限届满时，考核通报将按已评分的报告发出，未评分的报告不参加本期排名。\n${link}`,
    }
    : {
      subject: `【预警】党建工作目标考核：${period.label}审核期限已过，${unreviewed.length} 份报告未审核`,
      text: `${period.label}党建工作目标考核的审核期限（${deadline}）已过，考核通报已按已评分的报告发出。以下组织的报告仍未审核：${names}。请尽快审核。\n${link}`,
    };
}

/**
 * The scheduler's review deadlines (A16a), for every opened period of a committee whose circular has not gone out:
 * once the period's review deadline is at most 3 days away, one reminder to the committee's staff naming the reports
 * still waiting for review; once it has passed, one warning naming them and the circular with what is scored (the
 * others listed apart). Reads a period's reports only at those two moments (each marked once). Answers the mails sent.
 */
export async function closeAssessmentReviews(deps: ServiceDeps): Promise<number> {
  const now = deps.clock.now();
  const thisYear = Number(chinaDate(now).slice(0, 4));
  const byYear = new Map<string, Scheme[]>();
  for (const scheme of (await listAllSchemes(deps.store)).filter((s) => s.status === 'published' && s.year >= thisYear - 1)) {
    const key = `${scheme.committeeId}#${scheme.year}`;
    byYear.set(key, [...(byYear.get(key) ?? []), scheme]);
  }
  if (byYear.size === 0) return 0;
  const calendar = await loadCalendar(deps.store);
  let sent = 0;
  for (const versions of byYear.values()) {
    const { committeeId, year } = versions[0];
    const opened = await listMarkerItems(deps.store, committeeId, year, 'OPENED#');
    if (opened.length === 0) continue;
    const done = new Set((await listMarkerItems(deps.store, committeeId, year, 'CIRCULAR#')).map((m) => m.key));
    const reminded = new Set((await listMarkerItems(deps.store, committeeId, year, 'REVIEWREMIND#')).map((m) => m.key));
    for (const marker of opened.filter((m) => !done.has(m.key) && Number(m.orgCount ?? 0) > 0)) {
      const period = periodByKey(marker.key);
      const scheme = versionFor(versions, period.opensAt, (key) => periodByKey(key).opensAt);
      if (!scheme) continue;
      const reviewDeadline = periodReviewDeadline(calendar, period, scheme.settings);
      const kind = reviewReminderDue(reviewDeadline, now);
      // After the deadline the period is read until its circular is out (a crash between the warning and the circular).
      if (!kind || (kind === 'before' && reminded.has(`before#${period.key}`))) continue;
      const reports = await listBoardReports(deps.store, committeeId, year, period.key);
      const unreviewed = reports.filter((r) => r.status === 'submitted');
      if (await claim(deps, committeeId, period, kind, reviewDeadline, unreviewed.length) && unreviewed.length > 0) {
        const to = await listStaffEmails(deps.store, committeeId);
        if (to.length > 0) {
          await deps.mailer.send({ to, ...mailOf(deps, committeeId, period, kind, reviewDeadline, unreviewed) });
          sent += 1;
        }
      }
      if (kind === 'after') await publishCircular(deps, committeeId, period, reports, 'review-deadline');
    }
  }
  return sent;
}
