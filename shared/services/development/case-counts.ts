import { createHash } from 'node:crypto';
import { caseCountKey, countChanges } from '../../domain/development/case-counts';
import type { DevelopmentCase } from '../../domain/development/case';
import type { OrgTree } from '../../domain/registry/org-tree';
import { addToCaseCounter, getCaseCountersState, listCaseCounters, markCaseCountersBackfilled, markCaseCounterPaths, repairCounterPath } from '../../store/case-counts-repo';
import { countedAsOf, listActiveCases, markCaseCounted } from '../../store/cases-repo';
import { StoreConditionFailedError, transactWrite, type TransactItem } from '../../store/transact';
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

const fingerprints = new WeakMap<OrgTree, string>();

/** A fingerprint of every organization's path (changes when an organization moves, not when it is renamed). */
function pathsFingerprint(tree: OrgTree): string {
  const known = fingerprints.get(tree);
  if (known) return known;
  const hash = createHash('sha256');
  for (const org of [...tree.organizations].sort((a, b) => (a.id < b.id ? -1 : 1))) hash.update(`${org.id}\u0000${tree.pathOf(org.id)}\u0000`);
  const fingerprint = hash.digest('base64url');
  fingerprints.set(tree, fingerprint);
  return fingerprint;
}

/**
 * Makes the counters ready to read under `tree`: the backfill done once, and each counter listed under its
 * organization's path now (after moves: every counter read once and the changed ones moved, noted by the tree's
 * fingerprint). Costs one read of the state item when nothing moved.
 */
export async function readyCaseCounters(deps: Pick<ServiceDeps, 'store' | 'clock'>, tree: OrgTree): Promise<void> {
  const state = await getCaseCountersState(deps.store);
  if (!state.backfilledAt) await backfillCaseCounters(deps);
  const fingerprint = pathsFingerprint(tree);
  if (state.pathsFingerprint === fingerprint) return;
  for (const counter of await listCaseCounters(deps.store)) {
    const path = tree.pathOf(counter.orgId);
    if (path && path !== counter.path) await repairCounterPath(deps.store, counter.orgId, path);
  }
  await markCaseCounterPaths(deps.store, fingerprint);
}
