import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { randomBytes } from 'node:crypto';
import { ManualClock } from '../../../../infra/local/manual-clock';
import { withAncestryPaths } from '../../../../shared/domain/registry/org-tree';
import { loadOrgTree, permits, resolveActor } from '../../../../shared/services/authorization';
import { moveOrganization, RegistryVersionConflictError } from '../../../../shared/services/registry';
import { OrgSubtreeTooLargeError } from '../../../../shared/services/registry/errors';
import { getOrganization, organizationWrites } from '../../../../shared/store/orgs-repo';
import { createStore, type Store } from '../../../../shared/store/store';
import { transactWrite } from '../../../../shared/store/transact';
import { putTestOrg, testOrg } from '../../../support/registry-fixtures';
import { createTestStore } from '../../../support/store';

/** wc > c1 > b1 > g1, wc > c2. The admin moves b1 (with its party group) from c1 to c2. */
async function world() {
  const store = await createTestStore();
  for (const org of [
    testOrg({ id: 'wc', kind: 'working-committee' }),
    testOrg({ id: 'c1', kind: 'committee', parentId: 'wc' }),
    testOrg({ id: 'c2', kind: 'committee', parentId: 'wc' }),
    testOrg({ id: 'b1', kind: 'branch', parentId: 'c1' }),
    testOrg({ id: 'g1', kind: 'party-group', parentId: 'b1' }),
  ]) await putTestOrg(store, org);
  const deps = { store, clock: new ManualClock('2026-03-02T01:00:00.000Z'), newId: () => randomBytes(9).toString('base64url') };
  const admin = await resolveActor(store, { id: 'admin', displayName: '管理员', role: 'admin', orgId: 'wc' });
  return { store, deps, admin };
}

/** Another process on the same table (its own client, its own kept tree). */
const otherProcess = (store: Store) => createStore({ tableName: store.tableName, endpoint: process.env.TEST_DYNAMODB_ENDPOINT });

const staffOf = (orgId: string) => ({ id: `staff-${orgId}`, displayName: '组织员', role: 'committee-staff' as const, orgId });

describe('moving a subtree', () => {
  test('the organization and every descendant get their new path in the move; scope follows at once, in every process', async () => {
    const { store, deps, admin } = await world();
    const elsewhere = otherProcess(store);
    const keptBefore = await loadOrgTree(elsewhere);
    expect(keptBefore.isWithin('g1', 'c1')).toBe(true);

    await moveOrganization(deps, admin, 'b1', { parentId: 'c2', version: '1' });

    expect(await getOrganization(store, 'b1')).toMatchObject({ parentId: 'c2', path: '/wc/c2/b1/', version: 2 });
    expect(await getOrganization(store, 'g1')).toMatchObject({ parentId: 'b1', path: '/wc/c2/b1/g1/', version: 2 });
    expect(await getOrganization(store, 'c1')).toMatchObject({ path: '/wc/c1/', version: 1 });
    const tree = await loadOrgTree(elsewhere);
    expect(tree).not.toBe(keptBefore);
    for (const id of ['b1', 'g1']) {
      expect(permits(staffOf('c2'), 'org.view', id, tree)).toBe(true);
      expect(permits(staffOf('c1'), 'org.view', id, tree)).toBe(false);
    }
    expect((await resolveActor(elsewhere, staffOf('c1'))).scopeOrgIds).toEqual(['c1']);
    expect((await resolveActor(elsewhere, staffOf('c2'))).scopeOrgIds).toEqual(['c2', 'b1', 'g1']);
  });

  test('a descendant changed meanwhile: the move is refused (409) and nothing of it is written', async () => {
    const { store, deps, admin } = await world();
    await loadOrgTree(store);
    // g1 changes behind the kept tree's back (no mark): the move's transaction meets g1's version condition.
    await store.doc.send(new UpdateCommand({ TableName: store.tableName, Key: { pk: 'ORG#g1', sk: 'ORG' }, UpdateExpression: 'SET version = :v', ExpressionAttributeValues: { ':v': 2 } }));
    await expect(moveOrganization(deps, admin, 'b1', { parentId: 'c2', version: '1' })).rejects.toBeInstanceOf(RegistryVersionConflictError);
    expect(await getOrganization(store, 'b1')).toMatchObject({ parentId: 'c1', path: '/wc/c1/b1/', version: 1 });
    expect(await getOrganization(store, 'g1')).toMatchObject({ path: '/wc/c1/b1/g1/', version: 2 });
  });

  test('a subtree larger than one transaction carries is refused with what to do; nothing is written', async () => {
    const { store, deps, admin } = await world();
    const groups = withAncestryPaths([
      testOrg({ id: 'wc', kind: 'working-committee' }), testOrg({ id: 'c1', kind: 'committee', parentId: 'wc' }), testOrg({ id: 'b1', kind: 'branch', parentId: 'c1' }),
      ...Array.from({ length: 97 }, (_, k) => testOrg({ id: `gx${k}`, kind: 'party-group', parentId: 'b1' })),
    ]).slice(3);
    await transactWrite(store, organizationWrites(store, { created: groups }));
    const refused = moveOrganization(deps, admin, 'b1', { parentId: 'c2', version: '1' });
    await expect(refused).rejects.toBeInstanceOf(OrgSubtreeTooLargeError);
    await expect(refused).rejects.toMatchObject({ httpStatus: 409, userMessage: expect.stringContaining('共 99 个，一次最多可移动 98 个') });
    expect(await getOrganization(store, 'b1')).toMatchObject({ parentId: 'c1', version: 1 });
  });
});

test('organizations stored before paths existed get theirs at the first read of the tree', async () => {
  const store = await createTestStore();
  const put = (id: string, kind: string, parentId?: string) => store.doc.send(new PutCommand({
    TableName: store.tableName,
    Item: { pk: `ORG#${id}`, sk: 'ORG', type: 'organization', gsi1pk: 'ORGS', gsi1sk: id, id, kind, name: id, parentId, committee: [], mayApprove: false, status: 'active', version: 3 },
  }));
  await put('wc', 'working-committee');
  await put('c1', 'committee', 'wc');
  const tree = await loadOrgTree(store);
  expect(tree.pathOf('c1')).toBe('/wc/c1/');
  expect(await getOrganization(store, 'c1')).toMatchObject({ path: '/wc/c1/', version: 3 });
  expect(tree.stalePaths()).toEqual([]);
});
