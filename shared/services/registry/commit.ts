import { chinaDate } from '../../domain/calendar';
import { commitWithRetry, type TransactItem } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { InputInvalidError } from '../../errors';
import { RegistryVersionConflictError } from './errors';

export type RegistryDeps = Pick<ServiceDeps, 'store' | 'clock' | 'newId'>;

/** Writes a version-checked change with its audit event; a failed version condition is a 409 for the person. */
export async function commitChange(deps: RegistryDeps, items: TransactItem[], what: string): Promise<void> {
  await commitWithRetry(deps.store, async () => ({ write: items, answer: undefined }), {
    attempts: 1,
    onConditionFailed: (error) => {
      throw new RegistryVersionConflictError({ cause: error, detail: `${what}: condition failed` });
    },
  });
}

/** The form was filled in on an older version than the one stored. */
export function checkVersion(stored: { version: number }, submitted: number, what: string): void {
  if (stored.version !== submitted) throw new RegistryVersionConflictError({ detail: `${what}: form version ${submitted}, stored ${stored.version}` });
}

/** Today in China (YYYY-MM-DD). */
export function today(deps: Pick<ServiceDeps, 'clock'>): string {
  return chinaDate(deps.clock.now());
}

export function fieldError(field: string, message: string): InputInvalidError {
  return new InputInvalidError({ [field]: message });
}
