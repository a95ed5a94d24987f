import { isWithinPath, orgPath } from './org-path';
import type { Organization } from './organization';

/**
 * Questions about the organization tree, over a list of organizations (pure). Answers are remembered: one tree is
 * asked many times (a request's authorization and its lists; the tree kept between requests, orgs-cache.ts).
 */
export class OrgTree {
  private readonly byId: Map<string, Organization>;
  private readonly children = new Map<string, Organization[]>();
  private readonly paths = new Map<string, string>();
  private readonly subtrees = new Map<string, string[]>();

  constructor(readonly organizations: readonly Organization[]) {
    this.byId = new Map(organizations.map((org) => [org.id, org]));
    for (const org of organizations) {
      if (!org.parentId) continue;
      const siblings = this.children.get(org.parentId) ?? [];
      siblings.push(org);
      this.children.set(org.parentId, siblings);
    }
  }

  get(id: string): Organization | undefined {
    return this.byId.get(id);
  }

  childrenOf(id: string): Organization[] {
    return this.children.get(id) ?? [];
  }

  roots(): Organization[] {
    return this.organizations.filter((org) => !org.parentId || !this.byId.has(org.parentId));
  }

  /** The organization and everything below it (ids), the organization first. */
  subtreeIds(id: string): string[] {
    if (!this.byId.has(id)) return [];
    const known = this.subtrees.get(id);
    if (known) return known;
    const ids = [id];
    for (let next = 0; next < ids.length; next++) ids.push(...this.childrenOf(ids[next]).map((child) => child.id));
    this.subtrees.set(id, ids);
    return ids;
  }

  /** The ancestry path from the parent links (org-path.ts); what each stored `path` must be. */
  pathOf(id: string): string | undefined {
    if (!this.byId.has(id)) return undefined;
    const known = this.paths.get(id);
    if (known) return known;
    const path = [...this.ancestors(id)].reverse().reduce<string | undefined>((parentPath, org) => orgPath(parentPath, org.id), undefined);
    const own = orgPath(path, id);
    this.paths.set(id, own);
    return own;
  }

  /** Whether `id` is `ancestorId` or below it. */
  isWithin(id: string, ancestorId: string): boolean {
    const path = this.pathOf(id);
    const ancestorPath = this.pathOf(ancestorId);
    return path !== undefined && ancestorPath !== undefined && isWithinPath(path, ancestorPath);
  }

  /** Organizations whose stored path is missing or not what the parent links say, with the right one. */
  stalePaths(): Organization[] {
    return this.organizations.filter((org) => org.path !== this.pathOf(org.id)).map((org) => ({ ...org, path: this.pathOf(org.id) }));
  }

  /**
   * The subtree of `id` as it is after moving it under `parentId`: the organization with its new parent, and every
   * organization of the subtree with its new path and next version (one transaction writes them all).
   */
  moved(id: string, parentId: string): Organization[] {
    const parentPath = this.pathOf(parentId);
    const oldPrefix = this.pathOf(id);
    if (parentPath === undefined || oldPrefix === undefined) return [];
    const newPrefix = orgPath(parentPath, id);
    return this.subtreeIds(id).map((memberId) => {
      const org = this.byId.get(memberId) as Organization;
      const path = newPrefix + (this.pathOf(memberId) as string).slice(oldPrefix.length);
      return { ...org, ...(memberId === id ? { parentId } : {}), path, version: org.version + 1 };
    });
  }

  /** Parent, grandparent, … up to the root. */
  ancestors(id: string): Organization[] {
    const chain: Organization[] = [];
    const seen = new Set<string>([id]);
    let parentId = this.byId.get(id)?.parentId;
    while (parentId && !seen.has(parentId)) {
      const parent = this.byId.get(parentId);
      if (!parent) break;
      chain.push(parent);
      seen.add(parentId);
      parentId = parent.parentId;
    }
    return chain;
  }

  /** The nearest active organization above that may approve (docs/domain/organizations-and-people.md); a general branch only reviews. */
  approvingOrganization(id: string): Organization | undefined {
    return this.ancestors(id).find((org) => org.mayApprove && org.status === 'active');
  }

  /** Whether moving `id` under `newParentId` would put it below itself. */
  wouldCreateCycle(id: string, newParentId: string): boolean {
    return id === newParentId || this.ancestors(newParentId).some((org) => org.id === id);
  }
}

/** `orgs` each with the ancestry path their parent links give (seeds and bulk loads that write a whole tree). */
export function withAncestryPaths(orgs: readonly Organization[]): Organization[] {
  const tree = new OrgTree(orgs);
  return orgs.map((org) => ({ ...org, path: tree.pathOf(org.id) }));
}
