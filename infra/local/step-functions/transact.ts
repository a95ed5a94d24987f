import { setTimeout as delay } from 'node:timers/promises';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Store } from '../../../shared/store/store';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** One of the transaction's conditions did not hold. */
export class TransactionConditionFailedError extends Error {
  constructor(message = 'A condition of the transaction failed', options?: ErrorOptions) {
    super(message, options);
    this.name = 'TransactionConditionFailedError';
  }
}

interface CancellationReason {
  Code?: string;
}

/**
 * Writes the items in one DynamoDB transaction. A failed condition gives
 * TransactionConditionFailedError; a conflict with a concurrent transaction is retried.
 */
export async function transact(store: Store, items: TransactItem[]): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await store.doc.send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (error) {
      const reasons = (error as { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? [];
      if ((error as Error).name !== 'TransactionCanceledException') throw error;
      if (reasons.some((reason) => reason.Code === 'ConditionalCheckFailed')) {
        throw new TransactionConditionFailedError(undefined, { cause: error });
      }
      const conflict = reasons.some((reason) => reason.Code === 'TransactionConflict');
      if (!conflict || attempt >= 20) throw error;
      await delay(5 + Math.random() * 20 * (attempt + 1));
    }
  }
}

/** True for a failed condition of a single conditional write (Put/Update/Delete). */
export function isConditionFailure(error: unknown): boolean {
  return (error as Error)?.name === 'ConditionalCheckFailedException';
}
