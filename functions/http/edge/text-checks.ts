import { TextUnreadableError } from './body-parser-errors';

/** C0 controls other than tab, line feed and carriage return, and DEL. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Format characters (zero-width space and joiners, BOM, direction marks…). */
const FORMAT = /\p{Cf}/u;
const INVISIBLE_OR_SPACE = /[\p{Cf}\p{Z}\s]/gu;

/** Why a field's text cannot be taken (for the log), or undefined. Blank text is left to the form's own rules. */
export function unreadableText(value: string): string | undefined {
  if (CONTROL.test(value)) return 'a NUL or control character';
  if (LONE_SURROGATE.test(value)) return 'a lone surrogate';
  if (FORMAT.test(value) && value.replace(INVISIBLE_OR_SPACE, '') === '') return 'only zero-width characters';
  return undefined;
}

/** Refuses (422) a body with a field whose name or text is unreadable: the one check for every text field of every form. */
export function assertReadableFields(fields: Record<string, string>): void {
  for (const [name, value] of Object.entries(fields)) {
    const problem = unreadableText(name) ?? unreadableText(value);
    if (problem) throw new TextUnreadableError({ detail: `Field ${JSON.stringify(name.slice(0, 40))} has ${problem}` });
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The body as UTF-8; broken UTF-8 is refused (422) rather than read with replacement characters. */
export function decodeUtf8(bytes: Buffer): string {
  try {
    return UTF8.decode(bytes);
  } catch (error) {
    throw new TextUnreadableError({ cause: error, detail: 'Body is not valid UTF-8' });
  }
}

/** One percent-encoded component; an escape that is not UTF-8 (`%FF`) or not an escape is refused (422). */
export function decodeFormComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch (error) {
    throw new TextUnreadableError({ cause: error, detail: 'Form field is not valid percent-encoded UTF-8' });
  }
}
