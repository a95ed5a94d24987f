/** Organizations (docs/domain/organizations-and-people.md): the tree, each one's committee and term, and who approves for it. */

export type OrgKind = 'working-committee' | 'committee' | 'general-branch' | 'branch' | 'party-group';

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  'working-committee': '机关党工委',
  committee: '机关党委',
  'general-branch': '党总支',
  branch: '党支部',
  'party-group': '党小组',
};

/** Depth of each kind: a child is always of a deeper kind than its parent. */
export const ORG_KIND_RANK: Record<OrgKind, number> = {
  'working-committee': 0,
  committee: 1,
  'general-branch': 2,
  branch: 3,
  'party-group': 4,
};

export type CommitteePost = 'secretary' | 'deputy-secretary' | 'member';

export const COMMITTEE_POST_LABELS: Record<CommitteePost, string> = {
  secretary: '书记',
  'deputy-secretary': '副书记',
  member: '委员',
};

export interface CommitteeMember {
  /** The person in the registry, when known. */
  personId?: string;
  name: string;
  post: CommitteePost;
  /** 分工, e.g. 组织委员, 宣传委员, 纪检委员. */
  duty?: string;
}

export interface Organization {
  id: string;
  name: string;
  kind: OrgKind;
  parentId?: string;
  committee: CommitteeMember[];
  /** YYYY-MM-DD */
  termStart?: string;
  termEnd?: string;
  /** Whether this organization may approve admissions and election results (never a general branch or below). */
  mayApprove: boolean;
  status: 'active' | 'closed';
  closedAt?: string;
  /**
   * Ancestry path (org-path.ts), kept by every write of the organization and rewritten for the whole subtree in the
   * transaction of a move. Organizations stored before it existed get it at the first read of the tree.
   */
  path?: string;
  /** Optimistic-locking version, incremented by every change. */
  version: number;
}

/** Kinds that may be the parent of a kind. */
export function allowedParentKinds(kind: OrgKind): OrgKind[] {
  if (kind === 'working-committee') return [];
  if (kind === 'party-group') return ['branch'];
  return (Object.keys(ORG_KIND_RANK) as OrgKind[]).filter((parent) => ORG_KIND_RANK[parent] < ORG_KIND_RANK[kind] && parent !== 'party-group');
}

/** Committees may approve by default; a general branch, a branch or a party group never does. */
export function canEverApprove(kind: OrgKind): boolean {
  return kind === 'working-committee' || kind === 'committee';
}
