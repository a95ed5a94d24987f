import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { AssessmentReport } from '../domain/assessment/assessment-report';
import type { Scheme } from '../domain/assessment';
import { queryAll } from './query-all';
import type { Store } from './store';
import type { TransactItem } from './transact';
import { fromItem } from './item';

/**
 * The target assessment (党建工作目标考核, docs/domain/assessment.md), in the single table:
 *   pk ASCHEME#<committeeId>#<year>, sk V#<nnn>              a scheme version; gsi1 ASCHEMES / <year>#<committeeId>#<nnn>
 *   pk ASCHEME#<committeeId>#<year>, sk OPENED#<periodKey>   the period was opened (the tick writes it once)
 *   pk ASCHEME#<committeeId>#<year>, sk CIRCULAR#<periodKey> the period's circular was published (once)
 *   pk ASCHEME#<committeeId>#<year>, sk SCORED#<periodKey>   how many of the period's reports are scored (`scored`, added to in each score's transaction)
 *   pk ASCHEME#<committeeId>#<year>, sk REVIEWREMIND#<kind>#<periodKey> the committee's reminder / warning of the review deadline (once each)
 *   pk ASCHEME#<committeeId>#<year>, sk AUDIT#…              the scheme's audit trail
 *   pk ASCHEME#<committeeId>#<year>, sk DUE                 the year's entry in the due index: its next period opening (period-due.ts)
 *   pk AREPORT#<committeeId>#<periodKey>#<orgId>, sk REPORT  a report; gsi1 ABOARD#<committeeId>#<year> / <periodKey>#<orgId>;
 *                                                            gsi2 ORG#<orgId>#assessment / <periodKey>#<committeeId>; its audit in the same partition
 *   pk AREPORT#…, sk DUE                                     its entry in the due index while it waits on the organization (report-due.ts)
 *   pk AREPORT#…, sk REMIND#<kind>                           the reminder / warning of the report, claimed once (report-reminders.ts)
 *   pk APERIOD#<committeeId>#<periodKey>, sk DUE             the period's review deadline entry in the due index (review-due.ts)
 * Every change of a scheme version or a report is conditioned on its `version` (a report) or its status (a scheme).
 */
export const schemePk = (committeeId: string, year: number) => `ASCHEME#${committeeId}#${year}`;
const versionSk = (version: number) => `V#${String(version).padStart(3, '0')}`;
export const reportPk = (committeeId: string, periodKey: string, orgId: string) => `AREPORT#${committeeId}#${periodKey}#${orgId}`;
const boardKey = (committeeId: string, year: number) => `ABOARD#${committeeId}#${year}`;

function schemeItem(scheme: Scheme): Record<string, unknown> {
  return {
    pk: schemePk(scheme.committeeId, scheme.year), sk: versionSk(scheme.version), type: 'assessment-scheme',
    gsi1pk: 'ASCHEMES', gsi1sk: `${scheme.year}#${scheme.committeeId}#${versionSk(scheme.version)}`, ...scheme,
  };
}

/** A new version (draft): only if that version number is free. */
export function putNewScheme(store: Store, scheme: Scheme): TransactItem {
  return { Put: { TableName: store.tableName, Item: schemeItem(scheme), ConditionExpression: 'attribute_not_exists(pk)' } };
}

/** Replaces a version only while it is a draft (A2): a published version is never written again. */
export function replaceDraftScheme(store: Store, scheme: Scheme): TransactItem {
  return {
    Put: {
      TableName: store.tableName, Item: schemeItem(scheme),
      ConditionExpression: '#status = :draft', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':draft': 'draft' },
    },
  };
}

/** A committee's versions for a year, oldest first. */
export async function listSchemeVersions(store: Store, committeeId: string, year: number): Promise<Scheme[]> {
  const items = await queryAll(store, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
    ExpressionAttributeValues: { ':pk': schemePk(committeeId, year), ':v': 'V#' },
    ConsistentRead: true,
  });
  return items.map((item) => fromItem<Scheme>(item));
}

/** Every scheme version of every committee (the scheduler's one-time backfills and keyings read it, never a tick's openings). */
export async function listAllSchemes(store: Store): Promise<Scheme[]> {
  const items = await queryAll(store, { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :k', ExpressionAttributeValues: { ':k': 'ASCHEMES' } });
  return items.map((item) => fromItem<Scheme>(item));
}

/** A marker of the scheme's partition (OPENED#…, CIRCULAR#…), written once. */
export function putMarker(store: Store, committeeId: string, year: number, marker: string, attributes: Record<string, unknown>): TransactItem {
  return {
    Put: {
      TableName: store.tableName,
      Item: { pk: schemePk(committeeId, year), sk: marker, type: 'assessment-marker', ...attributes },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** The markers of the scheme's partition under `prefix`, with their attributes (`key`: the sort key after the prefix). */
export async function listMarkerItems(store: Store, committeeId: string, year: number, prefix: string): Promise<Array<{ key: string } & Record<string, unknown>>> {
  const items = await queryAll(store, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': schemePk(committeeId, year), ':p': prefix },
    ConsistentRead: true,
  });
  return items.map((item) => ({ ...item, key: String(item.sk).slice(prefix.length) }));
}

export async function listMarkers(store: Store, committeeId: string, year: number, prefix: string): Promise<string[]> {
  const items = await queryAll(store, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': schemePk(committeeId, year), ':p': prefix },
    ConsistentRead: true,
  });
  return items.map((item) => String(item.sk).slice(prefix.length));
}

function reportItem(report: AssessmentReport): Record<string, unknown> {
  return {
    pk: reportPk(report.committeeId, report.periodKey, report.orgId), sk: 'REPORT', type: 'assessment-report',
    gsi1pk: boardKey(report.committeeId, report.year), gsi1sk: `${report.periodKey}#${report.orgId}`,
    gsi2pk: `ORG#${report.orgId}#assessment`, gsi2sk: `${report.periodKey}#${report.committeeId}`,
    ...report,
  };
}

/** A report opened for a period: once per organization and period. */
export function putNewReport(store: Store, report: AssessmentReport): TransactItem {
  return { Put: { TableName: store.tableName, Item: reportItem(report), ConditionExpression: 'attribute_not_exists(pk)' } };
}

/** Replaces the report whose stored version is `next.version - 1`. */
export function replaceReport(store: Store, next: AssessmentReport): TransactItem {
  return {
    Put: {
      TableName: store.tableName, Item: reportItem(next),
      ConditionExpression: '#version = :previous', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':previous': next.version - 1 },
    },
  };
}

export async function getReport(store: Store, committeeId: string, periodKey: string, orgId: string): Promise<AssessmentReport | undefined> {
  const { Item } = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk: reportPk(committeeId, periodKey, orgId), sk: 'REPORT' }, ConsistentRead: true }));
  return Item ? fromItem<AssessmentReport>(Item) : undefined;
}

/** The report stored under its partition key (the scheduler's due entries name it so). */
export async function getReportAt(store: Store, pk: string): Promise<AssessmentReport | undefined> {
  const { Item } = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk, sk: 'REPORT' }, ConsistentRead: true }));
  return Item ? fromItem<AssessmentReport>(Item) : undefined;
}

/** The board: every report of a committee's year (optionally of one period), by period and organization. */
export async function listBoardReports(store: Store, committeeId: string, year: number, periodKey?: string): Promise<AssessmentReport[]> {
  const items = await queryAll(store, {
    IndexName: 'gsi1',
    KeyConditionExpression: periodKey ? 'gsi1pk = :k AND begins_with(gsi1sk, :p)' : 'gsi1pk = :k',
    ExpressionAttributeValues: { ':k': boardKey(committeeId, year), ...(periodKey ? { ':p': `${periodKey}#` } : {}) },
  });
  return items.map((item) => fromItem<AssessmentReport>(item));
}

/** An organization's reports (its assessment file), by period. */
export async function listOrgReports(store: Store, orgId: string): Promise<AssessmentReport[]> {
  const items = await queryAll(store, { IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :k', ExpressionAttributeValues: { ':k': `ORG#${orgId}#assessment` } });
  return items.map((item) => fromItem<AssessmentReport>(item));
}

/** A marker's attributes, or undefined when it was never written. */
export async function getMarker(store: Store, committeeId: string, year: number, marker: string): Promise<Record<string, unknown> | undefined> {
  const { Item } = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk: schemePk(committeeId, year), sk: marker }, ConsistentRead: true }));
  return Item;
}

/** One more report of the period scored: added to the period's counter, in the same transaction as the score. */
export function countScoredReport(store: Store, committeeId: string, year: number, periodKey: string): TransactItem {
  return {
    Update: {
      TableName: store.tableName, Key: { pk: schemePk(committeeId, year), sk: `SCORED#${periodKey}` },
      UpdateExpression: 'SET #type = :type ADD scored :one', ExpressionAttributeNames: { '#type': 'type' }, ExpressionAttributeValues: { ':type': 'assessment-marker', ':one': 1 },
    },
  };
}

/** How many of the period's reports are scored (one item, whatever the number of organizations). */
export async function getScoredCount(store: Store, committeeId: string, year: number, periodKey: string): Promise<number> {
  return Number((await getMarker(store, committeeId, year, `SCORED#${periodKey}`))?.scored ?? 0);
}
