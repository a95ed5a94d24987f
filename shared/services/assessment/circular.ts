import { circularBody, periodByKey, type AssessmentPeriod, type AssessmentReport } from '../../domain/assessment';
import type { MatterNoticeDraft } from '../../domain/notice/notice';
import { getMarker, getScoredCount, listBoardReports, putMarker, schemePk } from '../../store/assessment-repo';
import { auditPut } from '../../store/audit';
import { getOrganization } from '../../store/orgs-repo';
import { dropReviewEntry } from '../../store/review-due';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { startNoticeProcess } from '../notice/publish-notice';
import { noticeContactOf } from '../registry/notice-contact';
import { circularNoticeId } from './ids';

const circularMarker = (period: AssessmentPeriod) => `CIRCULAR#${period.key}`;

/** Whether the period's circular went out (one item read). */
export async function circularPublished(deps: ServiceDeps, committeeId: string, period: AssessmentPeriod): Promise<boolean> {
  return (await getMarker(deps.store, committeeId, period.year, circularMarker(period))) !== undefined;
}

/**
 * Sends the period's circular (A16, A16a) as an internal notice to each assessed organization (its staff see it
 * among their notices), once: the notice ids are fixed per organization and period, a repeated start is ignored,
 * and the CIRCULAR marker (with how many reports were not scored) records it.
 */
export async function publishCircular(deps: ServiceDeps, committeeId: string, period: AssessmentPeriod, reports: readonly AssessmentReport[], reason: 'all-scored' | 'review-deadline'): Promise<void> {
  const committee = await getOrganization(deps.store, committeeId);
  const title = `${committee?.name ?? ''}${period.label}党建工作目标考核通报`;
  const objectionContact = await noticeContactOf(deps, { id: committeeId, name: committee?.name ?? '' }, 'own');
  for (const report of reports) {
    const draft: MatterNoticeDraft = {
      id: circularNoticeId(committeeId, period.key, report.orgId), orgId: report.orgId, orgName: report.orgName, kind: 'assessment-circular', audience: 'internal',
      matter: { title, body: circularBody(reports, report.orgId) }, objectionContact, period: { unit: 'workingDays', count: 5 }, createdBy: 'system',
    };
    await startNoticeProcess(deps, draft);
  }
  const at = deps.clock.now().toISOString();
  const unscored = reports.filter((r) => r.status !== 'scored').length;
  try {
    await transactWrite(deps.store, [
      putMarker(deps.store, committeeId, period.year, circularMarker(period), { at, organizations: reports.length, unscored, reason }),
      dropReviewEntry(deps.store, committeeId, period.key), // the review deadline has nothing left to do (docs/domain/scheduler.md)
      auditPut(deps.store, schemePk(committeeId, period.year), {
        at, action: 'assessment.circular-published', actor: 'system', details: { assessmentPeriod: period.label, organizations: reports.length, unscored },
      }),
    ]);
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error;
  }
}

/**
 * Task PeriodDone (A16): once every report of the period is scored, the circular goes out. After each score it reads
 * three items (the CIRCULAR marker, the OPENED marker with the number of organizations, the scored counter the score's
 * transaction added to); only when the counter has reached that number are the period's reports read, once, for the
 * circular. Answers whether it went out (also when it went out before, e.g. at the review deadline).
 */
export async function publishCircularWhenDone(deps: ServiceDeps, request: { committeeId: string; periodKey: string }): Promise<{ published: boolean }> {
  const period = periodByKey(request.periodKey);
  const { committeeId } = request;
  const [published, opened, scored] = await Promise.all([
    circularPublished(deps, committeeId, period), getMarker(deps.store, committeeId, period.year, `OPENED#${period.key}`), getScoredCount(deps.store, committeeId, period.year, period.key),
  ]);
  if (published) return { published: true };
  if (!opened) return { published: false }; // the tick writes it after starting every execution
  const orgCount = Number(opened?.orgCount ?? 0);
  if (scored < orgCount) return { published: false };
  const reports = await listBoardReports(deps.store, committeeId, period.year, period.key);
  if (reports.length < orgCount || reports.some((r) => r.status !== 'scored')) return { published: false };
  await publishCircular(deps, committeeId, period, reports, 'all-scored');
  return { published: true };
}
