import { selectField, textArea, textField, type FormState } from './form-fields';
import { html, type SafeHtml } from './html';

/** A field as the step schemas describe it (shared/schemas/election-steps.ts), rendered without knowing the step. */
export interface GenericField {
  name: string;
  label: string;
  type: 'date' | 'text' | 'textarea' | 'number' | 'select' | 'person' | 'people' | 'checkbox';
  options?: { value: string; label: string }[];
  required: boolean;
  help?: string;
}

/** One field: person → a name; people → names, one per line; checkbox → 是; the rest as their HTML controls. */
export function genericField(field: GenericField, state: FormState): SafeHtml {
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

/** The labels of the fields, for the error summary. */
export const fieldLabels = (fields: readonly GenericField[]): Record<string, string> => Object.fromEntries(fields.map((f) => [f.name, f.label]));
