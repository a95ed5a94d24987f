import type { AssessmentYearEnd } from '../../domain/assessment';
import { auditPut, type AuditEvent } from '../../store/audit';
import { replaceYearEnd, yearEndPk } from '../../store/assessment-year-end-repo';
import type { Store } from '../../store/store';
import type { TransactItem } from '../../store/transact';

/** The next version of a year end (changes applied, version + 1). */
export const nextYearEnd = (yearEnd: AssessmentYearEnd, changes: Partial<AssessmentYearEnd>): AssessmentYearEnd => ({ ...yearEnd, ...changes, version: yearEnd.version + 1 });

/** The items that change a year end: its next version and its audit event, plus any others (a claimed task). */
export function yearEndChange(store: Store, next: AssessmentYearEnd, event: AuditEvent, others: TransactItem[] = []): TransactItem[] {
  return [...others, replaceYearEnd(store, next), auditPut(store, yearEndPk(next.committeeId, next.year), event)];
}
