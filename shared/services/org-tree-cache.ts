import { setTimeout as delay } from 'node:timers/promises';
import { OrgTree } from '../domain/registry/org-tree';
import { getOrgTreeMark, listOrganizations, orgTreeMark, putFirstOrgTreeMark, repairPaths, type OrgTreeMark } from '../store/orgs-repo';
import type { Store } from '../store/store';
import { StoreConditionFailedError, transactWrite } from '../store/transact';

/**
 * The organization tree, kept between requests. The tree is read whole only when it changed: each request reads the
 * tree's mark (one item, strongly consistent), which every write of organizations replaces in its own transaction
 * (orgs-repo.ts `organizationWrites`). The same token means the same tree, so authorization after a move is exact.
 *
 * The whole tree comes from an index, which may lag the mark by a moment on AWS: a tree is kept only once it holds
 * every organization of the mark's write at that version (tried again for up to a second); otherwise it is used for
 * this request and read again by the next.
 */
const kept = new WeakMap<object, Map<string, { token: string; tree: OrgTree }>>();

const READ_ATTEMPTS = 20;

export async function currentOrgTree(store: Store): Promise<OrgTree> {
  const mark = await getOrgTreeMark(store);
  const byTable = kept.get(store.doc) ?? new Map<string, { token: string; tree: OrgTree }>();
  kept.set(store.doc, byTable);
  const known = byTable.get(store.tableName);
  if (mark && known?.token === mark.token) return known.tree;
  if (!mark) {
    await putFirstOrgTreeMark(store);
    return currentOrgTree(store);
  }
  const tree = await readTree(store, mark);
  if (!tree) return new OrgTree(await listOrganizations(store));
  const stale = tree.stalePaths();
  if (stale.length > 0) {
    // Stored, the paths changed the mark: read again. An organization changed meanwhile: answer with this tree (its
    // paths come from the parent links), not kept; a later read repairs what is left.
    return (await storePaths(store, stale)) ? currentOrgTree(store) : tree;
  }
  byTable.set(store.tableName, { token: mark.token, tree });
  return tree;
}

/** The tree as of `mark`, or undefined when the index has not caught up with it. */
async function readTree(store: Store, mark: OrgTreeMark): Promise<OrgTree | undefined> {
  for (let attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
    if (attempt > 0) await delay(50);
    const tree = new OrgTree(await listOrganizations(store));
    if (Object.entries(mark.written).every(([id, version]) => (tree.get(id)?.version ?? 0) >= version)) return tree;
  }
  return undefined;
}

/**
 * Ancestry paths of organizations stored before paths existed (or written by a bulk load), 99 a transaction; false
 * when an organization changed meanwhile (its chunk is left to a later read).
 */
async function storePaths(store: Store, orgs: OrgTree['organizations']): Promise<boolean> {
  let all = true;
  for (let start = 0; start < orgs.length; start += 99) {
    try {
      await transactWrite(store, [...repairPaths(store, orgs.slice(start, start + 99)), orgTreeMark(store, [])]);
    } catch (error) {
      if (!(error instanceof StoreConditionFailedError)) throw error;
      all = false;
    }
  }
  return all;
}
