import { isPersonNotice, type NoticeDraft } from './notice';

/** Who or what a notice is about, in a word: the person's name, or the matter's title (lists, task titles, mails). */
export function noticeHeadline(notice: NoticeDraft): string {
  return isPersonNotice(notice) ? notice.subject.name : notice.matter.title;
}

/** The notice's heading, e.g. 张三同志拟确定为发展对象的公示, or the matter's title. */
export function noticeHeading(notice: NoticeDraft): string {
  return isPersonNotice(notice) ? `${notice.subject.name}同志${notice.proposedStep}的公示` : notice.matter.title;
}

/** The notice's title line, e.g. 关于张三同志拟确定为发展对象的公示, or the matter's title as written. */
export function noticeTitle(notice: NoticeDraft): string {
  return isPersonNotice(notice) ? `关于${noticeHeading(notice)}` : notice.matter.title;
}
