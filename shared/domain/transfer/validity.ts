import { chinaDate, chinaDayEndText } from '../calendar';
import { addMonths } from '../development/dates';

/**
 * The periods of a transfer (docs/domain/transfer.md rules T4 and T7), as absolute instants: a letter is valid
 * through the last day of its validity (23:59:59 China time), and outside the system its receipt is due by the end of
 * the day `receiptMonths` after that.
 */
export interface TransferRules {
  /** The letter's validity, months from the day of issue (the same day of the month, clamped); configurable per letter. */
  validityMonths: number;
  /** Outside the system: months after the validity by which the receipt must be back. */
  receiptMonths: number;
  /** Days before the end of the validity from which the letter is "about to expire". */
  expiringDays: number;
  /** Months after leaving without an accepted transfer before the member is flagged (the charter's six-month rule). */
  goneMonths: number;
}

export const DEFAULT_TRANSFER_RULES: Readonly<TransferRules> = Object.freeze({ validityMonths: 3, receiptMonths: 1, expiringDays: 14, goneMonths: 6 });

export const VALIDITY_LIMITS = Object.freeze({ minMonths: 1, maxMonths: 6 });

/** The problem with a validity given on the letter form (Chinese), or undefined. */
export function validityProblem(months: number): string | undefined {
  const { minMonths, maxMonths } = VALIDITY_LIMITS;
  if (Number.isInteger(months) && months >= minMonths && months <= maxMonths) return undefined;
  return `介绍信有效期应为 ${minMonths} 至 ${maxMonths} 个月的整数（一般为 3 个月），“${String(months)}”不符合。`;
}

/** The last day a letter issued at `issuedAt` is valid (YYYY-MM-DD, China). */
export function validThroughDate(issuedAt: Date, validityMonths: number): string {
  return addMonths(chinaDate(issuedAt), validityMonths);
}

/** The instants of a letter issued at `issuedAt`: valid until, and the receipt due (rule T4). */
export function letterPeriods(issuedAt: Date, rules: Pick<TransferRules, 'validityMonths' | 'receiptMonths'>): { validUntil: string; receiptDueAt: string } {
  const lastDay = validThroughDate(issuedAt, rules.validityMonths);
  const receiptDay = addMonths(lastDay, rules.receiptMonths);
  return {
    validUntil: new Date(chinaDayEndText(lastDay)).toISOString(),
    receiptDueAt: new Date(chinaDayEndText(receiptDay)).toISOString(),
  };
}

/** Whether the letter is still valid at `now` (the last second of its last day counts). */
export function isLetterValid(letter: { validUntil: string; status: 'valid' | 'void' }, now: Date): boolean {
  return letter.status === 'valid' && now.getTime() <= Date.parse(letter.validUntil);
}

/** The instant from which a member who left on `leavingDate` is flagged without an accepted transfer (rule T7). */
export function goneFlagAt(leavingDate: string, goneMonths: number): string {
  return new Date(chinaDayEndText(addMonths(leavingDate, goneMonths))).toISOString();
}
