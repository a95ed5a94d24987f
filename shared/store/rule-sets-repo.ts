import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DevelopmentRuleSet } from '../domain/development/rule-set';
import type { Store } from './store';
import type { TransactItem } from './transact';

/**
 * Development rule sets by configuration: pk RULESET#<version>, sk RULESET, attribute `overrides` (on the 2014 defaults),
 * listed under gsi1 `RULESETS` / <version>.
 */
export const RULE_SET_LIST_KEY = 'RULESETS';

export const ruleSetPk = (version: string) => `RULESET#${version}`;

export async function getStoredRuleSet(store: Store, version: string): Promise<Partial<DevelopmentRuleSet> | undefined> {
  const { Item } = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk: ruleSetPk(version), sk: 'RULESET' }, ConsistentRead: true }));
  return Item ? (Item.overrides as Partial<DevelopmentRuleSet>) : undefined;
}

/** A new rule set version (a version never changes once cases use it: refused if present). */
export function putNewRuleSet(store: Store, version: string, overrides: Partial<DevelopmentRuleSet>, at: string): TransactItem {
  return {
    Put: {
      TableName: store.tableName,
      Item: { pk: ruleSetPk(version), sk: 'RULESET', gsi1pk: RULE_SET_LIST_KEY, gsi1sk: version, type: 'ruleset', version, overrides, createdAt: at },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}
