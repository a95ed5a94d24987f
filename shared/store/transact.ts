import { setTimeout as delay } from 'node:timers/promises';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Store } from './store';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A transaction refused because a condition did not hold; `reasons[i]` is the code for item i ('None' when it passed). */
export class StoreConditionFailedError extends Error {
  constructor(readonly reasons: string[], options?: ErrorOptions) {
    super(`Transaction condition failed: ${reasons.join(', ')}`, options);
    this.name = 'StoreConditionFailedError';
  }

  /** Whether item `index` of the transaction was the one whose condition failed. */
  failedAt(index: number): boolean {
    return this.reasons[index] === 'ConditionalCheckFailed';
  }
}

/** Whether a write was refused by its condition: a single conditional write, or a transaction (StoreConditionFailedError). */
export function conditionFailed(error: unknown): boolean {
  return error instanceof StoreConditionFailedError || (error as { name?: string } | undefined)?.name === 'ConditionalCheckFailedException';
}

const CONFLICT_RETRIES = 10;

/**
 * Writes all items or none (DynamoDB TransactWriteItems), mapping a failed condition to StoreConditionFailedError.
 * A conflict with a concurrent transaction on one of the items (TransactionConflict: nothing was written) is tried
 * again, so that of two requests racing for one guard the loser meets the winner's write as a failed condition.
 * With `measure`, answers the write capacity units the transaction consumed (ReturnConsumedCapacity TOTAL).
 */
export async function transactWrite(store: Store, items: TransactItem[], options: { measure?: boolean } = {}): Promise<number | undefined> {
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await store.doc.send(new TransactWriteCommand({ TransactItems: items, ReturnConsumedCapacity: options.measure ? 'TOTAL' : undefined }));
      return options.measure ? (result.ConsumedCapacity ?? []).reduce((sum, c) => sum + (c.WriteCapacityUnits ?? c.CapacityUnits ?? 0), 0) : undefined;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
      if (reasons.includes('ConditionalCheckFailed')) throw new StoreConditionFailedError(reasons, { cause: error });
      if (!reasons.includes('TransactionConflict') || attempt >= CONFLICT_RETRIES) throw error;
      await delay(5 + Math.random() * 20 * (attempt + 1));
    }
  }
}

/** One attempt of a read-modify-write: the items to write and the answer once they are written, or an answer with nothing to write. */
export type CommitPlan<T> = { write: TransactItem[]; answer: T } | { write?: undefined; answer: T };

export interface CommitOptions {
  /** A condition failed: throw here to answer the person (e.g. "already handled"); return to read again and retry. */
  onConditionFailed?: (error: StoreConditionFailedError) => Promise<void> | void;
  /** How many times to read and write before giving up (default 12). */
  attempts?: number;
}

/** Whether a transaction lost to a concurrent change (a failed condition, or a conflict still there after the retries). */
export function lostRace(error: unknown): boolean {
  return error instanceof StoreConditionFailedError || error instanceof TransactionCanceledException;
}

/**
 * THE read-modify-write loop: `build` reads what it needs and plans the transaction; when the transaction loses a race
 * (something it read changed meanwhile), it pauses briefly and `build` reads again. Other failures are thrown at once.
 */
export async function commitWithRetry<T>(store: Store, build: () => Promise<CommitPlan<T>>, options: CommitOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 12;
  for (let attempt = 1; ; attempt++) {
    const plan = await build();
    if (!plan.write) return plan.answer;
    try {
      await transactWrite(store, plan.write);
      return plan.answer;
    } catch (error) {
      if (!lostRace(error)) throw error;
      if (error instanceof StoreConditionFailedError) await options.onConditionFailed?.(error);
      if (attempt >= attempts) throw error;
      await delay(5 + Math.random() * 20 * attempt);
    }
  }
}
