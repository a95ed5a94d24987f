import type { FormField } from '../../schemas/form-fields';
import { describedByAttrs, fieldError, fieldId, selectField, textArea, textField, type FormState } from '../form-fields';
import { html, type SafeHtml } from '../html';

/** A person the form may choose (an applicant, a contact, a sponsor). */
export interface PersonChoice {
  id: string;
  label: string;
}

/** Rows offered for a `people` field (`name.0`, `name.1`, …; the route joins them). */
export const PEOPLE_ROWS = 2;

/** The form values of a `people` field's rows, joined as the schema takes them (ids separated by commas). */
export function joinPeopleRows(form: Record<string, string>, fields: readonly FormField[]): Record<string, string> {
  const out = { ...form };
  for (const field of fields.filter((f) => f.type === 'people')) {
    const rows = Object.keys(form).filter((key) => key.startsWith(`${field.name}.`)).sort();
    if (rows.length === 0) continue;
    const ids = rows.map((key) => form[key].trim()).filter(Boolean);
    for (const key of rows) delete out[key];
    out[field.name] = ids.join(',');
  }
  return out;
}

function peopleRows(field: FormField, state: FormState, choices: readonly PersonChoice[]): SafeHtml {
  const chosen = (state.values[field.name] ?? '').split(/[\s,，]+/).filter(Boolean);
  const error = state.errors[field.name];
  const id = fieldId(field.name, state.scope);
  const options = choices.map((c) => [c.id, c.label] as const);
  return html`<div class="field${error ? ' invalid' : ''}">
    <fieldset class="choice" id="${id}"${describedByAttrs(id, Boolean(field.help), error)}><legend><strong>${field.label}</strong>${field.required ? html` <span class="muted">（必填）</span>` : ''}</legend>
    ${Array.from({ length: PEOPLE_ROWS }, (_, n) => {
      const name = `${field.name}.${n}`;
      const current = state.values[name] ?? chosen[n] ?? '';
      return html`<label for="${fieldId(name, state.scope)}">第 ${n + 1} 人</label>
        <select id="${fieldId(name, state.scope)}" name="${name}"${error ? html` aria-invalid="true"` : ''}><option value="">（请选择）</option>${options.map(([value, label]) => html`<option value="${value}"${value === current ? html` selected` : ''}>${label}</option>`)}</select>`;
    })}
    </fieldset>
    ${field.help ? html`<p class="hint" id="${id}-hint">${field.help}</p>` : ''}
    ${fieldError(id, error)}
  </div>`;
}

function checkbox(field: FormField, state: FormState): SafeHtml {
  const error = state.errors[field.name];
  const on = ['on', 'true', '1'].includes(state.values[field.name] ?? '');
  const id = fieldId(field.name, state.scope);
  return html`<div class="field${error ? ' invalid' : ''}">
    <label class="choice" for="${id}"><input type="checkbox" id="${id}" name="${field.name}" value="on"${on ? html` checked` : ''}${describedByAttrs(id, Boolean(field.help), error)}> ${field.label}${field.required ? html` <span class="muted">（必须）</span>` : ''}</label>
    ${field.help ? html`<p class="hint" id="${id}-hint">${field.help}</p>` : ''}
    ${fieldError(id, error)}
  </div>`;
}

/** One field of a step form, rendered from the field list of shared/schemas/development-steps.ts. */
export function stepField(field: FormField, state: FormState, people: readonly PersonChoice[] = []): SafeHtml {
  const base = { name: field.name, label: field.label, state, hint: field.help, required: field.required };
  switch (field.type) {
    case 'date':
      return textField({ ...base, type: 'date' });
    case 'number':
      return textField({ ...base, type: 'number', min: '0' });
    case 'textarea':
      return textArea({ ...base, maxLength: 5000 });
    case 'select':
      return selectField({ ...base, options: (field.options ?? []).map((o) => [o.value, o.label] as const), placeholder: field.required ? '（请选择）' : '（不适用）' });
    case 'person':
      return selectField({ ...base, options: people.map((p) => [p.id, p.label] as const), placeholder: '（请选择）' });
    case 'people':
      return peopleRows(field, state, people);
    case 'checkbox':
      return checkbox(field, state);
    default:
      return textField({ ...base, maxLength: 200 });
  }
}

