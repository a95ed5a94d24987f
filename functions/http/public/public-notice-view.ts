import { isPersonNotice, type Notice } from '../../../shared/domain/notice/notice';

/** A notice as the public JSON answer shows it: what the page shows, nothing internal (never the person's id). */
export function publicNoticeView(notice: Notice) {
  const { id, orgName, kind, objectionContact, period, status, publishedAt, endsAt, provisional } = notice;
  const common = { id, orgName, kind, objectionContact, period, status, publishedAt, endsAt, provisional };
  if (!isPersonNotice(notice)) return { ...common, matter: notice.matter };
  const { subject, applicationDate, previousStage, proposedStep } = notice;
  return { ...common, subject, applicationDate, previousStage, proposedStep };
}
