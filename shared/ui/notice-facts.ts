import { isPersonNotice, NOTICE_KIND_LABELS, type MatterNotice, type Notice } from '../domain/notice/notice';
import { formatDate, formatDateLong, formatDateTime, formatPeriod, formatYearMonth } from './format';
import { html, multiline, type SafeHtml } from './html';

export { noticeHeading, noticeHeadline, noticeTitle } from '../domain/notice/notice-headline';

/** The 临时 mark, explained in words a member of the public understands (not only in a tooltip, which print and touch lose). */
export function provisionalMark(notice: Pick<Notice, 'provisional'>): SafeHtml {
  return notice.provisional
    ? html` <span class="tag provisional">临时</span><span class="muted">（该年度的国家节假日安排尚未发布，截止时间暂按只扣除周末计算；发布后将重新计算，截止时间可能顺延）</span>`
    : html``;
}

/** The period line: start, end, length, and the 临时 mark when the end is provisional. */
export function periodText(notice: Notice): SafeHtml {
  return html`${formatDateLong(notice.publishedAt)}至${formatDateLong(notice.endsAt.slice(0, 10))}（${formatPeriod(notice.period)}，截至 ${formatDateTime(notice.endsAt)}）${provisionalMark(notice)}`;
}

/** A matter notice (事项): its kind, title, text (and the people of a list), organization, period, and where it is shown. */
function matterFacts(notice: MatterNotice): SafeHtml {
  const people = notice.matter.people;
  return html`<dl class="facts">
    <dt>公示事项</dt><dd>${NOTICE_KIND_LABELS[notice.kind]}</dd>
    <dt>标题</dt><dd>${notice.matter.title}</dd>
    <dt>正文</dt><dd>${multiline(notice.matter.body)}</dd>
    ${people ? html`<dt>名单（${String(people.length)} 名）</dt><dd><ul>${people.map((p) => html`<li>${p.name}，${p.gender}，${formatYearMonth(p.birthYearMonth)}生，${p.education}，${p.unitPost}</li>`)}</ul></dd>` : ''}
    <dt>所在党组织</dt><dd>${notice.orgName}</dd>
    <dt>公示范围</dt><dd>${notice.audience === 'internal' ? '本组织内部（不在公示栏公开）' : '公开（公示栏）'}</dd>
    <dt>公示期</dt><dd>${periodText(notice)}</dd>
  </dl>`;
}

/** Everything docs/domain/notices-and-calendar.md says a notice shows; never the ID number, phone or address (the Notice has none). */
export function noticeFacts(notice: Notice): SafeHtml {
  if (!isPersonNotice(notice)) return matterFacts(notice);
  const { subject } = notice;
  return html`<dl class="facts">
    <dt>公示事项</dt><dd>${NOTICE_KIND_LABELS[notice.kind]}</dd>
    <dt>姓名</dt><dd>${subject.name}</dd>
    <dt>性别</dt><dd>${subject.gender}</dd>
    <dt>出生年月</dt><dd>${formatYearMonth(subject.birthYearMonth)}</dd>
    <dt>学历</dt><dd>${subject.education}</dd>
    <dt>工作单位及职务</dt><dd>${subject.unitPost}</dd>
    ${notice.applicationDate ? html`<dt>申请入党时间</dt><dd>${formatDateLong(notice.applicationDate)}</dd>` : ''}
    ${notice.previousStage ? html`<dt>${notice.previousStage.label}</dt><dd>${formatDateLong(notice.previousStage.date)}</dd>` : ''}
    <dt>拟办事项</dt><dd>${notice.proposedStep}</dd>
    <dt>所在党组织</dt><dd>${notice.orgName}</dd>
    <dt>公示期</dt><dd>${periodText(notice)}</dd>
  </dl>`;
}

/** Where and how to object, with the deadline. */
export function objectionChannel(notice: Notice): SafeHtml {
  return html`<dl class="facts">
    <dt>受理部门</dt><dd>${notice.objectionContact.office}</dd>
    <dt>联系方式</dt><dd>${notice.objectionContact.contact}</dd>
    <dt>截止时间</dt><dd>${formatDateTime(notice.endsAt)}${provisionalMark(notice)}</dd>
  </dl>`;
}

export const publishedOn = (notice: Notice): string => formatDate(notice.publishedAt);
