import type { Organization } from './organization';

/** Questions about the organization tree, over a list of organizations (pure). */
export class OrgTree {
  private readonly byId: Map<string, Organization>;
  private readonly children = new Map<string, Organization[]>();

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
    const ids: string[] = [];
    const pending = [id];
    while (pending.length > 0) {
      const current = pending.shift()!;
      ids.push(current);
      pending.push(...this.childrenOf(current).map((child) => child.id));
    }
    return ids;
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
