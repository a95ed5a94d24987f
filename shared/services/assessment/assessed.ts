import type { OrgTree } from '../../domain/registry/org-tree';

/** The organizations a committee assesses (A5): the active branches and general branches below it. */
export function assessedOrgIds(tree: OrgTree, committeeId: string): string[] {
  return tree.subtreeIds(committeeId).filter((id) => {
    const org = tree.get(id);
    return id !== committeeId && org?.status === 'active' && (org.kind === 'branch' || org.kind === 'general-branch');
  });
}
