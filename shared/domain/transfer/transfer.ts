/** A transfer of membership (组织关系转接, docs/domain/transfer.md): one member leaving one organization for another. */

/**
 * requested: the branch asked, no letter yet; issued: a letter is out (within the system: waiting for the receiving
 * branch; outside: waiting for the returned receipt); accepted: the receiving branch accepted (the person moved);
 * refused: the receiving branch returned it with a reason; received: outside the system, the receipt came back.
 */
export type TransferStatus = 'requested' | 'issued' | 'accepted' | 'refused' | 'received';

export const TRANSFER_STATUS_LABELS: Record<TransferStatus, string> = {
  requested: '待开具介绍信',
  issued: '介绍信已开具',
  accepted: '已接收',
  refused: '已退回',
  received: '已收回执',
};

/** The changes of a transfer, each allowed from the statuses listed (rule T2). */
export type TransferChange = 'issue' | 'reissue' | 'accept' | 'refuse' | 'record-receipt';

export const TRANSFER_CHANGES: Readonly<Record<TransferChange, { from: readonly TransferStatus[]; to: TransferStatus; label: string }>> = Object.freeze({
  issue: { from: ['requested'], to: 'issued', label: '开具介绍信' },
  reissue: { from: ['issued'], to: 'requested', label: '作废并重新开具介绍信' },
  accept: { from: ['issued'], to: 'accepted', label: '接收' },
  refuse: { from: ['issued'], to: 'refused', label: '退回' },
  'record-receipt': { from: ['issued'], to: 'received', label: '登记回执' },
});

/** The status after `change`, or undefined when the change is not allowed from `status` (rule T2). */
export function nextStatus(status: TransferStatus, change: TransferChange): TransferStatus | undefined {
  const rule = TRANSFER_CHANGES[change];
  return rule.from.includes(status) ? rule.to : undefined;
}

/** Statuses after which nothing changes: the person's one-transfer-at-a-time guard is free again (rule T3). */
export function isFinished(status: TransferStatus): boolean {
  return status === 'accepted' || status === 'refused' || status === 'received';
}

/** Where the member goes: an organization of the tree, or one outside the system (its name and address). */
export type Destination = { kind: 'within'; orgId: string; orgName: string } | { kind: 'outside'; orgName: string; address: string };

/** A letter (介绍信) of a transfer: its serial number, validity, and whether it was cancelled (作废). */
export interface TransferLetter {
  /** 1, 2, …: the letters of one transfer (a reissue adds one). */
  no: number;
  issuerOrgId: string;
  issuerOrgName: string;
  /** The serial's year and number in the issuer's series (rule T5). */
  serialYear: number;
  serialNo: number;
  issuedAt: string;
  issuedBy: string;
  /** Absolute instants (rule T4). */
  validUntil: string;
  receiptDueAt: string;
  status: 'valid' | 'void';
  voidedAt?: string;
  voidReason?: string;
}

export interface Transfer {
  id: string;
  /** Several members of one branch to one destination in one request share a batch id (rule T9). */
  batchId?: string;
  personId: string;
  personName: string;
  /** The person's status when asked (rule T1). */
  memberStatus: TransferableStatus;
  fromOrgId: string;
  fromOrgName: string;
  destination: Destination;
  reason: string;
  /** YYYY-MM-DD */
  leavingDate: string;
  /** 党费交至: the month dues are paid up to (YYYY-MM). */
  duesPaidTo: string;
  status: TransferStatus;
  letters: TransferLetter[];
  refusalReason?: string;
  decidedAt?: string;
  decidedBy?: string;
  /** Outside the system: the receipt's date (YYYY-MM-DD). */
  receiptDate?: string;
  /**
   * The receiving branch chose to accept once the person's development case may move (rule T8a): who chose it and
   * when; the scheduler accepts in his name then. Cleared by the acceptance, a cancellation or the letter expiring.
   */
  acceptWhenFree?: { by: string; byName: string; at: string };
  /**
   * Outside the system: the sending branch has the receipt but the person's development case has an approval or notice
   * open; the scheduler records the receipt with this date in the name of who chose it once they are over (rule T8b).
   */
  receiptWhenFree?: { by: string; byName: string; at: string; receiptDate: string };
  /** The open development case that moved with the person on acceptance (rule T8). */
  movedCaseId?: string;
  /** Outside the system: the open development case that left with the person, closed here on the receipt (rule T8b). */
  closedCaseId?: string;
  /** The human step the workflow waits on, and its pending task (docs/domain/transfer.md T3). */
  currentStep?: TransferStepKey;
  currentTaskId?: string;
  createdAt: string;
  createdBy: string;
  version: number;
}

/** The letter in force: the newest one not cancelled. */
export function currentLetter(transfer: Pick<Transfer, 'letters'>): TransferLetter | undefined {
  const last = transfer.letters.at(-1);
  return last?.status === 'valid' ? last : undefined;
}

/**
 * Who transfers (rule T1): full and probationary members, and activists and development targets, whose development
 * case goes with them (rule T8). Applicants apply again where they work.
 */
export type TransferableStatus = 'full' | 'probationary' | 'activist' | 'development-target';

export function transferableStatus(status: string): TransferableStatus | undefined {
  return status === 'full' || status === 'probationary' || status === 'activist' || status === 'development-target' ? status : undefined;
}

/** The workflow's execution name: one execution per transfer. */
export const transferExecutionName = (transferId: string) => `transfer-${transferId}`;

/** The human steps of the workflow: the letter (committee staff), the arrival (receiving staff), the receipt (sending staff). */
export type TransferStepKey = 'letter' | 'arrival' | 'receipt';

export const TRANSFER_STEP_LABELS: Record<TransferStepKey, string> = { letter: '开具介绍信', arrival: '报到接收', receipt: '登记回执' };

/**
 * The attempt a visit of a step is for, from the transfer alone (so a repeated open finds the same task): the letter
 * step's k-th visit follows k - 1 cancelled letters; arrival and receipt wait on the current letter.
 */
export function stepAttempt(transfer: Pick<Transfer, 'letters'>, step: TransferStepKey): number {
  return step === 'letter' ? transfer.letters.filter((l) => l.status === 'void').length + 1 : transfer.letters.length;
}

export const transferTaskId = (transferId: string, step: TransferStepKey, attempt: number) => `transfer-${transferId}-${step}-${attempt}`;
