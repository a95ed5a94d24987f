import type { Transfer } from './transfer';
import { dueEvents } from '../scheduling/next-wake';
import type { TransferRules } from './validity';
import { transferWakeEvents } from './wake';

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


function fmt(instant: string): string {
  // China date of an instant, as 2026年12月23日 (the domain does not format through Intl).
  const date = new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * The warnings of `transfer` at `now`, most urgent first: those whose event (`transferWakeEvents`, wake.ts) is due,
 * so the mails and the scheduler's wake instants use one set of thresholds.
 */
export function transferWarnings(transfer: Transfer, now: Date, rules: Pick<TransferRules, 'expiringDays' | 'goneMonths'>): TransferWarning[] {
  const nowIso = now.toISOString();
  const toWhere = transfer.destination.kind === 'within';
  const messages: Record<TransferWarningCode, (dueAt: string) => string> = {
    'letter-expired': (dueAt) => `介绍信已于${fmt(dueAt)}到期，尚未${toWhere ? '接收' : '收到回执'}；可作废后重新开具。`,
    'letter-expiring': (dueAt) => `介绍信将于${fmt(dueAt)}到期，请督促${toWhere ? '接收方及时接收' : '本人及时报到'}。`,
    'receipt-missing': (dueAt) => `回执应于${fmt(dueAt)}前收回，至今未登记。`,
    'member-gone': () => `${transfer.personName}离开原单位已满${rules.goneMonths}个月，组织关系仍未转接完成。`,
  };
  return dueEvents(transferWakeEvents(transfer, rules), nowIso, new Set())
    .filter((e): e is typeof e & { code: TransferWarningCode } => e.code !== 'accept-waiting' && e.code !== 'receipt-waiting')
    .map((e) => ({ code: e.code, dueAt: e.dueAt, message: messages[e.code](e.dueAt) }));
}
