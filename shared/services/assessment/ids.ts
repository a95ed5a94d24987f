import { createHash } from 'node:crypto';

/** A short stable key of one organization's period (Step Functions names are at most 80 characters). */
export function reportKey(committeeId: string, periodKey: string, orgId: string): string {
  return createHash('sha256').update(`${committeeId}#${periodKey}#${orgId}`).digest('base64url').slice(0, 16);
}

/** One execution per organization per period (A5): `assessment-<period>-<key>`. */
export const assessmentExecutionName = (committeeId: string, periodKey: string, orgId: string) => `assessment-${periodKey}-${reportKey(committeeId, periodKey, orgId)}`;

/** The pending tasks of a report: the n-th report (submission) and the n-th review. */
export const reportTaskId = (committeeId: string, periodKey: string, orgId: string, kind: 'report' | 'review', n: number) =>
  `assessment-${reportKey(committeeId, periodKey, orgId)}-${kind}-${n}`;

/** The circular of a period to one assessed organization (an internal notice of that organization). */
export const circularNoticeId = (committeeId: string, periodKey: string, orgId: string) => `circular-${periodKey}-${reportKey(committeeId, periodKey, orgId)}`;

/** One year end per committee and year (A17): a short stable key of the committee, its execution and its tasks. */
export const yearEndKey = (committeeId: string) => createHash('sha256').update(`yearend#${committeeId}`).digest('base64url').slice(0, 16);
export const yearEndTaskId = (committeeId: string, year: number, n: number) => `assessment-yearend-${year}-${yearEndKey(committeeId)}-rate-${n}`;
export const yearEndApprovalId = (committeeId: string, year: number, n: number) => `assessment-yearend-${year}-${yearEndKey(committeeId)}-${n}`;
/** The year end's publication to one assessed organization (an internal notice of that organization). */
export const yearEndNoticeId = (committeeId: string, year: number, orgId: string) => `yearend-${year}-${reportKey(committeeId, `Y${year}`, orgId)}`;
