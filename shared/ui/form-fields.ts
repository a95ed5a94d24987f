import { html, type HtmlValue, type SafeHtml } from './html';

/** What a form shows: the values to fill in (the user's input is kept on error) and per-field messages. */
export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
}

export const emptyForm = (values: Record<string, string> = {}): FormState => ({ values, errors: {} });

interface FieldBase {
  name: string;
  label: string;
  state: FormState;
  hint?: string;
  required?: boolean;
}

/** The element id of a field: ASCII names as they are (other characters as '-'); each non-ASCII character by its code point, so 'votes.张一' and 'votes.李二' differ. */
export const fieldId = (name: string): string =>
  `f-${name.replace(/[^\x00-\x7F]/gu, (c) => `u${c.codePointAt(0)!.toString(16)}`).replace(/[^A-Za-z0-9_-]/g, '-')}`;

function wrap(base: FieldBase, control: SafeHtml, labelled = true): SafeHtml {
  const error = base.state.errors[base.name];
  const id = fieldId(base.name);
  return html`<div class="field${error ? ' invalid' : ''}">
    ${labelled ? html`<label for="${id}">${base.label}${base.required ? html` <span class="muted">（必填）</span>` : ''}</label>` : ''}
    ${control}
    ${base.hint ? html`<p class="hint" id="${id}-hint">${base.hint}</p>` : ''}
    ${error ? html`<p class="field-error" id="${id}-error" role="alert">${error}</p>` : ''}
  </div>`;
}

function describedBy(base: FieldBase): string | undefined {
  const id = fieldId(base.name);
  const ids = [base.hint ? `${id}-hint` : '', base.state.errors[base.name] ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

const attr = (name: string, value: string | number | undefined): HtmlValue =>
  value === undefined ? '' : html` ${name}="${value}"`;

export function textField(field: FieldBase & { type?: string; maxLength?: number; autocomplete?: string; min?: string }): SafeHtml {
  const control = html`<input type="${field.type ?? 'text'}" id="${fieldId(field.name)}" name="${field.name}" value="${field.state.values[field.name] ?? ''}"${attr('maxlength', field.maxLength)}${attr('autocomplete', field.autocomplete)}${attr('min', field.min)}${attr('aria-describedby', describedBy(field))}${field.required ? html` required` : ''}${field.state.errors[field.name] ? html` aria-invalid="true"` : ''}>`;
  return wrap(field, control);
}

export function textArea(field: FieldBase & { maxLength?: number; rows?: number }): SafeHtml {
  const control = html`<textarea id="${fieldId(field.name)}" name="${field.name}" rows="${field.rows ?? 5}"${attr('maxlength', field.maxLength)}${attr('aria-describedby', describedBy(field))}${field.required ? html` required` : ''}${field.state.errors[field.name] ? html` aria-invalid="true"` : ''}>${field.state.values[field.name] ?? ''}</textarea>`;
  return wrap(field, control);
}

export function selectField(field: FieldBase & { options: ReadonlyArray<readonly [string, string]>; placeholder?: string }): SafeHtml {
  const current = field.state.values[field.name] ?? '';
  const control = html`<select id="${fieldId(field.name)}" name="${field.name}"${attr('aria-describedby', describedBy(field))}${field.required ? html` required` : ''}>
    ${field.placeholder !== undefined ? html`<option value="">${field.placeholder}</option>` : ''}
    ${field.options.map(([value, label]) => html`<option value="${value}"${value === current ? html` selected` : ''}>${label}</option>`)}
  </select>`;
  return wrap(field, control);
}

export function radioGroup(field: FieldBase & { options: ReadonlyArray<readonly [string, string]> }): SafeHtml {
  const current = field.state.values[field.name] ?? '';
  const control = html`<fieldset class="choice" id="${fieldId(field.name)}"${attr('aria-describedby', describedBy(field))}>
    <legend><strong>${field.label}</strong>${field.required ? html` <span class="muted">（必填）</span>` : ''}</legend>
    ${field.options.map(([value, label]) => html`<label class="choice"><input type="radio" name="${field.name}" value="${value}"${value === current ? html` checked` : ''}> ${label}</label>`)}
  </fieldset>`;
  return wrap(field, control, false);
}

export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

/** The message above a form that failed: what went wrong, and each field's message as a link to it. */
/** The labels of a step form's fields, for the error summary. */
export const fieldLabels = (fields: ReadonlyArray<{ name: string; label: string }>): Record<string, string> =>
  Object.fromEntries(fields.map((f) => [f.name, f.label]));

export function errorSummary(message: string | undefined, errors: Record<string, string>, labels: Record<string, string> = {}): SafeHtml {
  const entries = Object.entries(errors);
  if (!message && entries.length === 0) return html``;
  return html`<div class="alert" role="alert">
    <p>${message ?? '提交的内容有误，请按提示修改后重新提交。'}</p>
    ${entries.length > 0 ? html`<ul>${entries.map(([name, text]) => html`<li><a href="#${fieldId(name)}">${labels[name] ? `${labels[name]}：` : ''}${text}</a></li>`)}</ul>` : ''}
  </div>`;
}
