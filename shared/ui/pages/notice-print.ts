import { isPersonNotice, type MatterNotice, type Notice, type NoticeSubject } from '../../domain/notice/notice';
import { formatDateLong, formatPeriod, formatYearMonth } from '../format';
import { html, type SafeHtml } from '../html';
import { layout } from '../layout';
import { noticeTitle } from '../notice-facts';

/** 中共… heading of a formal notice: the issuing organization's full name. */
export function orgHeading(orgName: string): string {
  return orgName.startsWith('中共') ? orgName : `中共${orgName}`;
}

/** The people of a list notice, one row each (what a person notice shows of one). */
export function peopleTable(people: NoticeSubject[]): SafeHtml {
  return html`<table>
      <thead><tr><th scope="col">姓名</th><th scope="col">性别</th><th scope="col">出生年月</th><th scope="col">学历</th><th scope="col">工作单位及职务</th></tr></thead>
      <tbody>${people.map((p) => html`<tr><td>${p.name}</td><td>${p.gender}</td><td>${formatYearMonth(p.birthYearMonth)}</td><td>${p.education}</td><td>${p.unitPost}</td></tr>`)}</tbody>
    </table>`;
}

/**
 * A matter notice to post: its text (and the people of a list), period, and where to turn — inside the unit
 * (换届选举公告), or publicly with the objection channel (候选人预备人选).
 */
function matterPrint(notice: MatterNotice, backHref: string): SafeHtml {
  const lastDay = notice.endsAt.slice(0, 10);
  const internal = notice.audience === 'internal';
  return html`<div class="print-actions no-print"><a href="${backHref}">← 返回公示页面</a></div>
  <article class="print-page">
    <div class="org-heading">${orgHeading(notice.orgName)}</div>
    <div class="title">${notice.matter.title}</div>
    ${notice.matter.body.split(/\r?\n/).filter((line) => line.trim() !== '').map((line) => html`<p>${line}</p>`)}
    ${notice.matter.people ? peopleTable(notice.matter.people) : ''}
    <p>公示时间：${formatDateLong(notice.publishedAt)}至${formatDateLong(lastDay)}（${formatPeriod(notice.period)}）${notice.provisional ? '（结束日期为临时计算）' : ''}。${internal ? '本公告在本组织内部公示。' : ''}</p>
    ${internal
      ? html`<p>如有意见建议，请向${notice.objectionContact.office}反映，联系方式：${notice.objectionContact.contact}。</p>`
      : html`<p>公示期间，如对公示对象有意见或反映问题，可通过来电、来信或来访等方式向${notice.objectionContact.office}反映，联系方式：${notice.objectionContact.contact}。反映情况应实事求是，提倡署名反映。截止时间为${formatDateLong(lastDay)}24时。</p>`}
    <div class="signature">
      <p>${orgHeading(notice.orgName)}</p>
      <p>${formatDateLong(notice.publishedAt)}</p>
    </div>
  </article>`;
}

/**
 * The printable notice: an A4 formal layout, no navigation (print CSS hides the button row too). The public print
 * page links back to the public notice; the staff one (internal notices too) to the staff notice page.
 */
export function noticePrintPage(notice: Notice, backHref = `/notices/${notice.id}`): SafeHtml {
  if (!isPersonNotice(notice)) return layout({ title: noticeTitle(notice), body: matterPrint(notice, backHref), bare: true });
  const { subject } = notice;
  const lastDay = notice.endsAt.slice(0, 10);
  const body = html`<div class="print-actions no-print"><a href="${backHref}">← 返回公示页面</a></div>
  <article class="print-page">
    <div class="org-heading">${orgHeading(notice.orgName)}</div>
    <div class="title">${noticeTitle(notice)}</div>
    <p>根据《中国共产党发展党员工作细则》有关规定，经研究，${subject.name}同志${notice.proposedStep}。现将有关情况公示如下：</p>
    <table>
      <tr><th>姓名</th><td>${subject.name}</td><th>性别</th><td>${subject.gender}</td></tr>
      <tr><th>出生年月</th><td>${formatYearMonth(subject.birthYearMonth)}</td><th>学历</th><td>${subject.education}</td></tr>
      <tr><th>工作单位及职务</th><td colspan="3">${subject.unitPost}</td></tr>
      ${notice.applicationDate ? html`<tr><th>申请入党时间</th><td colspan="3">${formatDateLong(notice.applicationDate)}</td></tr>` : ''}
      ${notice.previousStage ? html`<tr><th>${notice.previousStage.label}</th><td colspan="3">${formatDateLong(notice.previousStage.date)}</td></tr>` : ''}
    </table>
    <p>公示时间：${formatDateLong(notice.publishedAt)}至${formatDateLong(lastDay)}（${formatPeriod(notice.period)}）${notice.provisional ? '（结束日期为临时计算）' : ''}。</p>
    <p>公示期间，如对公示对象有意见或反映问题，可通过来电、来信或来访等方式向${notice.objectionContact.office}反映，联系方式：${notice.objectionContact.contact}。反映情况应实事求是，提倡署名反映。截止时间为${formatDateLong(lastDay)}24时。</p>
    <div class="signature">
      <p>${orgHeading(notice.orgName)}</p>
      <p>${formatDateLong(notice.publishedAt)}</p>
    </div>
  </article>`;
  return layout({ title: noticeTitle(notice), body, bare: true });
}
