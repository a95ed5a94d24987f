import { chinaDate } from '../../domain/calendar';
import type { DevelopmentCase } from '../../domain/development/case';
import type { DevelopmentRuleSet } from '../../domain/development/rule-set';
import { caseWarnings, warningCountsByStage, type StageCount, type WarningItem } from '../../domain/development/warnings';
import type { Organization } from '../../domain/registry/organization';
import { listOrgCases } from '../../store/cases-repo';
import type { Actor } from '../actor';
import { authorize, loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { RecordNotFoundError } from '../../errors';
import { getRuleSet } from '../development/rule-sets';

/** The member-development dashboard (发展党员工作台) of one organization and those below it, within the actor's scope. */
export interface DevelopmentDashboard {
  org: Pick<Organization, 'id' | 'name'>;
  /** The organizations the actor may pick (their scope), in tree order. */
  orgChoices: Array<Pick<Organization, 'id' | 'name'>>;
  today: string;
  /** Every case of the subtree, newest first; `orgNames` names their organizations. */
  cases: DevelopmentCase[];
  orgNames: Record<string, string>;
  counts: StageCount[];
  warnings: WarningItem[];
  /** Active cases whose next stage may start today or earlier. */
  readyToStart: DevelopmentCase[];
}

type Deps = Pick<ServiceDeps, 'store' | 'clock'>;

/** The rule sets of `cases` by version (each case finishes under the rule set it started with). */
export async function ruleSetsOf(deps: Pick<ServiceDeps, 'store'>, cases: readonly DevelopmentCase[]): Promise<Map<string, DevelopmentRuleSet>> {
  const rules = new Map<string, DevelopmentRuleSet>();
  for (const version of new Set(cases.map((c) => c.ruleSetVersion))) rules.set(version, await getRuleSet(deps, version));
  return rules;
}

/** The cases of an organization's subtree, for an actor allowed to view them there. */
export async function subtreeCases(deps: Deps, actor: Actor, orgId: string) {
  const tree = await loadOrgTree(deps.store);
  if (!tree.get(orgId)) throw new RecordNotFoundError('该组织');
  authorize(actor, 'case.view', orgId, tree);
  const orgIds = tree.subtreeIds(orgId).filter((id) => actor.scopeOrgIds.includes(id));
  const cases = (await Promise.all(orgIds.map((id) => listOrgCases(deps.store, id)))).flat().sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const orgNames = Object.fromEntries(orgIds.map((id) => [id, tree.get(id)?.name ?? id]));
  return { tree, cases, orgNames, org: tree.get(orgId)! };
}

export async function developmentDashboard(deps: Deps, actor: Actor, orgId: string = actor.orgId): Promise<DevelopmentDashboard> {
  const { tree, cases, orgNames, org } = await subtreeCases(deps, actor, orgId);
  const today = chinaDate(deps.clock.now());
  const active = cases.filter((c) => c.status === 'active');
  const rules = await ruleSetsOf(deps, active);
  const input = active.map((c) => ({ caseId: c.id, personName: c.personName, orgId: c.orgId, stage: c.stage, dates: c.dates, version: c.ruleSetVersion }));
  const warnings = caseWarnings(input, today, { rulesOf: (item) => rules.get((item as (typeof input)[number]).version)! });
  const orgChoices = tree.organizations.filter((o) => actor.scopeOrgIds.includes(o.id) && o.status === 'active').map(({ id, name }) => ({ id, name }));
  return {
    org: { id: org.id, name: org.name },
    orgChoices,
    today,
    cases,
    orgNames,
    counts: warningCountsByStage(input, warnings),
    warnings,
    readyToStart: active.filter((c) => c.stageState === 'between' && c.nextStage && c.nextStage.earliestStart <= today),
  };
}
