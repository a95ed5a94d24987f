import type { Evaluation } from '../../domain/evaluation/evaluation';
import { auditPut, type AuditEvent } from '../../store/audit';
import { evaluationDueEntry } from '../../store/evaluation-due';
import { evaluationPk, replaceEvaluation } from '../../store/evaluations-repo';
import type { Store } from '../../store/store';
import type { TransactItem } from '../../store/transact';

/** The next version of an evaluation (changes applied, version + 1). */
export function nextVersion(evaluation: Evaluation, changes: Partial<Evaluation>): Evaluation {
  return { ...evaluation, ...changes, version: evaluation.version + 1 };
}

/**
 * The items that change an evaluation: its next version, its entry in the due index (the scheduler's follow-up
 * reminders, docs/domain/scheduler.md) and the audit event, plus any others.
 */
export function evaluationChange(store: Store, next: Evaluation, event: AuditEvent, others: TransactItem[] = []): TransactItem[] {
  return [...others, replaceEvaluation(store, next), evaluationDueEntry(store, next), auditPut(store, evaluationPk(next.id), event)];
}
