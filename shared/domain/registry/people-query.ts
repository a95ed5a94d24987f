import { normalizeIdNumber } from './id-number';

/**
 * 人员查找 (docs/domain/organizations-and-people.md §2a): what a staff member typed in the search box, read as a full
 * ID number or an exact full name. Nothing partial: a name is compared whole, a number in all its 18 characters.
 */

/** The shortest full name searched (a Chinese name has at least two characters) and the longest accepted. */
export const NAME_MIN_LENGTH = 2;
export const NAME_MAX_LENGTH = 40;

export const PEOPLE_QUERY_MESSAGES = {
  idNumber: '按身份证号查找须输入完整的 18 位号码（前 17 位为数字，最后一位为数字或 X）。',
  short: `请输入完整姓名（至少 ${NAME_MIN_LENGTH} 个字）或完整的 18 位身份证号。`,
  long: `姓名最多 ${NAME_MAX_LENGTH} 个字，请核对后重新输入。`,
  inAddress: '为保护个人信息，身份证号不能放在网址中查找：请在人员查找框中输入号码后点“查找”。',
} as const;

export type PeopleQuery =
  | { kind: 'empty' }
  | { kind: 'idNumber'; idNumber: string }
  | { kind: 'name'; name: string }
  | { kind: 'invalid'; message: string };

/** Whitespace of any width (the ideographic space of a Chinese input method too). */
const SPACES = /[\s\u3000]+/gu;
/** The separators typed inside a minority name (·, •, ・, ‧, ．): all one middle dot. */
const NAME_DOTS = /[·•・‧．.]/gu;

/**
 * A name as the name index compares it: full-width forms folded (NFKC), every space removed, one middle dot.
 * The same for the stored name (people-repo.ts) and for what is typed.
 */
export function normalizePersonName(name: string): string {
  return name.normalize('NFKC').replace(SPACES, '').replace(NAME_DOTS, '·');
}

/**
 * What the search box holds. Anything with a digit is an ID number (spaces anywhere, full-width digits, a lower-case
 * x are forgiven); otherwise a name of at least two characters. An ID number is taken only from the form's body,
 * never from the address (`inAddress`: a URL is kept in histories and logs).
 */
export function parsePeopleQuery(raw: string, options: { inAddress?: boolean } = {}): PeopleQuery {
  const text = raw.normalize('NFKC').replace(SPACES, '');
  if (text === '') return { kind: 'empty' };
  if (/\d/u.test(text)) {
    if (options.inAddress) return { kind: 'invalid', message: PEOPLE_QUERY_MESSAGES.inAddress };
    const idNumber = normalizeIdNumber(text).toUpperCase();
    return /^\d{17}[\dX]$/u.test(idNumber) ? { kind: 'idNumber', idNumber } : { kind: 'invalid', message: PEOPLE_QUERY_MESSAGES.idNumber };
  }
  const name = normalizePersonName(text);
  const length = [...name].length;
  if (length < NAME_MIN_LENGTH) return { kind: 'invalid', message: PEOPLE_QUERY_MESSAGES.short };
  if (length > NAME_MAX_LENGTH) return { kind: 'invalid', message: PEOPLE_QUERY_MESSAGES.long };
  return { kind: 'name', name };
}
