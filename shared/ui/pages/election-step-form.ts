import { ELECTION_FORM_LABELS, ELECTION_STEPS, type Election, type ElectionStepKey } from '../../domain/election/election';
import { csrfField, errorSummary, fieldLabels, type FormState } from '../form-fields';
import type { FormField } from '../../schemas/form-fields';
import { genericField } from '../generic-fields';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';

export interface ElectionStepFormOptions {
  election: Election;
  stepKey: ElectionStepKey;
  fields: readonly FormField[];
  form: FormState;
  staff: LayoutStaff;
  message?: string;
}

/** Any form step of an election, rendered from its field list (shared/schemas/election-steps.ts). */
export function electionStepFormPage(o: ElectionStepFormOptions): SafeHtml {
  const { election, stepKey } = o;
  const step = ELECTION_STEPS[stepKey];
  const body = html`<p><a href="/staff/elections/${election.id}">← 返回选举档案</a></p>
    <h1>${step.label}</h1>
    <p class="muted">${election.orgName} · ${ELECTION_FORM_LABELS[election.form]} · 委员名额 ${election.seats} 名</p>
    ${election.candidates.length > 0 ? html`<p>候选人预备人选：${election.candidates.join('、')}</p>` : ''}
    ${election.elected.length > 0 ? html`<p>已当选委员：${election.elected.join('、')}</p>` : ''}
    <form class="stacked" method="post" action="/staff/elections/${election.id}/steps/${stepKey}" novalidate>
      ${csrfField(o.staff.csrfToken)}
      ${errorSummary(o.message, o.form.errors, fieldLabels(o.fields))}
      ${o.fields.map((f) => genericField(f, o.form))}
      <button type="submit">提交</button>
    </form>`;
  return layout({ title: step.label, body, staff: o.staff });
}
