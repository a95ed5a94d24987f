import { randomBytes } from 'node:crypto';
import { ManualClock } from '../../../../infra/local/manual-clock';
import type { Organization } from '../../../../shared/domain/registry/organization';
import { orgPath } from '../../../../shared/domain/registry/org-path';
import type { ServiceDeps } from '../../../../shared/services/deps';
import { runScheduledWork } from '../../../../shared/services/scheduled/tick';
import { organizationWrites } from '../../../../shared/store/orgs-repo';
import { transactWrite } from '../../../../shared/store/transact';
import { meterStore } from '../../../../scripts/bench/capacity-meter';
import { addAccount } from '../../../functions/http/support/test-deps';
import { RecordingMailer } from '../../../support/notice-fixtures';
import { putTestOrg, testOrg } from '../../../support/registry-fixtures';
import { createTestStore } from '../../../support/store';

// docs/domain/scheduler.md: once the one-time backfills are done, a tick with nothing due reads the same whatever
// the number of organizations (no part of it lists every organization or its items).

const never = async () => {
  throw new Error('no workflow here');
};

async function steadyTick(branches: number) {
  const store = await createTestStore();
  await putTestOrg(store, testOrg({ id: 'c1', kind: 'committee', name: '数据局机关党委' }));
  await addAccount(store, { username: 'wang', password: 'x', role: 'committee-staff', orgId: 'c1', email: 'wang@example.org' });
  const orgs: Organization[] = Array.from({ length: branches }, (_, i) => ({
    ...testOrg({ id: `b${i}`, kind: 'branch', parentId: 'c1', name: `第${i + 1}党支部`, termStart: '2026-01-01', termEnd: '2029-01-01' }), path: orgPath(orgPath(undefined, 'c1'), `b${i}`),
  }));
  for (let i = 0; i < orgs.length; i += 40) await transactWrite(store, organizationWrites(store, { created: orgs.slice(i, i + 40) }));
  const deps: ServiceDeps = {
    store, clock: new ManualClock('2026-03-30T01:00:00.000Z'), mailer: new RecordingMailer(), newId: () => randomBytes(9).toString('base64url'), publicBaseUrl: 'https://dangjian.example.cn',
    workflow: { startExecution: never, sendTaskSuccess: never, sendTaskFailure: never, stopExecution: never, executionArnOf: () => 'unused' },
  };
  await runScheduledWork(deps); // the backfills and the term entries' keying
  (deps.clock as ManualClock).advance(5 * 60_000);
  const meter = meterStore(store);
  meter.reset();
  const work = await runScheduledWork(deps);
  return { work, reads: { requests: meter.requests, readUnits: meter.readUnits } };
}

test('a steady tick reads the same with 300 branches as with none', async () => {
  const none = await steadyTick(0);
  const many = await steadyTick(300);
  expect(many.work).toEqual(none.work);
  expect(many.reads).toEqual(none.reads);
}, 180_000);
