import { orgPickerChoices, PICKER_FULL_LIST_LIMIT } from '../../../../shared/domain/registry/org-picker';
import { OrgTree, withAncestryPaths } from '../../../../shared/domain/registry/org-tree';
import { testOrg } from '../../../support/registry-fixtures';

/** A working committee over committees c1…, each over 4 branches; `closedBranch` marks one branch of c1 closed. */
function province(organizations: number) {
  const orgs = [testOrg({ id: 'wc', kind: 'working-committee' })];
  for (let c = 1; orgs.length < organizations; c++) {
    orgs.push(testOrg({ id: `c${c}`, kind: 'committee', parentId: 'wc' }));
    for (let b = 1; b <= 4 && orgs.length < organizations; b++) orgs.push(testOrg({ id: `c${c}b${b}`, kind: 'branch', parentId: `c${c}` }));
  }
  orgs.push(testOrg({ id: 'c1closed', kind: 'branch', parentId: 'c1', status: 'closed' }));
  return new OrgTree(withAncestryPaths(orgs));
}

const ids = (choices: { id: string }[]) => choices.map((c) => c.id);
const everywhere = () => true;

describe('organization pickers', () => {
  test.each([
    [PICKER_FULL_LIST_LIMIT, 'every active organization in scope'],
    [PICKER_FULL_LIST_LIMIT + 1, 'the way here and one level below'],
  ])('%i active organizations in scope: %s', (count) => {
    const tree = province(count);
    const choices = ids(orgPickerChoices(tree, everywhere, 'c1'));
    if (count <= PICKER_FULL_LIST_LIMIT) {
      expect(choices).toHaveLength(count);
      expect(choices).toContain('c2b1');
    } else {
      expect(choices).toEqual(['wc', 'c1', 'c1b1', 'c1b2', 'c1b3', 'c1b4']);
    }
    expect(choices).not.toContain('c1closed');
  });

  test('a large scope lists only what is in scope on the way: a committee\'s staff see their committee and its branches', () => {
    const tree = province(500);
    const inCommittee = (id: string) => tree.isWithin(id, 'c2');
    // c2's subtree is small: every organization of it.
    expect(ids(orgPickerChoices(tree, inCommittee, 'c2b3'))).toEqual(['c2', 'c2b1', 'c2b2', 'c2b3', 'c2b4']);
    // The whole province in scope, a branch shown: the way down to it (a branch has nothing below).
    expect(ids(orgPickerChoices(tree, everywhere, 'c7b2'))).toEqual(['wc', 'c7', 'c7b2']);
    expect(ids(orgPickerChoices(tree, everywhere, 'wc'))).toEqual(['wc', ...tree.childrenOf('wc').map((o) => o.id)]);
  });
});
