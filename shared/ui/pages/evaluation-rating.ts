import { displayCode } from '../../domain/evaluation/rater-code';
import { GRADE_LABELS, GRADES } from '../../domain/evaluation/grades';
import type { RatingBallot } from '../../services/evaluation';
import { html, type SafeHtml } from '../html';
import { layout } from '../layout';

/** The rater's pages (docs/domain/evaluation.md, V4): mobile-first, one column, large touch targets (site CSS `.rating`), no script. */

/** Enter the code written on the slip. */
export function ratingCodePage(message?: string): SafeHtml {
  return layout({
    title: '民主评议党员 网上评议',
    body: html`<section class="rating">
      <h1>民主评议党员 网上评议</h1>
      <p>请输入评议码纸条上的 8 位评议码。评议不记名：系统不记录评议码与评议结果的对应关系，也不记录评议人和评议时间。</p>
      ${message ? html`<p class="error" role="alert">${message}</p>` : ''}
      <form method="get" action="/rate">
        <label for="code">评议码</label>
        <input id="code" name="code" autocomplete="off" autocapitalize="characters" inputmode="text" maxlength="12" required>
        <p><button type="submit">开始评议</button></p>
      </form>
    </section>`,
  });
}

/** The ballot: every evaluated member, one of four grades each; only the confirm button spends the code. */
export function ratingBallotPage(ballot: RatingBallot, form: { values?: Record<string, string>; errors?: Record<string, string> } = {}): SafeHtml {
  const errors = form.errors ?? {};
  return layout({
    title: '民主评议党员 网上评议',
    body: html`<section class="rating">
      <h1>${ballot.orgName}${ballot.year}年度民主评议党员</h1>
      <p>评议码 ${displayCode(ballot.code)}。请对每一名党员选择一个等次，全部选好后点击“确认提交”。提交后评议码即作废，不能修改。</p>
      ${Object.keys(errors).length ? html`<p class="error" role="alert">还有党员没有选择等次，请补选后再提交。</p>` : ''}
      <form method="post" action="/rate/${ballot.code}">
        ${ballot.members.map((m) => html`<fieldset>
          <legend>${m.name}${m.probationary ? '（预备党员）' : ''}</legend>
          ${errors[`grade.${m.personId}`] ? html`<p class="error">${errors[`grade.${m.personId}`]}</p>` : ''}
          <div class="grades">${GRADES.map((g) => html`<label class="grade"><input type="radio" name="grade.${m.personId}" value="${g}" ${form.values?.[`grade.${m.personId}`] === g ? 'checked' : ''} required>${GRADE_LABELS[g]}</label>`)}</div>
        </fieldset>`)}
        <p><button type="submit">确认提交</button></p>
      </form>
    </section>`,
  });
}

/** After the rating: thanks; nothing of the grades is shown back. */
export function ratingDonePage(): SafeHtml {
  return layout({ title: '评议已提交', body: html`<section class="rating"><h1>评议已提交</h1><p>感谢参加民主评议。您的评议码已经作废。</p></section>` });
}

/** A code that cannot rate: why, and what to do. */
export function ratingRefusedPage(message: string): SafeHtml {
  return layout({ title: '无法评议', body: html`<section class="rating"><h1>无法评议</h1><p class="error" role="alert">${message}</p><p><a href="/rate">重新输入评议码</a></p></section>` });
}
