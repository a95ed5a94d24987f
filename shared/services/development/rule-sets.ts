import { DevelopmentInputError } from '../../domain/development/check-result';
import { DEFAULT_RULE_SET, defineRuleSet, type DevelopmentRuleSet } from '../../domain/development/rule-set';
import { auditPut } from '../../store/audit';
import { getStoredRuleSet, putNewRuleSet, ruleSetPk } from '../../store/rule-sets-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { Actor } from '../actor';
import { authorize, loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { InputInvalidError, RecordNotFoundError } from '../../errors';

/** The rule set of a version: a stored one (validated on the defaults), or the built-in '2014'. */
export async function getRuleSet(deps: Pick<ServiceDeps, 'store'>, version: string = DEFAULT_RULE_SET.ruleSetVersion): Promise<DevelopmentRuleSet> {
  const stored = await getStoredRuleSet(deps.store, version);
  if (stored) return defineRuleSet({ ...stored, ruleSetVersion: version });
  if (version === DEFAULT_RULE_SET.ruleSetVersion) return DEFAULT_RULE_SET;
  throw new RecordNotFoundError(`规则版本“${version}”`);
}

/** An administrator adds a rule set version (overrides on the 2014 rules), validated; a version is never changed. */
export async function saveRuleSet(deps: ServiceDeps, actor: Actor, overrides: Partial<DevelopmentRuleSet> & { ruleSetVersion: string }): Promise<DevelopmentRuleSet> {
  authorize(actor, 'ruleset.manage', undefined, await loadOrgTree(deps.store));
  let rules: DevelopmentRuleSet;
  try {
    rules = defineRuleSet(overrides);
  } catch (error) {
    if (error instanceof DevelopmentInputError) throw new InputInvalidError({ ruleSet: error.message }, { cause: error });
    throw error;
  }
  if (rules.ruleSetVersion === DEFAULT_RULE_SET.ruleSetVersion) throw new InputInvalidError({ ruleSetVersion: '内置的 2014 版规则不能修改，请使用新的版本号。' });
  const at = deps.clock.now().toISOString();
  const { ruleSetVersion, ...rest } = overrides;
  try {
    await transactWrite(deps.store, [
      putNewRuleSet(deps.store, ruleSetVersion, rest, at),
      auditPut(deps.store, ruleSetPk(ruleSetVersion), { at, action: 'ruleset.created', actor: actor.id, details: { overrides: rest } }),
    ]);
  } catch (error) {
    if (error instanceof StoreConditionFailedError) throw new InputInvalidError({ ruleSetVersion: `规则版本“${ruleSetVersion}”已存在；已建立的版本不能修改，请使用新的版本号。` }, { cause: error });
    throw error;
  }
  return rules;
}
