import { queryAll } from './query-all';
import type { Store } from './store';
import type { TransactItem } from './transact';

/**
 * Requests to end an election awaiting the higher committee's decision, one item each in one partition, so the
 * scheduler applies decided ones with one query:
 *   pk ELECTION-END-REQUESTS, sk <electionId>     { electionId, approvalId }
 */
const PK = 'ELECTION-END-REQUESTS';

export interface PendingElectionEnd {
  electionId: string;
  approvalId: string;
}

/** Written with the request (condition: none pending for the election). */
export function putPendingElectionEnd(store: Store, pending: PendingElectionEnd): TransactItem {
  return { Put: { TableName: store.tableName, Item: { pk: PK, sk: pending.electionId, type: 'election-end-request', ...pending }, ConditionExpression: 'attribute_not_exists(pk)' } };
}

/** Removed with the decision's effect (condition: still pending, so it is applied once). */
export function deletePendingElectionEnd(store: Store, electionId: string): TransactItem {
  return { Delete: { TableName: store.tableName, Key: { pk: PK, sk: electionId }, ConditionExpression: 'attribute_exists(pk)' } };
}

export async function listPendingElectionEnds(store: Store): Promise<PendingElectionEnd[]> {
  const items = await queryAll<PendingElectionEnd>(store, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': PK }, ConsistentRead: true });
  return items.map(({ electionId, approvalId }) => ({ electionId, approvalId }));
}
