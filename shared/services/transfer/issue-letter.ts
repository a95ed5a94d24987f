import { chinaDate } from '../../domain/calendar';
import { formatSerial, nextSerialNo } from '../../domain/transfer/serial';
import { changeProblems } from '../../domain/transfer/acceptance';
import { DEFAULT_TRANSFER_RULES, letterPeriods, validityProblem } from '../../domain/transfer/validity';
import type { Transfer, TransferLetter } from '../../domain/transfer/transfer';
import { parseForm } from '../../schemas/parse-form';
import { issueLetterSchema, reissueSchema } from '../../schemas/transfer-forms';
import { commitWithRetry, lostRace } from '../../store/transact';
import { lastSerialNo, serialItems } from '../../store/transfers-repo';
import type { Actor } from '../actor';
import type { ServiceDeps } from '../deps';
import { InputInvalidError } from '../../errors';
import { approverOf } from '../registry/questions';
import { commitTransfer, nextTransfer, transferChange } from './commit';
import { LetterSeriesBusyError, TransferChangedError, TransferChangeRefusedError } from './errors';
import { loadTransfer } from './load';
import { claimStep, tellWorkflow } from './steps';

/** How often a letter is tried again with the next number while other letters of the series are being issued. */
const SERIAL_ATTEMPTS = 20;

/**
 * The sending branch's approving committee issues the letter (docs/domain/transfer.md T3–T5): its serial number taken
 * in the same transaction as the letter (the series' counter moved from the last number, the number's guard claimed),
 * the validity as instants, the workflow's letter step claimed. Two letters issued at once: one transaction wins, the
 * other reads the new last number and tries the next (consecutive numbers, none skipped, none given twice); any other
 * failed condition (the transfer or its step changed) is a 409 at once.
 */
export async function issueLetter(deps: ServiceDeps, actor: Actor, transferId: string, input: Record<string, unknown>): Promise<Transfer> {
  const values = parseForm(issueLetterSchema, input);
  const problem = validityProblem(values.validityMonths);
  if (problem) throw new InputInvalidError({ validityMonths: problem });
  try {
    const { next, task } = await commitWithRetry(deps.store, async () => {
      const { transfer } = await loadTransfer(deps, actor, transferId, 'transfer.issue', 'sending');
      if (transfer.version !== values.version) throw new TransferChangedError({ detail: `issue ${transferId}: form ${values.version}, stored ${transfer.version}` });
      const now = deps.clock.now();
      const problems = changeProblems(transfer, 'issue', now);
      if (problems.length > 0) throw new TransferChangeRefusedError(problems);
      const issuer = (await approverOf(deps, transfer.fromOrgId)) ?? { id: transfer.fromOrgId, name: transfer.fromOrgName };
      const year = Number(chinaDate(now).slice(0, 4));
      const serialNo = nextSerialNo(await lastSerialNo(deps.store, issuer.id, year));
      const letter: TransferLetter = {
        no: transfer.letters.length + 1, issuerOrgId: issuer.id, issuerOrgName: issuer.name, serialYear: year, serialNo,
        issuedAt: now.toISOString(), issuedBy: actor.id, ...letterPeriods(now, { ...DEFAULT_TRANSFER_RULES, validityMonths: values.validityMonths }), status: 'valid',
      };
      const at = now.toISOString();
      const { item, task } = await claimStep(deps, transfer, 'letter', { by: actor.id, at, output: { outcome: 'issued' } });
      const next = nextTransfer(transfer, { status: 'issued', letters: [...transfer.letters, letter] });
      const write = transferChange(deps, next, { at, action: 'transfer.letter-issued', actor: actor.id, details: { serial: formatSerial(year, serialNo), validUntil: letter.validUntil } }, [
        ...serialItems(deps.store, issuer.id, year, serialNo, `${transfer.id}#${letter.no}`), item,
      ]);
      return { write, answer: { next, task } };
    }, {
      attempts: SERIAL_ATTEMPTS,
      // Items 0 and 1 are the series' counter and the number's guard: another letter took the number, so read again.
      onConditionFailed: (error) => {
        if (!error.failedAt(0) && !error.failedAt(1)) throw new TransferChangedError({ cause: error, detail: `issue ${transferId}: condition failed` });
      },
    });
    await tellWorkflow(deps, task);
    return next;
  } catch (error) {
    if (lostRace(error)) throw new LetterSeriesBusyError({ cause: error, detail: `issue ${transferId}: series still moving after ${SERIAL_ATTEMPTS} attempts` });
    throw error;
  }
}

/**
 * An expired letter is cancelled (作废, it keeps its number) and the transfer goes back for a new letter
 * (docs/domain/transfer.md T2, T6): the arrival or receipt step the workflow waits on is completed with 'reissue', so
 * the workflow opens the letter step again.
 */
export async function reissueLetter(deps: ServiceDeps, actor: Actor, transferId: string, input: Record<string, unknown>): Promise<Transfer> {
  const values = parseForm(reissueSchema, input);
  const { transfer } = await loadTransfer(deps, actor, transferId, 'transfer.issue', 'sending');
  if (transfer.version !== values.version) throw new TransferChangedError({ detail: `reissue ${transferId}` });
  const now = deps.clock.now();
  const problems = changeProblems(transfer, 'reissue', now);
  if (problems.length > 0) throw new TransferChangeRefusedError(problems);
  const at = now.toISOString();
  const step = transfer.destination.kind === 'within' ? 'arrival' : 'receipt';
  const { item, task } = await claimStep(deps, transfer, step, { by: actor.id, at, output: { outcome: 'reissue' } });
  const letters = transfer.letters.map((l, i) => (i === transfer.letters.length - 1 ? { ...l, status: 'void' as const, voidedAt: at, voidReason: values.reason } : l));
  const voided = letters.at(-1);
  // A wish to record the receipt once the development case is free was for this letter (T8b).
  const next = nextTransfer(transfer, { status: 'requested', letters, receiptWhenFree: undefined });
  await commitTransfer(deps, transferChange(deps, next, {
    at, action: 'transfer.letter-voided', actor: actor.id, details: { serial: voided ? formatSerial(voided.serialYear, voided.serialNo) : '', reason: values.reason },
  }, [item]), `reissue ${transferId}`);
  await tellWorkflow(deps, task);
  return next;
}
