import { DevelopmentInputError } from '../../domain/development/check-result';
import { DEFAULT_RULE_SET, defineRuleSet, type DevelopmentRuleSet } from '../../domain/development/rule-set';
import { parseRuleSetForm } from '../../schemas/rule-set-form';
import { auditPut } from '../../store/audit';
import { queryAll } from '../../store/query-all';
import { putNewRuleSet, ruleSetPk } from '../../store/rule-sets-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { Actor } from '../actor';
import { authorize, loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { InputInvalidError } from '../errors';

/**
 * The administrator's rule sets (规则设置). A version, once added, never changes (cases keep the version they started
 * under), so there is no edit: a change is a new version. Stored rule sets carry `gsi1` `RULESETS` / `<version>` so
 * they can be listed (the item itself is the backend's `putNewRuleSet`).
 */
export interface RuleSetListing {
  version: string;
  rules: DevelopmentRuleSet;
  createdAt?: string;
  builtIn: boolean;
}

const LIST_KEY = 'RULESETS';

export async function listRuleSets(deps: Pick<ServiceDeps, 'store'>, actor: Actor): Promise<RuleSetListing[]> {
  authorize(actor, 'ruleset.manage', undefined, await loadOrgTree(deps.store));
  const items = await queryAll<{ version: string; overrides: Partial<DevelopmentRuleSet>; createdAt: string }>(deps.store, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :key',
    ExpressionAttributeValues: { ':key': LIST_KEY },
  });
  const stored = items.map((item) => ({ version: item.version, rules: defineRuleSet({ ...item.overrides, ruleSetVersion: item.version }), createdAt: item.createdAt, builtIn: false }));
  return [{ version: DEFAULT_RULE_SET.ruleSetVersion, rules: DEFAULT_RULE_SET, builtIn: true }, ...stored.sort((a, b) => a.version.localeCompare(b.version))];
}

/** Adds a rule set from the form: validated field by field, then as a whole (defineRuleSet); a version that exists is refused. */
export async function addRuleSet(deps: ServiceDeps, actor: Actor, form: Record<string, string>): Promise<DevelopmentRuleSet> {
  authorize(actor, 'ruleset.manage', undefined, await loadOrgTree(deps.store));
  const overrides = parseRuleSetForm(form);
  let rules: DevelopmentRuleSet;
  try {
    rules = defineRuleSet(overrides);
  } catch (error) {
    if (error instanceof DevelopmentInputError) throw new InputInvalidError({ ruleSet: error.message }, { cause: error });
    throw error;
  }
  const { ruleSetVersion, ...rest } = overrides;
  if (ruleSetVersion === DEFAULT_RULE_SET.ruleSetVersion) throw new InputInvalidError({ ruleSetVersion: '内置的 2014 版规则不能修改，请使用新的版本号。' });
  const at = deps.clock.now().toISOString();
  const put = putNewRuleSet(deps.store, ruleSetVersion, rest, at);
  const listed = { ...put, Put: { ...put.Put!, Item: { ...put.Put!.Item, gsi1pk: LIST_KEY, gsi1sk: ruleSetVersion } } };
  try {
    await transactWrite(deps.store, [listed, auditPut(deps.store, ruleSetPk(ruleSetVersion), { at, action: 'ruleset.created', actor: actor.id, details: { overrides: rest } })]);
  } catch (error) {
    if (error instanceof StoreConditionFailedError) throw new InputInvalidError({ ruleSetVersion: `规则版本“${ruleSetVersion}”已存在；已建立的版本不能修改，请使用新的版本号。` }, { cause: error });
    throw error;
  }
  return rules;
}
