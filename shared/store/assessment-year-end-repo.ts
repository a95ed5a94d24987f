import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { AdjustmentEntry } from '../domain/assessment/year-end-results';
import type { AssessmentYearEnd } from '../domain/assessment/year-end-record';
import { fromItem } from './item';
import { queryAll } from './query-all';
import type { Store } from './store';
import type { TransactItem } from './transact';
import { schemePk } from './assessment-repo';

/**
 * The assessment's year end and its bonus and deduction entries (docs/domain/assessment.md A12–A17), in the single table:
 *   pk AYEAREND#<committeeId>#<year>, sk YEAREND          the year end; its audit in the same partition
 *   pk ASCHEME#<committeeId>#<year>, sk ADJ#<orgId>        an organization's bonus and deduction entries of the year
 * Both are replaced only over the version read (conditional writes).
 */
export const yearEndPk = (committeeId: string, year: number) => `AYEAREND#${committeeId}#${year}`;
const adjustmentsSk = (orgId: string) => `ADJ#${orgId}`;

export interface OrgAdjustments {
  committeeId: string;
  year: number;
  orgId: string;
  entries: AdjustmentEntry[];
  version: number;
}

const yearEndItem = (yearEnd: AssessmentYearEnd) => ({ pk: yearEndPk(yearEnd.committeeId, yearEnd.year), sk: 'YEAREND', type: 'assessment-year-end', ...yearEnd });

/** The year end, once per committee and year. */
export function putNewYearEnd(store: Store, yearEnd: AssessmentYearEnd): TransactItem {
  return { Put: { TableName: store.tableName, Item: yearEndItem(yearEnd), ConditionExpression: 'attribute_not_exists(pk)' } };
}

/** Replaces the year end whose stored version is `next.version - 1`. */
export function replaceYearEnd(store: Store, next: AssessmentYearEnd): TransactItem {
  return {
    Put: {
      TableName: store.tableName, Item: yearEndItem(next),
      ConditionExpression: '#version = :previous', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':previous': next.version - 1 },
    },
  };
}

export async function getYearEnd(store: Store, committeeId: string, year: number): Promise<AssessmentYearEnd | undefined> {
  const { Item } = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk: yearEndPk(committeeId, year), sk: 'YEAREND' }, ConsistentRead: true }));
  return Item ? fromItem<AssessmentYearEnd>(Item) : undefined;
}

/** Writes an organization's entries over the version read (version 1: only if none were stored). */
export function putAdjustments(store: Store, next: OrgAdjustments): TransactItem {
  const Item = { pk: schemePk(next.committeeId, next.year), sk: adjustmentsSk(next.orgId), type: 'assessment-adjustments', ...next };
  return next.version === 1
    ? { Put: { TableName: store.tableName, Item, ConditionExpression: 'attribute_not_exists(pk)' } }
    : { Put: { TableName: store.tableName, Item, ConditionExpression: '#version = :previous', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':previous': next.version - 1 } } };
}

/** Every organization's entries of a committee's year. */
export async function listAdjustments(store: Store, committeeId: string, year: number): Promise<OrgAdjustments[]> {
  const items = await queryAll(store, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': schemePk(committeeId, year), ':p': 'ADJ#' },
    ConsistentRead: true,
  });
  return items.map((item) => fromItem<OrgAdjustments>(item));
}

export async function getAdjustments(store: Store, committeeId: string, year: number, orgId: string): Promise<OrgAdjustments | undefined> {
  const { Item } = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk: schemePk(committeeId, year), sk: adjustmentsSk(orgId) }, ConsistentRead: true }));
  return Item ? fromItem<OrgAdjustments>(Item) : undefined;
}
