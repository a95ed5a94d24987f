import { html, type HtmlValue, type SafeHtml } from './html';

/** What a form shows: the values to fill in (the user's input is kept on error) and per-field messages. */
export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
  /** Set when a page has several forms with the same field names: it goes into every element id, so ids stay unique. */
  scope?: string;
}

export const emptyForm = (values: Record<string, string> = {}): FormState => ({ values, errors: {} });

interface FieldBase {
  name: string;
  label: string;
  state: FormState;
  hint?: string;
  required?: boolean;
}

/**
 * The element id of a field: ASCII names as they are (other characters as '-'); each non-ASCII character by its code
 * point, so 'votes.张一' and 'votes.李二' differ; after the form's scope when it has one ('f-status-from').
 */
export const fieldId = (name: string, scope?: string): string =>
  `f-${scope ? `${scope}-` : ''}${name.replace(/[^\x00-\x7F]/gu, (c) => `u${c.codePointAt(0)!.toString(16)}`).replace(/[^A-Za-z0-9_-]/g, '-')}`;

const idOf = (base: FieldBase): string => fieldId(base.name, base.state.scope);

/**
 * A field's message, under it (the error summary at the top is the one alert; this is what its control's
 * aria-describedby names).
 */
export const fieldError = (id: string, error: string | undefined): HtmlValue =>
  error ? html`<p class="field-error" id="${id}-error">${error}</p>` : '';

/** The attributes a control needs to announce its hint and message: aria-describedby, and aria-invalid when it has a message. */
export function describedByAttrs(id: string, hint: boolean, error: string | undefined): HtmlValue {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return html`${ids.length > 0 ? html` aria-describedby="${ids.join(' ')}"` : ''}${error ? html` aria-invalid="true"` : ''}`;
}

function wrap(base: FieldBase, control: SafeHtml, labelled = true): SafeHtml {
  const error = base.state.errors[base.name];
  const id = idOf(base);
  return html`<div class="field${error ? ' invalid' : ''}">
    ${labelled ? html`<label for="${id}">${base.label}${base.required ? html` <span class="muted">（必填）</span>` : ''}</label>` : ''}
    ${control}
    ${base.hint ? html`<p class="hint" id="${id}-hint">${base.hint}</p>` : ''}
    ${fieldError(id, error)}
  </div>`;
}

const describedBy = (base: FieldBase): HtmlValue => describedByAttrs(idOf(base), Boolean(base.hint), base.state.errors[base.name]);

const attr = (name: string, value: string | number | undefined): HtmlValue =>
  value === undefined ? '' : html` ${name}="${value}"`;

export function textField(field: FieldBase & { type?: string; maxLength?: number; autocomplete?: string; min?: string }): SafeHtml {
  const control = html`<input type="${field.type ?? 'text'}" id="${idOf(field)}" name="${field.name}" value="${field.state.values[field.name] ?? ''}"${attr('maxlength', field.maxLength)}${attr('autocomplete', field.autocomplete)}${attr('min', field.min)}${describedBy(field)}${field.required ? html` required` : ''}>`;
  return wrap(field, control);
}

export function textArea(field: FieldBase & { maxLength?: number; rows?: number }): SafeHtml {
  const control = html`<textarea id="${idOf(field)}" name="${field.name}" rows="${field.rows ?? 5}"${attr('maxlength', field.maxLength)}${describedBy(field)}${field.required ? html` required` : ''}>${field.state.values[field.name] ?? ''}</textarea>`;
  return wrap(field, control);
}

export function selectField(field: FieldBase & { options: ReadonlyArray<readonly [string, string]>; placeholder?: string }): SafeHtml {
  const current = field.state.values[field.name] ?? '';
  const control = html`<select id="${idOf(field)}" name="${field.name}"${describedBy(field)}${field.required ? html` required` : ''}>
    ${field.placeholder !== undefined ? html`<option value="">${field.placeholder}</option>` : ''}
    ${field.options.map(([value, label]) => html`<option value="${value}"${value === current ? html` selected` : ''}>${label}</option>`)}
  </select>`;
  return wrap(field, control);
}

export function radioGroup(field: FieldBase & { options: ReadonlyArray<readonly [string, string]> }): SafeHtml {
  const current = field.state.values[field.name] ?? '';
  const control = html`<fieldset class="choice" id="${idOf(field)}" role="radiogroup"${describedBy(field)}>
    <legend><strong>${field.label}</strong>${field.required ? html` <span class="muted">（必填）</span>` : ''}</legend>
    ${field.options.map(([value, label]) => html`<label class="choice"><input type="radio" name="${field.name}" value="${value}"${value === current ? html` checked` : ''}> ${label}</label>`)}
  </fieldset>`;
  return wrap(field, control, false);
}

export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

/** The labels of a step form's fields, for the error summary. */
export const fieldLabels = (fields: ReadonlyArray<{ name: string; label: string }>): Record<string, string> =>
  Object.fromEntries(fields.map((f) => [f.name, f.label]));

/** The class of the error summary; the layout titles a page that has one "错误：…". */
export const ERROR_SUMMARY_CLASS = 'error-summary';

/**
 * The message above a form that failed: what went wrong, the problems that name no field, and each field's message as
 * a link to it. It is the page's one alert and takes the focus when the page loads (the pages work without scripts).
 */
export function errorSummary(
  message: string | undefined,
  errors: Record<string, string>,
  labels: Record<string, string> = {},
  options: { scope?: string; problems?: readonly string[] } = {},
): SafeHtml {
  const entries = Object.entries(errors);
  const problems = options.problems ?? [];
  if (!message && entries.length === 0 && problems.length === 0) return html``;
  return html`<div class="alert ${ERROR_SUMMARY_CLASS}" role="alert" tabindex="-1" autofocus>
    <p>${message ?? '提交的内容有误，请按提示修改后重新提交。'}</p>
    ${problems.length > 0 ? html`<ul class="problems">${problems.map((p) => html`<li>${p}</li>`)}</ul>` : ''}
    ${entries.length > 0 ? html`<ul>${entries.map(([name, text]) => html`<li><a href="#${fieldId(name, options.scope)}">${labels[name] ? `${labels[name]}：` : ''}${text}</a></li>`)}</ul>` : ''}
  </div>`;
}
