/**
 * Raters' one-time codes (docs/domain/evaluation.md, V4): 8 characters from an alphabet without look-alikes
 * (no 0/O, 1/I), shown as two groups of four. The randomness comes from the caller (the domain is deterministic).
 */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 8;

/** A code from `CODE_LENGTH` random bytes (32 letters: each byte's low 5 bits, no bias). */
export function codeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < CODE_LENGTH) throw new Error(`A code needs ${CODE_LENGTH} random bytes`);
  return Array.from(bytes.slice(0, CODE_LENGTH), (b) => CODE_ALPHABET[b & 31]).join('');
}

/** A typed code as stored: capitals, without spaces or dashes. */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s\-—_]/g, '');
}

/** Whether a typed code can be one (length and alphabet), before it is looked up. */
export function isWellFormedCode(code: string): boolean {
  return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c));
}

/** The code as printed on a slip: ABCD-EFGH. */
export function displayCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
