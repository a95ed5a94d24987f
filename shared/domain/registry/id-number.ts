/**
 * The resident ID number (居民身份证号码, GB 11643): 6 digits of region, 8 of birth date, 3 of sequence (odd for men,
 * even for women), and a check character computed with ISO 7064 MOD 11-2.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

export type IdNumberProblem = 'length' | 'characters' | 'birth-date' | 'check-digit' | 'birth-date-mismatch' | 'gender-mismatch';

/** What is wrong, in words a staff member can act on. */
export const ID_NUMBER_PROBLEM_MESSAGES: Record<IdNumberProblem, string> = {
  length: '身份证号应为 18 位。',
  characters: '身份证号前 17 位应为数字，最后一位为数字或 X。',
  'birth-date': '身份证号中的出生日期不存在。',
  'check-digit': '身份证号校验位不正确，请核对是否录入有误。',
  'birth-date-mismatch': '身份证号中的出生日期与填写的出生日期不一致。',
  'gender-mismatch': '身份证号显示的性别与填写的性别不一致。',
};

export function idNumberCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * WEIGHTS[index], 0);
  return CHECK_CHARACTERS[sum % 11];
}

/** The birth date (YYYY-MM-DD) an ID number carries. */
export function idNumberBirthDate(idNumber: string): string {
  return `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
}

export function idNumberGender(idNumber: string): '男' | '女' {
  return Number(idNumber[16]) % 2 === 1 ? '男' : '女';
}

function isRealDate(isoDate: string): boolean {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(isoDate);
}

/** Normalizes what people type: surrounding spaces, full-width digits, a lower-case x. */
export function normalizeIdNumber(raw: string): string {
  return raw.trim().replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10)).replace(/[xｘＸ]$/, 'X');
}

/**
 * The problems of an ID number, alone and against the person's record (birth date and gender when given).
 * An empty list means valid. `today` bounds the birth date (no one is born in the future).
 */
export function idNumberProblems(
  idNumber: string,
  person: { birthDate?: string; gender?: '男' | '女' } = {},
  today?: string,
): IdNumberProblem[] {
  if (idNumber.length !== 18) return ['length'];
  if (!/^\d{17}[\dX]$/.test(idNumber)) return ['characters'];
  const birthDate = idNumberBirthDate(idNumber);
  if (!isRealDate(birthDate) || birthDate < '1900-01-01' || (today !== undefined && birthDate > today)) return ['birth-date'];
  const problems: IdNumberProblem[] = [];
  if (idNumberCheckCharacter(idNumber.slice(0, 17)) !== idNumber[17]) problems.push('check-digit');
  if (person.birthDate && person.birthDate !== birthDate) problems.push('birth-date-mismatch');
  if (person.gender && person.gender !== idNumberGender(idNumber)) problems.push('gender-mismatch');
  return problems;
}

/** The ID number as shown outside the person's own page: only the first 3 and last 4 characters. */
export function maskIdNumber(idNumber: string): string {
  return idNumber.length === 18 ? `${idNumber.slice(0, 3)}***********${idNumber.slice(14)}` : '******';
}
