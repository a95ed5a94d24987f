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
