import { resolveActor } from '../../../../shared/services/authorization';
import { publishCandidates } from '../../../../shared/services/notice/publish-candidates';
import { APPLICANT_SUBTREE_LIMIT } from '../../../../shared/services/development-views/cases';
import { RecordNotFoundError } from '../../../../shared/errors';
import { putTestOrg, putTestPerson, testOrg, testPerson } from '../../../support/registry-fixtures';
import { createTestStore } from '../../../support/store';

// The 发布公示 picker over DynamoDB Local: the people of one organization's subtree within scope, never a province at once.

async function world(branchesOfC2: number) {
  const store = await createTestStore();
  for (const org of [
    testOrg({ id: 'wc', kind: 'working-committee' }),
    testOrg({ id: 'c1', kind: 'committee', parentId: 'wc' }),
    testOrg({ id: 'c2', kind: 'committee', parentId: 'wc' }),
    testOrg({ id: 'b1', kind: 'branch', parentId: 'c1' }),
    ...Array.from({ length: branchesOfC2 }, (_, k) => testOrg({ id: `c2b${k}`, kind: 'branch', parentId: 'c2' })),
  ]) await putTestOrg(store, org);
  await putTestPerson(store, testPerson({ id: 'p-b1', name: '王芳', orgId: 'b1', status: 'activist' }));
  await putTestPerson(store, testPerson({ id: 'p-c2', name: '李强', orgId: 'c2b0', status: 'applicant' }));
  const actor = (id: string, orgId: string) => resolveActor(store, { id, displayName: '组织员', role: 'committee-staff', orgId });
  return { deps: { store }, actor };
}

const names = (picker: { candidates?: { name: string }[] }) => picker.candidates?.map((c) => c.name);

test('a committee\'s staff get the people of their subtree; another committee\'s organization is not found', async () => {
  const { deps, actor } = await world(1);
  const c1 = await actor('u1', 'c1');
  const picker = await publishCandidates(deps, c1);
  expect(picker.org).toEqual({ id: 'c1', name: 'c1 组织' });
  expect(picker.candidates).toEqual([{ id: 'p-b1', name: '王芳', orgName: 'b1 组织', statusLabel: '入党积极分子' }]);
  expect(names(await publishCandidates(deps, c1, 'b1'))).toEqual(['王芳']);
  await expect(publishCandidates(deps, c1, 'c2b0')).rejects.toBeInstanceOf(RecordNotFoundError);
  await expect(publishCandidates(deps, c1, 'nope')).rejects.toBeInstanceOf(RecordNotFoundError);
});

test.each([
  [APPLICANT_SUBTREE_LIMIT - 1, true], // c2 and its branches: exactly the limit
  [APPLICANT_SUBTREE_LIMIT, false], // one organization more
])('c2 with %i branches: its people listed at once: %s', async (branches, listed) => {
  const { deps, actor } = await world(branches);
  const wc = await actor('u2', 'wc');
  const picker = await publishCandidates(deps, wc, 'c2');
  expect(names(picker)).toEqual(listed ? ['李强'] : undefined);
  // Below it, a branch always lists its people; the working committee's own picker never lists a province.
  expect(names(await publishCandidates(deps, wc, 'c2b0'))).toEqual(['李强']);
  expect((await publishCandidates(deps, wc)).candidates).toBeUndefined();
}, 60_000);
