import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll } from './query-all';
import type { Store } from './store';
import type { TransactItem } from './transact';

/**
 * Guards of the "at most one X per Y" rules (shared/store/README.md). A guard is one item per Y,
 * pk GUARD#<rule>#<scope>, sk GUARD, holding the ids of the X that hold it in the string set `holders`:
 * - claimed in the transaction that creates X, only if nobody holds it or X already does (a retry);
 * - released in the transaction that ends X, by deleting X from the set (never fails: a guard X does not hold is
 *   left as it is, so an X that predates its guard, or one of two duplicates found by `dangjian check`, can end).
 * A set rather than one id: duplicates that predate the guard are recorded as they are, and the guard is free only
 * once every one of them has ended. The items carry gsi1 GUARDS / <rule>#<scope> so `dangjian check` lists them.
 */
export type GuardRule = 'election' | 'notice' | 'transfer' | 'letter' | 'evaluation';

export interface GuardKey {
  rule: GuardRule;
  scope: string;
}

const GUARD_SK = 'GUARD';
const GUARDS_KEY = 'GUARDS';
export const guardPk = (key: GuardKey) => `GUARD#${key.rule}#${key.scope}`;

/**
 * The one update every guard change is: the guard item's attributes (and its gsi1 listing) set, and `holder` added to
 * or deleted from `holders`, under an optional condition.
 */
function holderUpdate(store: Store, key: GuardKey, holder: string, change: 'ADD' | 'DELETE', condition?: string): TransactItem {
  return {
    Update: {
      TableName: store.tableName,
      Key: { pk: guardPk(key), sk: GUARD_SK },
      UpdateExpression: `SET #type = :type, #rule = :rule, #scope = :scope, gsi1pk = :list, gsi1sk = :listSk ${change} holders :holder`,
      ...(condition ? { ConditionExpression: condition } : {}),
      ExpressionAttributeNames: { '#type': 'type', '#rule': 'rule', '#scope': 'scope' },
      ExpressionAttributeValues: {
        ':type': 'guard', ':rule': key.rule, ':scope': key.scope, ':list': GUARDS_KEY, ':listSk': `${key.rule}#${key.scope}`,
        ':holder': new Set([holder]), ...(condition ? { ':id': holder } : {}),
      },
    },
  };
}

/** Claims the guard for `holder`: refused (ConditionalCheckFailed) while another X holds it. */
export function claimGuard(store: Store, key: GuardKey, holder: string): TransactItem {
  return holderUpdate(store, key, holder, 'ADD', 'attribute_not_exists(holders) OR contains(holders, :id)');
}

/**
 * Records `holder` in the guard whoever else holds it: only for `dangjian check`, which adds the X that predate
 * their guard, each with a condition on the X that it is still running or open.
 */
export function recordGuardHolder(store: Store, key: GuardKey, holder: string): TransactItem {
  return holderUpdate(store, key, holder, 'ADD');
}

/** Releases `holder`'s claim (a no-op when it holds none). */
export function releaseGuard(store: Store, key: GuardKey, holder: string): TransactItem {
  return holderUpdate(store, key, holder, 'DELETE');
}

export interface Guard extends GuardKey {
  holders: string[];
}

function toGuard(item: Record<string, unknown>): Guard {
  const holders = item.holders instanceof Set ? [...(item.holders as Set<string>)] : [];
  return { rule: item.rule as GuardRule, scope: item.scope as string, holders: holders.sort() };
}

export async function getGuard(store: Store, key: GuardKey): Promise<Guard | undefined> {
  const { Item } = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk: guardPk(key), sk: GUARD_SK }, ConsistentRead: true }));
  return Item ? toGuard(Item) : undefined;
}

/** Every guard (free ones too: a released guard stays, without holders). */
export async function listGuards(store: Store): Promise<Guard[]> {
  const items = await queryAll(store, { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :key', ExpressionAttributeValues: { ':key': GUARDS_KEY } });
  return items.map(toGuard);
}
