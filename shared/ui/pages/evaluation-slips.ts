import { displayCode } from '../../domain/evaluation/rater-code';
import { RATER_KIND_LABELS } from '../../domain/evaluation/grades';
import type { Evaluation } from '../../domain/evaluation/evaluation';
import type { RaterCode } from '../../store/evaluations-repo';
import { html, type SafeHtml } from '../html';
import { layout } from '../layout';

/** The address a slip's QR code opens: the raters' page with the code (GET shows the ballot and spends nothing). */
export const slipUrl = (baseUrl: string, code: string) => `${baseUrl}/rate/${code}`;

/**
 * The code slips to cut and hand out at random (docs/domain/evaluation.md, V4): each with a QR code of the raters'
 * page with the code (drawn on the server: `qr` by code), the page's short address and the short code to type.
 */
export function evaluationSlipsPage(evaluation: Evaluation, codes: readonly RaterCode[], baseUrl: string, qr: ReadonlyMap<string, SafeHtml> = new Map()): SafeHtml {
  const unspent = codes.filter((c) => !c.spent);
  return layout({
    title: `${evaluation.orgName}${evaluation.year}年度民主评议 评议码`,
    bare: true,
    body: html`<div class="print-page"><p class="no-print"><a href="/staff/evaluations/${evaluation.id}">返回</a>（未使用的评议码 ${unspent.length} 个；已使用的不再打印）</p>
      <div class="slips">${unspent.map((c) => html`<div class="slip">
        <p class="slip-org">${evaluation.orgName}${evaluation.year}年度民主评议党员（${RATER_KIND_LABELS[c.raterKind]}）</p>
        ${qr.get(c.code) ?? ''}
        <p>用手机扫描二维码，或打开 <strong>${baseUrl}/rate</strong> 输入评议码：</p>
        <p class="slip-code">${displayCode(c.code)}</p>
        <p>有效期至 ${c.validUntil}，只能使用一次。评议不记名。</p></div>`)}</div></div>`,
  });
}
