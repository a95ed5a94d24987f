import { randomBytes } from 'node:crypto';
import { ManualClock } from '../../../../infra/local/manual-clock';
import type { Actor, StaffIdentity } from '../../../../shared/services/actor';
import { resolveActor } from '../../../../shared/services/authorization';
import type { RegistryDeps } from '../../../../shared/services/registry';
import { putTestOrg, testOrg } from '../../../support/registry-fixtures';
import { createTestStore } from '../../../support/store';

/** A registry on DynamoDB Local: wc > c1 > (gb > b2), b1 > g1; the clock on 2026-03-02. */
export async function registryFixture(): Promise<{ deps: RegistryDeps & { clock: ManualClock }; actorFor: (identity: Partial<StaffIdentity>) => Promise<Actor> }> {
  const store = await createTestStore();
  for (const org of [
    testOrg({ id: 'wc', kind: 'working-committee', name: '市直机关工委' }),
    testOrg({ id: 'c1', kind: 'committee', parentId: 'wc', name: '数据局机关党委' }),
    testOrg({ id: 'gb', kind: 'general-branch', parentId: 'c1', name: '业务党总支' }),
    testOrg({ id: 'b1', kind: 'branch', parentId: 'c1', name: '办公室党支部' }),
    testOrg({ id: 'b2', kind: 'branch', parentId: 'gb', name: '业务一处党支部' }),
    testOrg({ id: 'g1', kind: 'party-group', parentId: 'b1', name: '第一党小组' }),
  ]) {
    await putTestOrg(store, org);
  }
  const deps = { store, clock: new ManualClock('2026-03-02T01:00:00.000Z'), newId: () => randomBytes(9).toString('base64url') };
  const actorFor = (identity: Partial<StaffIdentity>) => resolveActor(store, { id: 'admin', displayName: '管理员', role: 'admin', orgId: 'wc', ...identity });
  return { deps, actorFor };
}
