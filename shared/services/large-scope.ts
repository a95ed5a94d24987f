import { dueBackfillDone, type BackfillKind } from '../store/due-index';
import { LIST_PAGE_SIZE } from '../store/org-pages';
import type { OrgTree } from '../domain/registry/org-tree';
import type { Actor } from './actor';
import { loadOrgTree } from './authorization';
import type { ServiceDeps } from './deps';

/** Scopes up to this many organizations always read per organization (an agency committee: ~35). */
export const PER_ORGANIZATION_UP_TO = 100;

/** What one read costs (eventually consistent): a query at least half a unit, each 4 KB read half a unit. */
const readUnits = (bytes: number) => Math.max(1, Math.ceil(bytes / 4096)) * 0.5;

/**
 * How a scope's records are read (docs/domain/pending-tasks.md P3, lists-and-counts.md): one query per organization
 * (all of them, at least half a read unit each), or a page of a province-wide list filtered to the scope, which reads
 * about LIST_PAGE_SIZE / share entries of `entryBytes` each, where `share` is the scope's part of the province's
 * organizations. The list is chosen when the scope holds more than PER_ORGANIZATION_UP_TO organizations and its
 * estimated read is smaller.
 */
export function provinceListReadWay(scopeSize: number, treeSize: number, entryBytes: number): 'per-organization' | 'province-list' {
  if (scopeSize <= PER_ORGANIZATION_UP_TO || treeSize <= 0) return 'per-organization';
  const share = Math.min(1, scopeSize / treeSize);
  const listUnits = readUnits((LIST_PAGE_SIZE / share) * entryBytes);
  return listUnits < scopeSize * readUnits(0) ? 'province-list' : 'per-organization';
}

/** Stores whose backfill of a kind is done (its marker, seen once per process). */
const backfilled = new Set<string>();

async function backfillComplete(deps: Pick<ServiceDeps, 'store'>, kind: BackfillKind): Promise<boolean> {
  const key = `${deps.store.tableName}\n${kind}`;
  if (backfilled.has(key)) return true;
  if (!(await dueBackfillDone(deps.store, kind))) return false;
  backfilled.add(key);
  return true;
}

/**
 * Whether the actor's scope reads a page of a province-wide list (the list chosen by `provinceListReadWay` and its
 * one-time backfill `kind` done): the scope's share of the province's organizations, or undefined when it reads per
 * organization. `tree`: the tree when the caller read it already.
 */
export async function provinceListShare(deps: Pick<ServiceDeps, 'store'>, actor: Actor, kind: BackfillKind, entryBytes: number, tree?: OrgTree): Promise<number | undefined> {
  const scopeSize = actor.scopeOrgIds.length;
  if (scopeSize <= PER_ORGANIZATION_UP_TO) return undefined;
  const treeSize = (tree ?? (await loadOrgTree(deps.store))).organizations.length;
  if (provinceListReadWay(scopeSize, treeSize, entryBytes) !== 'province-list') return undefined;
  if (!(await backfillComplete(deps, kind))) return undefined;
  return Math.min(1, scopeSize / treeSize);
}
