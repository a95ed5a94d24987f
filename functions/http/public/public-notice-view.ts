import type { PersonNotice } from '../../../shared/domain/notice/notice';

/** A notice as the public JSON answer shows it: what the page shows, nothing internal. */
export function publicNoticeView(notice: PersonNotice) {
  const { id, orgName, kind, subject, applicationDate, previousStage, proposedStep, objectionContact, period, status, publishedAt, endsAt, provisional } = notice;
  return { id, orgName, kind, subject, applicationDate, previousStage, proposedStep, objectionContact, period, status, publishedAt, endsAt, provisional };
}
