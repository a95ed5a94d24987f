import { nextWake, type WakeEvent } from '../scheduling/next-wake';
import { currentLetter, type Transfer } from './transfer';
import { goneFlagAt, type TransferRules } from './validity';
import type { TransferWarningCode } from './warnings';

/**
 * What the scheduler does for a transfer not finished (docs/domain/scheduler.md, docs/domain/transfer.md T7, T8a):
 * each warning once per code and instant (its key is the warning marker's `<code>#<dueAt>`), from the first
 * millisecond after its threshold; and, while the receiving branch waits to accept (T8a) or the sending branch waits
 * to have the receipt recorded (T8b), a look at every tick.
 * `transferWarnings` (warnings.ts) mails what these events say is due.
 */
export type TransferWakeEvent = WakeEvent & { code: TransferWarningCode | 'accept-waiting' | 'receipt-waiting'; dueAt: string };

const DAY_MS = 86_400_000;
const after = (instant: string | number, ms = 1) => new Date((typeof instant === 'number' ? instant : Date.parse(instant)) + ms).toISOString();
/** A waiting acceptance is looked at on every tick: due from the beginning. */
const ALWAYS = '1970-01-01T00:00:00.000Z';

export function transferWakeEvents(transfer: Transfer, rules: Pick<TransferRules, 'expiringDays' | 'goneMonths'>): TransferWakeEvent[] {
  const events: TransferWakeEvent[] = [];
  const warn = (code: TransferWarningCode, dueAt: string, from: string, until?: string) =>
    events.push({ code, dueAt, key: `${code}#${dueAt}`, from, ...(until !== undefined ? { until } : {}) });
  const letter = currentLetter(transfer);
  if (transfer.status === 'issued' && letter) {
    const validUntil = letter.validUntil;
    warn('letter-expiring', validUntil, after(Date.parse(validUntil) - rules.expiringDays * DAY_MS), validUntil);
    warn('letter-expired', validUntil, after(validUntil));
    if (transfer.destination.kind === 'outside') warn('receipt-missing', letter.receiptDueAt, after(letter.receiptDueAt));
    if (transfer.acceptWhenFree) events.push({ code: 'accept-waiting', dueAt: ALWAYS, key: 'accept-waiting', from: ALWAYS });
    if (transfer.receiptWhenFree) events.push({ code: 'receipt-waiting', dueAt: ALWAYS, key: 'receipt-waiting', from: ALWAYS });
  }
  if (transfer.status === 'requested' || transfer.status === 'issued') {
    const flagAt = goneFlagAt(transfer.leavingDate, rules.goneMonths);
    warn('member-gone', flagAt, after(flagAt));
  }
  return events;
}

/**
 * The transfer's wake instant at `nowIso` given the warnings mailed (`done`: their `<code>#<dueAt>`); without them
 * (a change of the transfer) a lower bound; none once nothing is left.
 */
export function nextTransferWake(transfer: Transfer, rules: Pick<TransferRules, 'expiringDays' | 'goneMonths'>, nowIso = '', done: ReadonlySet<string> = new Set()): string | undefined {
  return nextWake(transferWakeEvents(transfer, rules), nowIso, done);
}
