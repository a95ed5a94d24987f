import type { WorkingCalendar } from '../../domain/calendar';
import { periodByKey, versionFor, type AssessmentPeriod, type AssessmentReport, type ReportReminderKind } from '../../domain/assessment';
import { dueEvents } from '../../domain/scheduling/next-wake';
import { listStaffEmails } from '../../store/accounts-repo';
import { getMarker, listBoardReports, listSchemeVersions, putMarker, schemePk } from '../../store/assessment-repo';
import { auditPut } from '../../store/audit';
import { loadCalendar } from '../../store/calendar-repo';
import { forEachDueEntry, type DueEntry } from '../../store/due-index';
import { dropReviewEntry, moveReviewEntry, parseReviewEntryId } from '../../store/review-due';
import { StoreConditionFailedError, transactWrite, type TransactItem } from '../../store/transact';
import { formatDateTime } from '../../ui/format';
import type { ServiceDeps } from '../deps';
import { circularPublished, publishCircular } from './circular';
import { calendarFingerprint, keyReviewEntries, reviewWake } from './review-keying';

/**
 * Claims the committee's reminder or warning of a period's review deadline, once (a marker with its audit event), with
 * the entry's move past it (`move`; refused while the calendar is keyed again or once the circular is out).
 */
async function claim(deps: ServiceDeps, committeeId: string, period: AssessmentPeriod, kind: ReportReminderKind, reviewDeadline: string, unreviewed: number, move: TransactItem[]): Promise<boolean> {
  const at = deps.clock.now().toISOString();
  try {
    await transactWrite(deps.store, [
      putMarker(deps.store, committeeId, period.year, `REVIEWREMIND#${kind}#${period.key}`, { at, unreviewed }),
      auditPut(deps.store, schemePk(committeeId, period.year), {
        at, action: kind === 'before' ? 'assessment.review-reminded' : 'assessment.review-overdue-warned', actor: 'system', details: { assessmentPeriod: period.label, reviewDeadline, unreviewed },
      }),
      ...move,
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
 * others listed apart); a year's periods until the end of the next year. Only the periods whose review entry has come
 * are looked at (docs/domain/scheduler.md), their reports read only at those two moments. Answers the mails sent.
 */
export async function closeAssessmentReviews(deps: ServiceDeps): Promise<number> {
  const calendar = await loadCalendar(deps.store);
  const fingerprint = calendarFingerprint(calendar);
  if ((await keyReviewEntries(deps, calendar, fingerprint)) === 'stale') return 0; // a newer calendar: the next tick
  const nowIso = deps.clock.now().toISOString();
  let sent = 0;
  await forEachDueEntry(deps.store, 'review', nowIso, async (entry) => {
    if (await wakePeriod(deps, entry, { calendar, fingerprint, nowIso })) sent += 1;
  });
  return sent;
}

/** One period whose review entry is due: its reminder or its warning and circular; true when a mail went out. */
async function wakePeriod(deps: ServiceDeps, entry: DueEntry, look: { calendar: WorkingCalendar; fingerprint: string; nowIso: string }): Promise<boolean> {
  const { committeeId, periodKey } = parseReviewEntryId(entry.id);
  const period = periodByKey(periodKey);
  const [opened, circular, reminded] = await Promise.all([
    getMarker(deps.store, committeeId, period.year, `OPENED#${period.key}`), circularPublished(deps, committeeId, period), getMarker(deps.store, committeeId, period.year, `REVIEWREMIND#before#${period.key}`),
  ]);
  const scheme = opened && !circular && Number(opened.orgCount ?? 0) > 0
    ? versionFor(await listSchemeVersions(deps.store, committeeId, period.year), period.opensAt, (key) => periodByKey(key).opensAt)
    : undefined;
  if (!scheme) {
    await moveEntry(deps, [dropReviewEntry(deps.store, committeeId, period.key)]); // nothing left for the period
    return false;
  }
  const done = new Set(reminded ? ['before'] : []);
  const { reviewDeadline, events } = reviewWake(look.calendar, period, scheme, look.nowIso, done);
  const move = (keys: readonly string[]) => moveReviewEntry(deps.store, committeeId, period.key, reviewWake(look.calendar, period, scheme, look.nowIso, new Set([...done, ...keys])).wakeAt, look.fingerprint);
  const [due] = dueEvents(events, look.nowIso, done); // at most one: the reminder ends where the warning starts
  if (!due) {
    await moveEntry(deps, move([])); // woken early (the opening's lower bound), or reminded before: on to what is left
    return false;
  }
  const kind = due.key;
  const reports = await listBoardReports(deps.store, committeeId, period.year, period.key);
  const unreviewed = reports.filter((r) => r.status === 'submitted');
  let sent = false;
  // The warning does not move the entry: the circular's transaction deletes it (until then the period is due at every tick).
  if (await claim(deps, committeeId, period, kind, reviewDeadline, unreviewed.length, kind === 'before' ? move(['before']) : []) && unreviewed.length > 0) {
    const to = await listStaffEmails(deps.store, committeeId);
    if (to.length > 0) {
      await deps.mailer.send({ to, ...mailOf(deps, committeeId, period, kind, reviewDeadline, unreviewed) });
      sent = true;
    }
  }
  if (kind === 'after') await publishCircular(deps, committeeId, period, reports, 'review-deadline');
  return sent;
}

async function moveEntry(deps: ServiceDeps, move: TransactItem[]): Promise<void> {
  try {
    await transactWrite(deps.store, move);
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error; // the circular went out, or the calendar is being keyed again
  }
}
