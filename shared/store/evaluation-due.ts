import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Evaluation } from '../domain/evaluation/evaluation';
import { nextFollowUpWake } from '../domain/evaluation/follow-up';
import { dueEntryItem, setDueEntry } from './due-index';
import { evaluationPk } from './evaluations-repo';
import type { Store } from './store';
import { StoreConditionFailedError, transactWrite, type TransactItem } from './transact';

/**
 * An evaluation's entry in the due index (kind `evaluation`, docs/domain/scheduler.md): `EVALUATION#<id>` / `DUE`,
 * listed under `DUE#evaluation` by its wake date (China date: its next follow-up reminder, `nextFollowUpWake`). Written
 * with every change of the evaluation (`evaluationChange`), counting nothing as sent (a lower bound); deleted when
 * the evaluation is not in its follow-up or nothing is left to remind.
 */
export function evaluationDueTarget(evaluation: Evaluation, wakeAt: string | undefined) {
  return { kind: 'evaluation' as const, pk: evaluationPk(evaluation.id), id: evaluation.id, wakeAt, version: evaluation.version };
}

/** The entry written in the evaluation's own transaction (its write holds the version check). */
export function evaluationDueEntry(store: Store, evaluation: Evaluation): TransactItem {
  return setDueEntry(store, evaluationDueTarget(evaluation, nextFollowUpWake(evaluation)));
}

/** The marker of a follow-up reminder sent: `EVALREMIND#<evaluationId>` / `<personId>#<kind>#<dueDate>#<level>` (followUpReminderKey). */
export const followUpMarkerKey = (evaluationId: string, key: string) => ({ pk: `EVALREMIND#${evaluationId}`, sk: key });

/** The follow-up reminders already sent for an evaluation: their keys. */
export async function listFollowUpRemindersSent(store: Store, evaluationId: string): Promise<Set<string>> {
  const keys = new Set<string>();
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await store.doc.send(new QueryCommand({
      TableName: store.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `EVALREMIND#${evaluationId}` }, ConsistentRead: true, ProjectionExpression: 'sk', ExclusiveStartKey,
    }));
    for (const item of page.Items ?? []) keys.add(String(item.sk));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return keys;
}

/**
 * The backfill's entry of an evaluation stored before the index: only if it has none and the evaluation is still at
 * the version read (a change since wrote its own, or deleted it). False when refused.
 */
export async function backfillEvaluationEntry(store: Store, evaluation: Evaluation, wakeAt: string): Promise<boolean> {
  const target = evaluationDueTarget(evaluation, wakeAt);
  try {
    await transactWrite(store, [
      { ConditionCheck: { TableName: store.tableName, Key: { pk: target.pk, sk: 'EVALUATION' }, ConditionExpression: 'version = :version', ExpressionAttributeValues: { ':version': evaluation.version } } },
      { Put: { TableName: store.tableName, Item: dueEntryItem({ ...target, wakeAt }), ConditionExpression: 'attribute_not_exists(pk)' } },
    ]);
    return true;
  } catch (error) {
    if (error instanceof StoreConditionFailedError) return false;
    throw error;
  }
}
