import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ThrottleState } from '../domain/accounts/sign-in-throttle';
import { queryAll } from './query-all';
import type { Store } from './store';
import { conditionFailed, type TransactItem } from './transact';

/**
 * Sign-in failures (see domain/accounts/sign-in-throttle.ts), one record per typed username and per client address:
 *   pk THROTTLE#<user|address>#<value>, sk THROTTLE   failures, lastFailureAtMs; TTL expiresAt
 *   gsi1pk THROTTLES, gsi1sk <kind>#<value>           the list an administrator unlocks from
 */
export type ThrottleKind = 'user' | 'address';

export interface ThrottleRecord extends ThrottleState {
  kind: ThrottleKind;
  value: string;
}

const key = (kind: ThrottleKind, value: string) => ({ pk: `THROTTLE#${kind}#${value}`, sk: 'THROTTLE' });

export async function getThrottle(store: Store, kind: ThrottleKind, value: string): Promise<ThrottleState | undefined> {
  const { Item } = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: key(kind, value), ConsistentRead: true }));
  return Item ? { failures: Number(Item.failures), lastFailureAtMs: Number(Item.lastFailureAtMs) } : undefined;
}

/**
 * Stores the state after a failure, only over the state it was computed from (false when another attempt wrote first:
 * read again and retry).
 */
export async function putThrottle(store: Store, kind: ThrottleKind, value: string, next: ThrottleState, previous: ThrottleState | undefined, expiresAtMs: number): Promise<boolean> {
  try {
    await store.doc.send(
      new PutCommand({
        TableName: store.tableName,
        Item: { ...key(kind, value), gsi1pk: 'THROTTLES', gsi1sk: `${kind}#${value}`, type: 'throttle', kind, value, ...next, expiresAt: Math.ceil(expiresAtMs / 1000) },
        ConditionExpression: previous ? 'lastFailureAtMs = :last AND failures = :failures' : 'attribute_not_exists(pk)',
        ExpressionAttributeValues: previous ? { ':last': previous.lastFailureAtMs, ':failures': previous.failures } : undefined,
      }),
    );
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}

export async function deleteThrottle(store: Store, kind: ThrottleKind, value: string): Promise<void> {
  await store.doc.send(new DeleteCommand({ TableName: store.tableName, Key: key(kind, value) }));
}

/** Every stored failure record (the caller keeps those still in force). */
export async function listThrottles(store: Store): Promise<ThrottleRecord[]> {
  const items = await queryAll(store, { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': 'THROTTLES' } });
  return items.map((item) => ({ kind: item.kind as ThrottleKind, value: String(item.value), failures: Number(item.failures), lastFailureAtMs: Number(item.lastFailureAtMs) }));
}

/** Removes a record as a transaction item (an administrator's unlock, with its audit event). */
export function deleteThrottleItem(store: Store, kind: ThrottleKind, value: string): TransactItem {
  return { Delete: { TableName: store.tableName, Key: key(kind, value) } };
}
