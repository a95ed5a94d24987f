/** A run of base64 characters with digits and both cases (a random id, not a path or a word), or of 32+ hex digits. */
function token(run: string): string {
  return /\d/.test(run) && /[a-z]/.test(run) && /[A-Z]/.test(run) ? '[token]' : run;
}

const PATTERNS: [RegExp, string | ((run: string) => string)][] = [
  [/[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[a-z]{2,}/gi, '[email]'],
  [/[A-Za-z0-9_\-+=]{20,}/g, token],
  [/\b[0-9a-f]{32,}\b/gi, '[token]'],
  [/\b\d{17}[\dXx]\b|\b\d{15}\b/g, '[id-number]'],
  [/\b1\d{10}\b/g, '[phone]'],
  [/[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]+/g, '[text]'],
];

/**
 * Takes personal data out of text bound for the logs (an error's message or stack): e-mail addresses, ID-card and
 * phone numbers, long opaque strings (link ids, task tokens, session and Cognito tokens) and Chinese text (names and
 * whatever a person typed reach errors only as Chinese text; the code's own messages are English).
 */
export function redactPersonalData(text: string): string {
  return PATTERNS.reduce((redacted, [pattern, replacement]) => redacted.replace(pattern, replacement as (run: string) => string), text);
}

/** What the logs keep of an error: its name, and its message and stack without personal data. */
export function loggableError(error: unknown): { name: string; message: string; stack?: string } {
  const fault = error instanceof Error ? error : new Error(String(error));
  return { name: fault.name, message: redactPersonalData(fault.message), stack: fault.stack ? redactPersonalData(fault.stack) : undefined };
}
