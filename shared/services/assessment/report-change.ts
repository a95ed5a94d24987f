import type { AssessmentReport } from '../../domain/assessment';
import { reportPk, replaceReport } from '../../store/assessment-repo';
import { auditPut, type AuditEvent } from '../../store/audit';
import { reportDueEntry } from '../../store/report-due';
import type { Store } from '../../store/store';
import type { TransactItem } from '../../store/transact';

/** The next version of a report (changes applied, version + 1). */
export const nextReport = (report: AssessmentReport, changes: Partial<AssessmentReport>): AssessmentReport => ({ ...report, ...changes, version: report.version + 1 });

/**
 * The items that change a report: its next version, its entry in the due index (the scheduler's reminders,
 * docs/domain/scheduler.md) and its audit event, plus any others (a claimed task).
 */
export function reportChange(store: Store, next: AssessmentReport, event: AuditEvent, others: TransactItem[] = []): TransactItem[] {
  return [...others, replaceReport(store, next), reportDueEntry(store, next), auditPut(store, reportPk(next.committeeId, next.periodKey, next.orgId), event)];
}
