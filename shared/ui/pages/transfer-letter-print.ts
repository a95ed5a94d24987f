import type { Person } from '../../domain/registry/person';
import { ageOn } from '../../domain/development/dates';
import { formatSerial } from '../../domain/transfer/serial';
import { currentLetter, type Transfer } from '../../domain/transfer/transfer';
import type { CaseParticulars } from '../../domain/transfer/case-particulars';
import { formatDate, formatDateLong, formatYearMonth } from '../format';
import { html, type SafeHtml } from '../html';
import { layout } from '../layout';
import { orgHeading } from './notice-print';

/** What the person is, as the letter says it (中共预备党员; an activist or a development target is not yet a member). */
const MEMBER_KIND: Record<Transfer['memberStatus'], string> = { full: '中共正式党员', probationary: '中共预备党员', activist: '入党积极分子', 'development-target': '发展对象' };

/**
 * The person's development case on the letter (docs/domain/transfer.md T8c): where it stands, its dates and the end of
 * the cultivation year or the probation, so the receiving organization goes on from the same step; and (not printed)
 * the link to print the case's file to go with the letter.
 */
function developmentPart(d: TransferLetterDevelopment | undefined): SafeHtml {
  if (!d) return html``;
  const dates = d.dates.map((x) => `${formatDateLong(x.date)}${x.label}`).join('，');
  const period = d.periodEnd ? `，${d.periodEnd.label}之日为${formatDateLong(d.periodEnd.date)}` : '';
  return html`<p>该同志${dates}；发展党员工作${d.progress}${period}。发展党员材料随本介绍信转交，请接收党组织按原有时间接续办理。</p>`;
}

export type TransferLetterDevelopment = CaseParticulars & { caseId?: string };

/**
 * The letter of introduction (中国共产党党员组织关系介绍信) on the official layout, A4, in its three parts: the
 * counterfoil (存根) the issuer keeps, above a cut line; the letter (serial number, the member's particulars, 党费交至,
 * validity, the issuer's seal line); and below a second cut line the receipt slip (回执) the receiving organization
 * returns. The full ID number only for those who may see it (`idNumber` given).
 */
export function transferLetterPage(o: { transfer: Transfer; person: Pick<Person, 'gender' | 'ethnicity' | 'birthDate'>; idNumber?: string; development?: TransferLetterDevelopment }): SafeHtml {
  const t = o.transfer;
  const letter = currentLetter(t);
  if (!letter) return layout({ title: '介绍信', body: html`<p>该转接尚无有效的介绍信。</p>`, bare: true });
  const serial = formatSerial(letter.serialYear, letter.serialNo);
  const issuedOn = formatDate(letter.issuedAt);
  const age = ageOn(o.person.birthDate, issuedOn);
  const archive = o.development?.caseId ? html`<a href="/staff/cases/${o.development.caseId}/archive">打印发展党员材料（随介绍信转交）</a>` : '';
  const body = html`<div class="print-actions no-print"><a href="/staff/transfers/${t.id}">← 返回转接详情</a>${archive ? html`　｜　${archive}` : ''}</div>
  <article class="print-page transfer-letter">
    <div class="title">中国共产党党员组织关系介绍信（存根）</div>
    <p class="serial">${serial}</p>
    <p>${t.personName}同志系${MEMBER_KIND[t.memberStatus]}，组织关系由${t.fromOrgName}转到${t.destination.orgName}。</p>
    <p>党费已交到${formatYearMonth(t.duesPaidTo)}。有效期至${formatDateLong(letter.validUntil)}。</p>
    <div class="signature"><p>${formatDateLong(letter.issuedAt)}</p></div>
    <p class="cut-line">（剪 裁 线）</p>
    <div class="title">中国共产党党员组织关系介绍信</div>
    <p class="serial">${serial}</p>
    <p>${t.destination.kind === 'within' ? orgHeading(t.destination.orgName) : t.destination.orgName}：</p>
    <p>${t.personName}同志（${o.person.gender}，${age}岁，${o.person.ethnicity}）系${MEMBER_KIND[t.memberStatus]}${o.idNumber ? `，身份证号码${o.idNumber}` : ''}，由${t.fromOrgName}去${t.destination.orgName}，请转接组织关系。</p>
    <p>该同志党费已交到${formatYearMonth(t.duesPaidTo)}。</p>
    ${developmentPart(o.development)}
    <p>（有效期至${formatDateLong(letter.validUntil)}）</p>
    <div class="signature">
      <p>${orgHeading(letter.issuerOrgName)}（盖章）</p>
      <p>${formatDateLong(letter.issuedAt)}</p>
    </div>
    <p class="cut-line">（剪 裁 线）</p>
    <div class="title">回　执</div>
    <p class="serial">${serial}</p>
    <p>${orgHeading(letter.issuerOrgName)}：</p>
    <p>${t.personName}同志的${o.development ? '组织关系及发展党员材料' : '党员组织关系'}已转达我处，特此回复。</p>
    <div class="signature">
      <p>（接收党组织盖章）</p>
      <p>年　　月　　日</p>
    </div>
  </article>`;
  return layout({ title: `介绍信 ${serial}`, body, bare: true });
}
