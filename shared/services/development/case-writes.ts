import type { DevelopmentCase, StepRecord } from '../../domain/development/case';
import { auditPut } from '../../store/audit';
import { casePk, getCase, releaseCaseGuard, replaceCase } from '../../store/cases-repo';
import type { TransactItem } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { RecordNotFoundError } from '../../errors';
import { caseCountItems, caseListingPath } from './case-counts';
import { caseDueItem, closedCaseDueItem } from './case-wake';

export async function loadCase(deps: Pick<ServiceDeps, 'store'>, caseId: string): Promise<DevelopmentCase> {
  const found = await getCase(deps.store, caseId);
  if (!found) throw new RecordNotFoundError('该发展党员案件');
  return found;
}

/**
 * What closing a case writes besides the case itself: the person's open-case marker is closed, so a new application
 * can open a new case, and its due-index entry is deleted (docs/domain/scheduler.md). Every way a case closes (the last stage, a founded objection, a cancelled probation, ending it
 * by staff) goes through here, in the transaction that closes the case.
 */
export function closeCaseItems(deps: Pick<ServiceDeps, 'store'>, closed: DevelopmentCase): TransactItem[] {
  return [releaseCaseGuard(deps.store, closed), closedCaseDueItem(deps, closed)];
}

/**
 * The items that replace the case (version check) with its audit event, its entry in the due index (its wake
 * date moved: docs/domain/scheduler.md; without `done`, a lower bound) and the dashboard's counters it moves between
 * (case-counts.ts); a closed case gets closeCaseItems instead of the entry.
 */
export async function caseChangeItems(
  deps: Pick<ServiceDeps, 'store' | 'clock'>,
  previous: DevelopmentCase,
  next: DevelopmentCase,
  event: { at: string; action: string; actor: string; details?: Record<string, unknown> },
  /** The scheduler's events of the case already done, when the scheduler makes the change. */
  done?: ReadonlySet<string>,
): Promise<TransactItem[]> {
  return [
    replaceCase(deps.store, next, previous.version, previous, await caseListingPath(deps, previous, next)),
    auditPut(deps.store, casePk(next.id), event),
    ...(await caseCountItems(deps, previous, next)),
    ...(previous.status === 'active' && next.status !== 'active' ? closeCaseItems(deps, next) : [await caseDueItem(deps, next, done)]),
  ];
}

/** The task of a form step the stage execution waits on (one per case, step and attempt). */
export const developmentTaskId = (caseId: string, stepKey: string, attempt: number) => `dev-${caseId}-${stepKey}-${attempt}`;

/** A system record (approval, filing) of a step. */
export function systemRecord(devCase: DevelopmentCase, partial: Pick<StepRecord, 'stepNo' | 'stepKey' | 'at' | 'values'> & Partial<StepRecord>): StepRecord {
  return { caseId: devCase.id, stage: devCase.stage, attempt: devCase.attempt, actorId: 'system', actorName: '系统', attachments: [], explanations: [], ...partial };
}
