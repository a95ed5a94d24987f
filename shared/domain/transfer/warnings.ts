import { currentLetter, type Transfer } from './transfer';
import { goneFlagAt, type TransferRules } from './validity';

/** The warnings (预警) of a transfer (docs/domain/transfer.md rule T7). */
export type TransferWarningCode = 'letter-expiring' | 'letter-expired' | 'receipt-missing' | 'member-gone';

export const TRANSFER_WARNING_LABELS: Record<TransferWarningCode, string> = {
  'letter-expiring': '介绍信即将到期',
  'letter-expired': '介绍信已过期未接收',
  'receipt-missing': '回执逾期未收回',
  'member-gone': '离开已满六个月未转接',
};

export interface TransferWarning {
  code: TransferWarningCode;
  /** The instant the warning is about (the end of the validity, the receipt deadline, the six months). */
  dueAt: string;
  message: string;
}

const DAY_MS = 86_400_000;

function fmt(instant: string): string {
  // China date of an instant, as 2026年12月23日 (the domain does not format through Intl).
  const date = new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The warnings of `transfer` at `now`, most urgent first. */
export function transferWarnings(transfer: Transfer, now: Date, rules: Pick<TransferRules, 'expiringDays' | 'goneMonths'>): TransferWarning[] {
  const warnings: TransferWarning[] = [];
  const time = now.getTime();
  const letter = currentLetter(transfer);
  if (transfer.status === 'issued' && letter) {
    const validUntil = Date.parse(letter.validUntil);
    if (time > validUntil) {
      warnings.push({ code: 'letter-expired', dueAt: letter.validUntil, message: `介绍信已于${fmt(letter.validUntil)}到期，尚未${transfer.destination.kind === 'within' ? '接收' : '收到回执'}；可作废后重新开具。` });
    } else if (time > validUntil - rules.expiringDays * DAY_MS) {
      warnings.push({ code: 'letter-expiring', dueAt: letter.validUntil, message: `介绍信将于${fmt(letter.validUntil)}到期，请督促${transfer.destination.kind === 'within' ? '接收方及时接收' : '本人及时报到'}。` });
    }
    if (transfer.destination.kind === 'outside' && time > Date.parse(letter.receiptDueAt)) {
      warnings.push({ code: 'receipt-missing', dueAt: letter.receiptDueAt, message: `回执应于${fmt(letter.receiptDueAt)}前收回，至今未登记。` });
    }
  }
  if (transfer.status === 'requested' || transfer.status === 'issued') {
    const flagAt = goneFlagAt(transfer.leavingDate, rules.goneMonths);
    if (time > Date.parse(flagAt)) {
      warnings.push({ code: 'member-gone', dueAt: flagAt, message: `${transfer.personName}离开原单位已满${rules.goneMonths}个月，组织关系仍未转接完成。` });
    }
  }
  return warnings;
}
