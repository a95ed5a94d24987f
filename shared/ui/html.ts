/**
 * HTML rendering: an `html` tagged template that escapes every interpolated value. Only values made by
 * `html` itself (or, rarely, by `raw`) pass through unescaped, so a fragment is never escaped twice and
 * text from a person or the database can never become markup.
 */

/** Markup that is already safe: produced by `html` or explicitly marked with `raw`. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What may be interpolated: text and numbers are escaped; null, undefined and false render nothing. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (char) => ESCAPES[char]);
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (value === null || value === undefined || value === false || value === true) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0];
  values.forEach((value, index) => {
    out += render(value) + strings[index + 1];
  });
  return new SafeHtml(out);
}

/**
 * Marks already-rendered markup as safe. Use only for fragments this code rendered itself
 * (e.g. a stylesheet constant), never for text that came from a request or the database.
 */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** Text with its line breaks kept (each line escaped). */
export function multiline(text: string): SafeHtml {
  const lines = text.split(/\r?\n/);
  return html`${lines.map((line, index) => (index === 0 ? html`${line}` : html`<br>${line}`))}`;
}
