import { officerEligible, OFFICER_CONTEST_LABELS, type OfficerContest } from '../../domain/election/officer-candidates';
import type { Election } from '../../domain/election/election';
import { csrfField, describedByAttrs, errorSummary, fieldError, fieldId, selectField, type FormState } from '../form-fields';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';

export interface OfficerCandidatesOptions {
  election: Election;
  /** The post whose candidates are entered now (the officers' round fixes it; the first meeting lets staff choose). */
  contest: OfficerContest;
  form: FormState;
  staff: LayoutStaff;
  message?: string;
}

/** Checkbox names `candidate.<name>`: the ticked ones are the candidates. */
export const candidatesFromForm = (form: Record<string, string>): string[] =>
  Object.keys(form).filter((key) => key.startsWith('candidate.') && form[key]).map((key) => key.slice('candidate.'.length));

/**
 * 确定书记（副书记）候选人: before the secretary's or deputy's ballot is printed, staff tick its candidates among the
 * newly elected committee members, listed in 姓氏笔画 order; the ballot is printed with them.
 */
export function officerCandidatesPage(o: OfficerCandidatesOptions): SafeHtml {
  const e = o.election;
  const label = OFFICER_CONTEST_LABELS[o.contest];
  const chooses = e.currentStep === 'officers-meeting';
  const names = officerEligible(e, o.contest);
  const error = o.form.errors.candidates;
  const body = html`<p><a href="/staff/elections/${e.id}">← 返回选举档案</a></p>
    <h1>确定${label}候选人</h1>
    <div class="alert info"><p>打印${label}选票前，请先确定${label}候选人：候选人从新当选的委员中产生${o.contest === 'deputy' && e.secretary ? '（已当选书记的除外）' : ''}，选票上按姓氏笔画排列。</p></div>
    ${errorSummary(o.message, o.form.errors, { candidates: `${label}候选人`, contest: '选举职务' })}
    <form method="post" action="/staff/elections/${e.id}/ballot/candidates" class="stacked">
      ${csrfField(o.staff.csrfToken)}
      ${chooses ? selectField({ name: 'contest', label: '选举职务', state: { values: { contest: o.contest }, errors: o.form.errors }, required: true, options: (e.deputies > 0 ? (['secretary', 'deputy'] as const) : (['secretary'] as const)).map((c) => [c, OFFICER_CONTEST_LABELS[c]] as const) }) : html`<input type="hidden" name="contest" value="${o.contest}">`}
      <fieldset class="choice${error ? ' invalid' : ''}" id="${fieldId('candidates')}"${describedByAttrs(fieldId('candidates'), false, error)}><legend><strong>${label}候选人</strong> <span class="muted">（必填）</span></legend>
        ${names.map((name) => html`<label class="choice"><input type="checkbox" name="candidate.${name}" value="on"${o.form.values[`candidate.${name}`] ? html` checked` : ''}> ${name}</label>`)}
        ${fieldError(fieldId('candidates'), error)}
      </fieldset>
      <button type="submit">确定候选人并打印选票</button>
    </form>`;
  return layout({ title: `确定${label}候选人 - ${e.orgName}`, body, staff: o.staff });
}
