import { allowedParentKinds, canEverApprove, type Organization } from '../../../../shared/domain/registry/organization';
import { OrgTree } from '../../../../shared/domain/registry/org-tree';
import { testOrg } from '../../../support/registry-fixtures';

const tree = new OrgTree([
  testOrg({ id: 'wc', kind: 'working-committee' }),
  testOrg({ id: 'c1', kind: 'committee', parentId: 'wc' }),
  testOrg({ id: 'gb', kind: 'general-branch', parentId: 'c1' }),
  testOrg({ id: 'b1', kind: 'branch', parentId: 'gb' }),
  testOrg({ id: 'g1', kind: 'party-group', parentId: 'b1' }),
  testOrg({ id: 'b2', kind: 'branch', parentId: 'c1' }),
  testOrg({ id: 'c9', kind: 'committee', parentId: 'wc', mayApprove: false }),
  testOrg({ id: 'b9', kind: 'branch', parentId: 'c9' }),
  testOrg({ id: 'cx', kind: 'committee', parentId: 'wc', status: 'closed' }),
]);

const ids = (orgs: Organization[]) => orgs.map((o) => o.id);

describe('OrgTree', () => {
  test('subtree: the organization first, then everything below it', () => {
    expect(tree.subtreeIds('c1')).toEqual(['c1', 'gb', 'b2', 'b1', 'g1']);
    expect(tree.subtreeIds('b1')).toEqual(['b1', 'g1']);
    expect(tree.subtreeIds('g1')).toEqual(['g1']);
    expect(tree.subtreeIds('nope')).toEqual([]);
  });

  test('ancestors, nearest first', () => {
    expect(ids(tree.ancestors('g1'))).toEqual(['b1', 'gb', 'c1', 'wc']);
    expect(ids(tree.ancestors('wc'))).toEqual([]);
  });

  test('approving organization: the nearest committee that may approve; a general branch is skipped', () => {
    expect(tree.approvingOrganization('b1')?.id).toBe('c1');
    expect(tree.approvingOrganization('g1')?.id).toBe('c1');
    expect(tree.approvingOrganization('gb')?.id).toBe('c1');
    expect(tree.approvingOrganization('c1')?.id).toBe('wc');
    expect(tree.approvingOrganization('b9')?.id).toBe('wc'); // c9 may not approve
    expect(tree.approvingOrganization('wc')).toBeUndefined();
  });

  test('cycles: an organization cannot move below itself', () => {
    expect(tree.wouldCreateCycle('c1', 'g1')).toBe(true);
    expect(tree.wouldCreateCycle('c1', 'c1')).toBe(true);
    expect(tree.wouldCreateCycle('b1', 'b2')).toBe(false);
    const looped = new OrgTree([testOrg({ id: 'a', kind: 'branch', parentId: 'b' }), testOrg({ id: 'b', kind: 'branch', parentId: 'a' })]);
    expect(ids(looped.ancestors('a'))).toEqual(['b']); // a corrupt loop ends, it does not hang
  });

  test('kind rules: a child is of a deeper kind; a party group only under a branch; only committees approve', () => {
    expect(allowedParentKinds('working-committee')).toEqual([]);
    expect(allowedParentKinds('committee')).toEqual(['working-committee']);
    expect(allowedParentKinds('branch')).toEqual(['working-committee', 'committee', 'general-branch']);
    expect(allowedParentKinds('party-group')).toEqual(['branch']);
    expect(canEverApprove('general-branch')).toBe(false);
    expect(canEverApprove('committee')).toBe(true);
  });
});
