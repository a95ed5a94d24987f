import { DEFAULT_RULE_SET, defineRuleSet, type DevelopmentRuleSet } from '../../domain/development/rule-set';
import { parseRuleSetForm } from '../../schemas/rule-set-form';
import { queryAll } from '../../store/query-all';
import { RULE_SET_LIST_KEY } from '../../store/rule-sets-repo';
import type { Actor } from '../actor';
import { authorize, loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { saveRuleSet } from '../development/rule-sets';

/**
 * The administrator's rule sets (规则设置). A version, once added, never changes (cases keep the version they started
 * under), so there is no edit: a change is a new version. Every stored rule set is listed (gsi1 `RULESETS`).
 */
export interface RuleSetListing {
  version: string;
  rules: DevelopmentRuleSet;
  createdAt?: string;
  builtIn: boolean;
}

export async function listRuleSets(deps: Pick<ServiceDeps, 'store'>, actor: Actor): Promise<RuleSetListing[]> {
  authorize(actor, 'ruleset.manage', undefined, await loadOrgTree(deps.store));
  return ruleSetsInStore(deps);
}

/** The built-in rule set and every stored version (what a new case may be opened under); no authorization of its own. */
export async function ruleSetsInStore(deps: Pick<ServiceDeps, 'store'>): Promise<RuleSetListing[]> {
  const items = await queryAll<{ version: string; overrides: Partial<DevelopmentRuleSet>; createdAt: string }>(deps.store, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :key',
    ExpressionAttributeValues: { ':key': RULE_SET_LIST_KEY },
  });
  const stored = items.map((item) => ({ version: item.version, rules: defineRuleSet({ ...item.overrides, ruleSetVersion: item.version }), createdAt: item.createdAt, builtIn: false }));
  return [{ version: DEFAULT_RULE_SET.ruleSetVersion, rules: DEFAULT_RULE_SET, builtIn: true }, ...stored.sort((a, b) => a.version.localeCompare(b.version))];
}

/** Adds a rule set from the form: validated field by field, then stored by saveRuleSet (a version that exists is refused). */
export async function addRuleSet(deps: ServiceDeps, actor: Actor, form: Record<string, string>): Promise<DevelopmentRuleSet> {
  return saveRuleSet(deps, actor, parseRuleSetForm(form));
}
