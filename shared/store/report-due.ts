import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { nextReportWake } from '../domain/assessment/reminder-wake';
import type { AssessmentReport } from '../domain/assessment/assessment-report';
import { dueEntryItem, setDueEntry } from './due-index';
import { reportPk } from './assessment-repo';
import type { Store } from './store';
import { StoreConditionFailedError, transactWrite, type TransactItem } from './transact';

/**
 * A report's entry in the due index (kind `report`, docs/domain/scheduler.md): `AREPORT#…` / `DUE`, listed under
 * `DUE#report` by its wake instant (`nextReportWake`: the reminder before the due instant, the warning after it).
 * Written with every change of the report (`reportChange`, the report's opening), counting nothing as sent (a lower
 * bound); deleted once the report no longer waits on the organization.
 */
export const reportEntryId = (report: Pick<AssessmentReport, 'committeeId' | 'periodKey' | 'orgId'>) => `${report.committeeId}#${report.periodKey}#${report.orgId}`;

export function reportDueTarget(report: AssessmentReport, wakeAt: string | undefined) {
  return { kind: 'report' as const, pk: reportPk(report.committeeId, report.periodKey, report.orgId), id: reportEntryId(report), wakeAt, version: report.version };
}

/** The entry written in the report's own transaction (its write holds the version check). */
export function reportDueEntry(store: Store, report: AssessmentReport): TransactItem {
  return setDueEntry(store, reportDueTarget(report, nextReportWake(report)));
}

/** The reminders already claimed for a report (markers `REMIND#<kind>` in its partition): their kinds. */
export async function listReportRemindersSent(store: Store, pk: string): Promise<Set<string>> {
  const { Items = [] } = await store.doc.send(new QueryCommand({
    TableName: store.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', ExpressionAttributeValues: { ':pk': pk, ':p': 'REMIND#' }, ConsistentRead: true, ProjectionExpression: 'sk',
  }));
  return new Set(Items.map((item) => String(item.sk).slice('REMIND#'.length)));
}

/**
 * The backfill's entry of a report stored before the index: only if the report has none and is still at the version
 * read (a change since wrote its own, or deleted it). False when refused.
 */
export async function backfillReportEntry(store: Store, report: AssessmentReport, wakeAt: string): Promise<boolean> {
  const target = reportDueTarget(report, wakeAt);
  try {
    await transactWrite(store, [
      { ConditionCheck: { TableName: store.tableName, Key: { pk: target.pk, sk: 'REPORT' }, ConditionExpression: 'version = :version', ExpressionAttributeValues: { ':version': report.version } } },
      { Put: { TableName: store.tableName, Item: dueEntryItem({ ...target, wakeAt }), ConditionExpression: 'attribute_not_exists(pk)' } },
    ]);
    return true;
  } catch (error) {
    if (error instanceof StoreConditionFailedError) return false;
    throw error;
  }
}
