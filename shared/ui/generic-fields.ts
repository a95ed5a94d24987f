import type { FormField } from '../schemas/form-fields';
import { selectField, textArea, textField, type FormState } from './form-fields';
import { html, type SafeHtml } from './html';

/**
 * One field of an election step (shared/schemas/election-steps.ts), rendered without knowing the step: person → a
 * name; people → names, one per line; checkbox → 是; the rest as their HTML controls.
 */
export function genericField(field: FormField, state: FormState): SafeHtml {
  const base = { name: field.name, label: field.label, state, required: field.required, hint: field.help };
  switch (field.type) {
    case 'textarea':
      return textArea({ ...base, rows: 4, maxLength: 4000 });
    case 'people':
      return textArea({ ...base, rows: 3, hint: field.help ?? '每行一人。' });
    case 'select':
      return selectField({ ...base, options: (field.options ?? []).map((o) => [o.value, o.label] as const), placeholder: '请选择' });
    case 'checkbox':
      return html`<div class="field"><label class="choice"><input type="checkbox" name="${field.name}" value="true"${state.values[field.name] ? html` checked` : ''}> ${field.label}</label>${field.help ? html`<p class="hint">${field.help}</p>` : ''}</div>`;
    case 'number':
      return textField({ ...base, type: 'number', min: '0' });
    case 'date':
      return textField({ ...base, type: 'date' });
    default:
      return textField({ ...base, maxLength: field.type === 'person' ? 20 : 500 });
  }
}

