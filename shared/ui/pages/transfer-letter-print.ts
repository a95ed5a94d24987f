import type { Person } from '../../domain/registry/person';
import { ageOn } from '../../domain/development/dates';
import { formatSerial } from '../../domain/transfer/serial';
import { currentLetter, type Transfer } from '../../domain/transfer/transfer';
import { formatDate, formatDateLong, formatYearMonth } from '../format';
import { html, type SafeHtml } from '../html';
import { layout } from '../layout';
import { orgHeading } from './notice-print';

const MEMBER_KIND: Record<Transfer['memberStatus'], string> = { full: '正式党员', probationary: '预备党员', activist: '入党积极分子', 'development-target': '发展对象' };

/**
 * The letter of introduction (中国共产党党员组织关系介绍信) on the official layout, A4, in its three parts: the
 * counterfoil (存根) the issuer keeps, above a cut line; the letter (serial number, the member's particulars, 党费交至,
 * validity, the issuer's seal line); and below a second cut line the receipt slip (回执) the receiving organization
 * returns. The full ID number only for those who may see it (`idNumber` given).
 */
export function transferLetterPage(o: { transfer: Transfer; person: Pick<Person, 'gender' | 'ethnicity' | 'birthDate'>; idNumber?: string }): SafeHtml {
  const t = o.transfer;
  const letter = currentLetter(t);
  if (!letter) return layout({ title: '介绍信', body: html`<p>该转接尚无有效的介绍信。</p>`, bare: true });
  const serial = formatSerial(letter.serialYear, letter.serialNo);
  const issuedOn = formatDate(letter.issuedAt);
  const age = ageOn(o.person.birthDate, issuedOn);
  const body = html`<div class="print-actions no-print"><a href="/staff/transfers/${t.id}">← 返回转接详情</a></div>
  <article class="print-page transfer-letter">
    <div class="title">中国共产党党员组织关系介绍信（存根）</div>
    <p class="serial">${serial}</p>
    <p>${t.personName}同志系中共${MEMBER_KIND[t.memberStatus]}，组织关系由${t.fromOrgName}转到${t.destination.orgName}。</p>
    <p>党费已交到${formatYearMonth(t.duesPaidTo)}。有效期至${formatDateLong(letter.validUntil)}。</p>
    <div class="signature"><p>${formatDateLong(letter.issuedAt)}</p></div>
    <p class="cut-line">（剪 裁 线）</p>
    <div class="title">中国共产党党员组织关系介绍信</div>
    <p class="serial">${serial}</p>
    <p>${t.destination.kind === 'within' ? orgHeading(t.destination.orgName) : t.destination.orgName}：</p>
    <p>${t.personName}同志（${o.person.gender}，${age}岁，${o.person.ethnicity}）系中共${MEMBER_KIND[t.memberStatus]}${o.idNumber ? `，身份证号码${o.idNumber}` : ''}，由${t.fromOrgName}去${t.destination.orgName}，请转接组织关系。</p>
    <p>该同志党费已交到${formatYearMonth(t.duesPaidTo)}。</p>
    <p>（有效期至${formatDateLong(letter.validUntil)}）</p>
    <div class="signature">
      <p>${orgHeading(letter.issuerOrgName)}（盖章）</p>
      <p>${formatDateLong(letter.issuedAt)}</p>
    </div>
    <p class="cut-line">（剪 裁 线）</p>
    <div class="title">回　执</div>
    <p class="serial">${serial}</p>
    <p>${orgHeading(letter.issuerOrgName)}：</p>
    <p>${t.personName}同志的党员组织关系已转达我处，特此回复。</p>
    <div class="signature">
      <p>（接收党组织盖章）</p>
      <p>年　　月　　日</p>
    </div>
  </article>`;
  return layout({ title: `介绍信 ${serial}`, body, bare: true });
}
