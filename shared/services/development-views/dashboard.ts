import { chinaDate } from '../../domain/calendar';
import type { DevelopmentCase } from '../../domain/development/case';
import { sumStageCounts } from '../../domain/development/case-counts';
import type { DevelopmentRuleSet } from '../../domain/development/rule-set';
import type { StageNo } from '../../domain/development/steps';
import { caseWarnings, warningCountsByStage, type WarningItem } from '../../domain/development/warnings';
import type { Organization } from '../../domain/registry/organization';
import { listCaseCounters, type CaseCounter } from '../../store/case-counts-repo';
import { listActiveCasesUnder, listOrgCases } from '../../store/cases-repo';
import { orgPickerChoices } from '../../domain/registry/org-picker';
import { canActIn, type Actor } from '../actor';
import type { ServiceDeps } from '../deps';
import { getRuleSet } from '../development/rule-sets';
import { readyCaseCounters } from '../development/case-counts';
import { caseScope } from './cases';

/**
 * The warnings (预警) are worked out from the active cases themselves (they change with the date), so the dashboard
 * reads those cases only when its subtree has at most this many (the counters say how many, and in which
 * organizations); above that (a working committee over its agencies) it shows the counts per stage and per
 * organization below, and each one's dashboard its warnings.
 */
export const WARNING_CASE_LIMIT = 200;

/** Active cases per stage; the warning counts when the warnings were worked out. */
export interface StageRow {
  stage: StageNo;
  cases: number;
  overdue?: number;
  dueSoon?: number;
  reached?: number;
}

/** An organization directly below, with the active cases of its subtree. */
export interface BelowRow {
  org: Pick<Organization, 'id' | 'name'>;
  cases: number;
}

/** The member-development dashboard (发展党员工作台) of one organization and those below it, within the actor's scope. */
export interface DevelopmentDashboard {
  org: Pick<Organization, 'id' | 'name'>;
  /** The organizations the actor may pick (orgPickerChoices: their scope, or the way here and one level below). */
  orgChoices: Array<Pick<Organization, 'id' | 'name'>>;
  today: string;
  /** From the counters kept with each case change (case-counts.ts). */
  counts: StageRow[];
  below: BelowRow[];
  /** Active cases of the subtree. */
  activeCases: number;
  /** Undefined when the subtree has more than WARNING_CASE_LIMIT active cases. */
  warnings?: WarningItem[];
  /** Active cases whose next stage may start today or earlier (undefined with the warnings). */
  readyToStart?: DevelopmentCase[];
  orgNames: Record<string, string>;
}

type Deps = Pick<ServiceDeps, 'store' | 'clock'>;

/** The rule sets of `cases` by version (each case finishes under the rule set it started with). */
export async function ruleSetsOf(deps: Pick<ServiceDeps, 'store'>, cases: readonly DevelopmentCase[]): Promise<Map<string, DevelopmentRuleSet>> {
  const rules = new Map<string, DevelopmentRuleSet>();
  for (const version of new Set(cases.map((c) => c.ruleSetVersion))) rules.set(version, await getRuleSet(deps, version));
  return rules;
}

const total = (counter: CaseCounter) => Object.values(counter.counts).reduce((sum, n) => sum + (n ?? 0), 0);

/**
 * The active cases of the counters' organizations: one range of the active cases listed under `prefix`, each kept
 * where its organization is in scope at the path it is listed under. An organization whose cases found there differ
 * from its counter (cases listed before their organization moved, or before listing by path) has its cases read
 * from the organization instead.
 */
async function activeCasesOf(deps: Deps, prefix: string, inScope: ReadonlyMap<string, string>, counters: readonly CaseCounter[]): Promise<DevelopmentCase[]> {
  const listed = (await listActiveCasesUnder(deps.store, prefix)).filter(({ devCase, path }) => inScope.get(devCase.orgId) === path).map(({ devCase }) => devCase);
  const found = new Map<string, number>();
  for (const devCase of listed) found.set(devCase.orgId, (found.get(devCase.orgId) ?? 0) + 1);
  const readAgain = new Set(counters.filter((c) => found.get(c.orgId) !== total(c)).map((c) => c.orgId));
  const fromOrgs = await Promise.all([...readAgain].map((id) => listOrgCases(deps.store, id)));
  return [...listed.filter((c) => !readAgain.has(c.orgId)), ...fromOrgs.flat().filter((c) => c.status === 'active')];
}

export async function developmentDashboard(deps: Deps, actor: Actor, orgId: string = actor.orgId): Promise<DevelopmentDashboard> {
  const { tree, org, orgs } = await caseScope(deps, actor, orgId);
  await readyCaseCounters(deps, tree);
  const inScope = new Map(orgs.map((o) => [o.id, o.path]));
  // Listed by the path stored with each counter; kept only where the tree (read for this request) agrees.
  const counters = (await listCaseCounters(deps.store, tree.pathOf(orgId))).filter((c) => inScope.get(c.orgId) === c.path && total(c) > 0);
  const byStage = sumStageCounts(counters.map((c) => c.counts));
  const today = chinaDate(deps.clock.now());
  const below = tree.childrenOf(orgId).filter((child) => inScope.has(child.id)).map((child) => ({
    org: { id: child.id, name: child.name },
    cases: counters.filter((c) => c.path.startsWith(inScope.get(child.id)!)).reduce((sum, c) => sum + total(c), 0),
  }));
  const orgChoices = orgPickerChoices(tree, (id) => canActIn(actor, id), orgId);
  const activeCases = counters.reduce((sum, c) => sum + total(c), 0);
  const common = { org: { id: org.id, name: org.name }, orgChoices, today, below, activeCases };
  if (activeCases > WARNING_CASE_LIMIT) {
    return { ...common, counts: ([1, 2, 3, 4, 5] as const).map((stage) => ({ stage, cases: byStage[stage] })), orgNames: {} };
  }
  const active = await activeCasesOf(deps, tree.pathOf(orgId)!, inScope, counters);
  const rules = await ruleSetsOf(deps, active);
  const input = active.map((c) => ({ caseId: c.id, personName: c.personName, orgId: c.orgId, stage: c.stage, dates: c.dates, version: c.ruleSetVersion }));
  const warnings = caseWarnings(input, today, { rulesOf: (item) => rules.get((item as (typeof input)[number]).version)! });
  const warned = warningCountsByStage(input, warnings);
  return {
    ...common,
    counts: warned.map((row) => ({ stage: row.stage as StageNo, cases: byStage[row.stage as StageNo], overdue: row.overdue, dueSoon: row.dueSoon, reached: row.reached })),
    warnings,
    readyToStart: active.filter((c) => c.stageState === 'between' && c.nextStage && c.nextStage.earliestStart <= today).sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    orgNames: Object.fromEntries(counters.map((c) => [c.orgId, tree.get(c.orgId)?.name ?? c.orgId])),
  };
}
