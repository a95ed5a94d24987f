import { createHash } from 'node:crypto';
import { caseCountKey, countChanges } from '../../domain/development/case-counts';
import type { DevelopmentCase } from '../../domain/development/case';
import type { OrgTree } from '../../domain/registry/org-tree';
import { addToCaseCounter, getCaseCountersState, type CaseCountersState, listCaseCounters, markCaseCountersBackfilled, markListedPaths, repairCounterPath } from '../../store/case-counts-repo';
import { countedAsOf, listActiveCaseListings, listActiveCases, listedPathOf, markCaseCounted, relistCase } from '../../store/cases-repo';
import { conditionFailed, StoreConditionFailedError, transactWrite, type TransactItem } from '../../store/transact';
import { loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';

/**
 * The dashboard's counters kept in the change's transaction (docs/domain/development.md, 发展党员工作台): the ADDs
 * that move a case's count from the key it is stored as counted under (`countedAsOf`, absent for a new case) to the
 * key of its next state. Every write of a case goes through here: opening, each change (`caseChangeItems`) and ending.
 */
export async function caseCountItems(deps: Pick<ServiceDeps, 'store'>, previous: DevelopmentCase | undefined, next: DevelopmentCase): Promise<TransactItem[]> {
  const changes = countChanges(previous ? countedAsOf(previous) : undefined, caseCountKey(next));
  if (changes.size === 0) return [];
  const tree = await loadOrgTree(deps.store);
  return [...changes].map(([orgId, deltas]) => addToCaseCounter(deps.store, orgId, tree.pathOf(orgId) ?? `/${orgId}/`, deltas));
}

/**
 * The organization path an active case is listed under when written (cases-repo.ts; the dashboard reads a subtree's
 * active cases by it): the path it was listed under when its organization is unchanged, otherwise the path now.
 * Undefined for a closed case. A case keeps the path it was listed under until its organization or stage changes.
 */
export async function caseListingPath(deps: Pick<ServiceDeps, 'store'>, previous: DevelopmentCase | undefined, next: DevelopmentCase): Promise<string | undefined> {
  if (next.status !== 'active') return undefined;
  const listed = previous && previous.orgId === next.orgId && previous.stage === next.stage ? listedPathOf(previous) : undefined;
  return listed ?? (await loadOrgTree(deps.store)).pathOf(next.orgId);
}

/**
 * Once per store: the active cases stored before the counters are counted, each in a transaction of its own that
 * marks the case counted at the version read (a case changed meanwhile was counted by its change: skipped), then
 * the state item notes it. Run again after a crash, it counts what is left. Answers the cases counted.
 */
export async function backfillCaseCounters(deps: Pick<ServiceDeps, 'store' | 'clock'>): Promise<number> {
  const tree = await loadOrgTree(deps.store);
  let counted = 0;
  for (const devCase of await listActiveCases(deps.store)) {
    const key = caseCountKey(devCase);
    if (!key || countedAsOf(devCase)) continue;
    try {
      await transactWrite(deps.store, [markCaseCounted(deps.store, devCase, key), addToCaseCounter(deps.store, key.orgId, tree.pathOf(key.orgId) ?? `/${key.orgId}/`, { [key.stage]: 1 })]);
      counted += 1;
    } catch (error) {
      if (!(error instanceof StoreConditionFailedError)) throw error;
    }
  }
  await markCaseCountersBackfilled(deps.store, deps.clock.now().toISOString(), counted);
  return counted;
}

/** A fingerprint of organizations' paths (changes when an organization moves, not when it is renamed). */
export function pathsFingerprintOf(paths: Iterable<readonly [id: string, path: string]>): string {
  const hash = createHash('sha256');
  for (const [id, path] of [...paths].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(`${id}\u0000${path}\u0000`);
  return hash.digest('base64url');
}

const fingerprints = new WeakMap<OrgTree, string>();

function pathsFingerprint(tree: OrgTree): string {
  const known = fingerprints.get(tree) ?? pathsFingerprintOf(tree.organizations.map((org) => [org.id, tree.pathOf(org.id) ?? ''] as const));
  fingerprints.set(tree, known);
  return known;
}

/**
 * Makes the counters ready to read under `tree` (the scheduler's tick does it first; the dashboard again, for a move
 * since): the backfill done once, and each counter listed under its organization's path now (after moves: every
 * counter read once and the changed ones moved, noted by the tree's fingerprint). Costs one read of the state item
 * when nothing moved.
 */
export async function readyCaseCounters(deps: Pick<ServiceDeps, 'store' | 'clock'>, tree: OrgTree): Promise<CaseCountersState> {
  const state = await getCaseCountersState(deps.store);
  if (!state.backfilledAt) await backfillCaseCounters(deps);
  const fingerprint = pathsFingerprint(tree);
  if (state.pathsFingerprint === fingerprint) return state;
  for (const counter of await listCaseCounters(deps.store)) {
    const path = tree.pathOf(counter.orgId);
    if (path && path !== counter.path) await repairCounterPath(deps.store, counter.orgId, path);
  }
  await markListedPaths(deps.store, 'pathsFingerprint', fingerprint);
  return { ...state, pathsFingerprint: fingerprint };
}

/**
 * The scheduler's tick: each active case listed under its organization's path now, after moves and once for the
 * cases listed before listing by path (every listing read and the changed ones moved, noted by the tree's
 * fingerprint; `state`: the state item when just read). Until then the dashboard reads a moved organization's cases
 * from the organization. Answers the cases listed again (undefined: nothing moved).
 */
export async function relistActiveCases(deps: Pick<ServiceDeps, 'store'>, tree: OrgTree, state?: CaseCountersState): Promise<number | undefined> {
  const fingerprint = pathsFingerprint(tree);
  if ((state ?? (await getCaseCountersState(deps.store))).casesFingerprint === fingerprint) return undefined;
  let relisted = 0;
  for (const listing of await listActiveCaseListings(deps.store)) {
    const path = tree.pathOf(listing.orgId);
    if (!path || path === listing.path) continue;
    await relistCase(deps.store, listing, path).then(() => (relisted += 1), ignoreLostRace);
  }
  await markListedPaths(deps.store, 'casesFingerprint', fingerprint);
  return relisted;
}

/** A conditional write that found the item changed meanwhile (the change itself wrote what was due): nothing to do. */
function ignoreLostRace(error: unknown): void {
  if (!conditionFailed(error)) throw error;
}
