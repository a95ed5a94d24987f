import { chinaDate } from '../../domain/calendar';
import type { DevelopmentCase } from '../../domain/development/case';
import { nextCaseWake } from '../../domain/development/wake';
import { casePk } from '../../store/cases-repo';
import { setDueEntry, type DueTarget } from '../../store/due-index';
import type { TransactItem } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { getRuleSet } from './rule-sets';

/**
 * A case's entry in the due index (docs/domain/scheduler.md): its wake date under its rule set on today's China
 * date, given the scheduler events already done (`done`; a change of the case passes none: a lower bound).
 */
export async function caseDueTarget(deps: Pick<ServiceDeps, 'store' | 'clock'>, devCase: DevelopmentCase, done: ReadonlySet<string> = new Set()): Promise<DueTarget> {
  const wakeAt = devCase.status === 'active' ? nextCaseWake(devCase, await getRuleSet(deps, devCase.ruleSetVersion), chinaDate(deps.clock.now()), done) : undefined;
  return { kind: 'case', pk: casePk(devCase.id), id: devCase.id, wakeAt, version: devCase.version };
}

/** The entry written in the transaction of a change of the case (put with its wake date, or deleted). */
export async function caseDueItem(deps: Pick<ServiceDeps, 'store' | 'clock'>, devCase: DevelopmentCase, done?: ReadonlySet<string>): Promise<TransactItem> {
  return setDueEntry(deps.store, await caseDueTarget(deps, devCase, done));
}

/** A closed case has nothing left for the scheduler: its entry is deleted in the transaction that closes it. */
export function closedCaseDueItem(deps: Pick<ServiceDeps, 'store'>, closed: DevelopmentCase): TransactItem {
  return setDueEntry(deps.store, { kind: 'case', pk: casePk(closed.id), id: closed.id, wakeAt: undefined, version: closed.version });
}
