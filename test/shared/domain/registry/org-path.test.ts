import fc from 'fast-check';
import { isWithinPath, orgPath } from '../../../../shared/domain/registry/org-path';
import { OrgTree, withAncestryPaths } from '../../../../shared/domain/registry/org-tree';
import type { Organization } from '../../../../shared/domain/registry/organization';
import { testOrg } from '../../../support/registry-fixtures';

const tree = new OrgTree(withAncestryPaths([
  testOrg({ id: 'wc', kind: 'working-committee' }),
  testOrg({ id: 'c1', kind: 'committee', parentId: 'wc' }),
  testOrg({ id: 'c10', kind: 'committee', parentId: 'wc' }),
  testOrg({ id: 'b1', kind: 'branch', parentId: 'c1' }),
  testOrg({ id: 'g1', kind: 'party-group', parentId: 'b1' }),
  testOrg({ id: 'b10', kind: 'branch', parentId: 'c10' }),
]));

describe('ancestry paths', () => {
  test('the ids from the root down, each closed by a slash', () => {
    expect(tree.pathOf('wc')).toBe('/wc/');
    expect(tree.pathOf('g1')).toBe('/wc/c1/b1/g1/');
    expect(tree.pathOf('nope')).toBeUndefined();
    expect(orgPath(undefined, 'x')).toBe('/x/');
  });

  test.each([
    ['g1', 'c1', true],
    ['c1', 'c1', true],
    ['b10', 'c1', false], // c10 begins with c1 as text, not as a path
    ['c1', 'g1', false],
    ['wc', 'c1', false],
    ['nope', 'wc', false],
  ])('%s within %s: %s', (id, ancestor, within) => {
    expect(tree.isWithin(id, ancestor)).toBe(within);
    if (tree.pathOf(id)) expect(isWithinPath(tree.pathOf(id)!, tree.pathOf(ancestor)!)).toBe(within);
  });

  test('moving b1 under c10: b1 and g1 get new paths and the next version; nothing else is written', () => {
    const moved = tree.moved('b1', 'c10');
    expect(moved.map(({ id, parentId, path, version }) => ({ id, parentId, path, version }))).toEqual([
      { id: 'b1', parentId: 'c10', path: '/wc/c10/b1/', version: 2 },
      { id: 'g1', parentId: 'b1', path: '/wc/c10/b1/g1/', version: 2 },
    ]);
  });

  test('stored paths that the parent links contradict are found, with the right one', () => {
    const stale = new OrgTree([testOrg({ id: 'wc', kind: 'working-committee', path: '/wc/' }), testOrg({ id: 'c1', kind: 'committee', parentId: 'wc', path: '/c1/' }), testOrg({ id: 'b1', kind: 'branch', parentId: 'c1' })]);
    expect(stale.stalePaths().map(({ id, path }) => ({ id, path }))).toEqual([{ id: 'c1', path: '/wc/c1/' }, { id: 'b1', path: '/wc/c1/b1/' }]);
  });

  test('property: after any move, every organization has the path its new parent links give, and scope follows the paths', () => {
    // A random tree: organization i (i ≥ 1) under one of 0..i-1; then one move of a node under a node outside its subtree.
    const arbitrary = fc.array(fc.nat(), { minLength: 1, maxLength: 30 }).chain((parents) =>
      fc.tuple(fc.constant(parents), fc.nat({ max: parents.length }), fc.nat({ max: parents.length })));
    fc.assert(fc.property(arbitrary, ([parents, movedIndex, targetIndex]) => {
      const orgs: Organization[] = [testOrg({ id: 'o0', kind: 'working-committee' }), ...parents.map((p, k) => testOrg({ id: `o${k + 1}`, kind: 'committee', parentId: `o${p % (k + 1)}` }))];
      const before = new OrgTree(withAncestryPaths(orgs));
      const id = `o${movedIndex}`;
      const target = `o${targetIndex}`;
      if (id === 'o0' || before.wouldCreateCycle(id, target) || before.get(id)?.parentId === target) return;
      const moved = before.moved(id, target);
      expect(moved.map((o) => o.id).sort()).toEqual(before.subtreeIds(id).sort());
      const movedById = new Map(moved.map((o) => [o.id, o]));
      const after = new OrgTree(before.organizations.map((o) => movedById.get(o.id) ?? o));
      expect(after.stalePaths()).toEqual([]);
      for (const org of after.organizations) {
        for (const other of after.organizations) {
          expect(isWithinPath(org.path!, other.path!)).toBe(after.subtreeIds(other.id).includes(org.id));
        }
      }
    }));
  });
});
