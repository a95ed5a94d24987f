import { currentLetter, nextStatus, type Transfer, type TransferChange } from './transfer';
import { isLetterValid } from './validity';

/**
 * Whether a change may be made now (docs/domain/transfer.md rules T2, T6): the problems in Chinese, empty when it may.
 * Acceptance is within the system and within the validity; a receipt is recorded only for a letter outside the system;
 * a letter is cancelled (作废) and a new one issued only once it has expired.
 */
export function changeProblems(transfer: Transfer, change: TransferChange, now: Date): string[] {
  if (!nextStatus(transfer.status, change)) return [`该转接当前状态下不能${changeLabel(change)}。`];
  const letter = currentLetter(transfer);
  const problems: string[] = [];
  if (change === 'accept' || change === 'refuse') {
    if (transfer.destination.kind !== 'within') problems.push('转往系统外的组织关系由对方接收，本系统只登记回执。');
    if (change === 'accept' && letter && !isLetterValid(letter, now)) problems.push('介绍信已过有效期，不能接收；请转出方作废后重新开具介绍信。');
  }
  if (change === 'reissue' && letter && isLetterValid(letter, now)) problems.push('介绍信尚在有效期内，过期后方可作废并重新开具。');
  if (change === 'record-receipt' && transfer.destination.kind !== 'outside') problems.push('转往系统内组织的，以对方接收为回执，无需登记。');
  return problems;
}

function changeLabel(change: TransferChange): string {
  return { issue: '开具介绍信', reissue: '重新开具介绍信', accept: '接收', refuse: '退回', 'record-receipt': '登记回执' }[change];
}
