import { randomBytes } from 'node:crypto';
import { ManualClock } from '../../../../infra/local/manual-clock';
import type { Actor } from '../../../../shared/services/actor';
import type { ServiceDeps } from '../../../../shared/services/deps';
import { runScheduledWork } from '../../../../shared/services/scheduled/tick';
import { saveTermReminderSettings } from '../../../../shared/services/settings/term-reminder-settings';
import { getDueEntry } from '../../../../shared/store/due-index';
import { getOrganization, organizationPutForBulkLoad, organizationWrites, orgPk } from '../../../../shared/store/orgs-repo';
import { transactWrite } from '../../../../shared/store/transact';
import type { Organization } from '../../../../shared/domain/registry/organization';
import { orgPath } from '../../../../shared/domain/registry/org-path';
import { meterStore } from '../../../../scripts/bench/capacity-meter';
import { addAccount } from '../../../functions/http/support/test-deps';
import { RecordingMailer } from '../../../support/notice-fixtures';
import { putTestOrg, testOrg } from '../../../support/registry-fixtures';
import { createTestStore } from '../../../support/store';

// docs/domain/scheduler.md: the tick looks at the organizations whose term entry is due, never at every organization.

type Deps = ServiceDeps & { clock: ManualClock; mailer: RecordingMailer };

async function freshDeps(now = '2026-03-29T01:00:00.000Z'): Promise<Deps> {
  const store = await createTestStore();
  await putTestOrg(store, testOrg({ id: 'c1', kind: 'committee', name: '数据局机关党委' }));
  await addAccount(store, { username: 'wang', password: 'x', role: 'committee-staff', orgId: 'c1', email: 'wang@example.org' });
  const never = async () => {
    throw new Error('no workflow here');
  };
  return {
    store,
    clock: new ManualClock(now),
    mailer: new RecordingMailer(),
    workflow: { startExecution: never, sendTaskSuccess: never, sendTaskFailure: never, stopExecution: never, executionArnOf: () => 'unused' },
    newId: () => randomBytes(9).toString('base64url'),
    publicBaseUrl: 'https://dangjian.example.cn',
  };
}

const branch = (id: string, termEnd: string): Organization => ({
  ...testOrg({ id, kind: 'branch', parentId: 'c1', name: `第${id}党支部`, termStart: '2023-01-01', termEnd }), path: orgPath(orgPath(undefined, 'c1'), id),
});
// Term end 2026-09-30: the 6-month reminder is due 2026-03-30. Term end 2029-06-30: nothing for years.
const dueSoon = (n: number) => Array.from({ length: n }, (_, i) => branch(`due-${i}`, '2026-09-30'));
const later = (n: number) => Array.from({ length: n }, (_, i) => branch(`later-${String(i).padStart(3, '0')}`, '2029-06-30'));

/** Organizations as the services write them (with their term entry), 40 a transaction. */
async function putOrgs(deps: Deps, orgs: Organization[]): Promise<void> {
  for (let i = 0; i < orgs.length; i += 40) await transactWrite(deps.store, organizationWrites(deps.store, { created: orgs.slice(i, i + 40) }));
}

async function measured(deps: Deps) {
  const meter = meterStore(deps.store);
  meter.reset();
  const work = await runScheduledWork(deps);
  return { work, reads: { requests: meter.requests, readUnits: meter.readUnits } };
}

async function tickReads(laterCount: number) {
  const deps = await freshDeps();
  await putOrgs(deps, [...dueSoon(3), ...later(laterCount)]);
  const keying = await runScheduledWork(deps); // 2026-03-29: the entries keyed for the setting, nothing due yet
  deps.clock.set(new Date('2026-03-30T01:00:00.000Z'));
  const first = await measured(deps);
  deps.clock.advance(5 * 60_000);
  const again = await measured(deps);
  return { deps, keying, first, again };
}

test('one tick looks at the 3 organizations due and at none of the 300 others: the same reads as with no other organization', async () => {
  const alone = await tickReads(0);
  const among = await tickReads(300);
  for (const run of [alone, among]) {
    expect(run.keying.termReminders).toEqual([]);
    expect(run.first.work.termReminders.sort()).toEqual(['due-0:6m', 'due-1:6m', 'due-2:6m']);
    expect(run.first.work.termIndex).toEqual({ keyed: undefined, woken: 3 });
    expect(run.again.work.termIndex).toEqual({ keyed: undefined, woken: 0 }); // moved to the 2-month reminder in the write that recorded the mail
  }
  expect(among.keying.termIndex.keyed).toBe(303); // c1 has no term
  expect(among.first.reads).toEqual(alone.first.reads);
  expect(among.again.reads).toEqual(alone.again.reads);
  expect(among.deps.mailer.sent).toHaveLength(3);
  expect(await getDueEntry(among.deps.store, orgPk('due-0'))).toMatchObject({ wakeAt: '2026-07-30', termEnd: '2026-09-30' });
  expect(await getDueEntry(among.deps.store, orgPk('later-000'))).toMatchObject({ wakeAt: '2028-12-30' });
}, 180_000);

test('an organization write keeps its entry: at the earliest possible reminder, moved by the first look to the setting\'s date; closed: none', async () => {
  const deps = await freshDeps();
  await putOrgs(deps, later(1));
  expect(await getDueEntry(deps.store, orgPk('later-000'))).toMatchObject({ wakeAt: '2027-06-30', termEnd: '2029-06-30' }); // 24 months before
  await runScheduledWork(deps);
  expect(await getDueEntry(deps.store, orgPk('later-000'))).toMatchObject({ wakeAt: '2028-12-30' });

  // Renewed to end 2026-05-31: due at once (its 2-month reminder, 2026-03-31, not yet: the 6-month one from 2025-11-30).
  const org = (await getOrganization(deps.store, 'later-000'))!;
  await transactWrite(deps.store, organizationWrites(deps.store, { replaced: [{ ...org, termEnd: '2026-05-31', version: org.version + 1 }] }));
  expect(await getDueEntry(deps.store, orgPk('later-000'))).toMatchObject({ wakeAt: '2024-05-31', termEnd: '2026-05-31' });
  expect((await runScheduledWork(deps)).termReminders).toEqual(['later-000:6m']);
  expect(await getDueEntry(deps.store, orgPk('later-000'))).toMatchObject({ wakeAt: '2026-03-31' });

  // A move (terms unchanged) leaves the entry; the close deletes it.
  const moved = (await getOrganization(deps.store, 'later-000'))!;
  await transactWrite(deps.store, organizationWrites(deps.store, { replaced: [{ ...moved, version: moved.version + 1 }], termsUnchanged: true }));
  expect(await getDueEntry(deps.store, orgPk('later-000'))).toMatchObject({ wakeAt: '2026-03-31' });
  await transactWrite(deps.store, organizationWrites(deps.store, { replaced: [{ ...moved, status: 'closed', closedAt: '2026-03-29', version: moved.version + 2 }] }));
  expect(await getDueEntry(deps.store, orgPk('later-000'))).toBeUndefined();
  deps.clock.set(new Date('2026-03-31T01:00:00.000Z'));
  expect((await runScheduledWork(deps)).termIndex.woken).toBe(0);
});

test('a changed setting re-keys the entries: a reminder earlier than the one an entry waits for is sent on its day', async () => {
  const deps = await freshDeps('2026-12-01T01:00:00.000Z');
  await putOrgs(deps, [branch('b1', '2027-08-31')]);
  await addAccount(deps.store, { username: 's1', password: 'x', orgId: 'b1', email: 's1@example.org' });
  expect((await runScheduledWork(deps)).termIndex).toEqual({ keyed: 1, woken: 0 });
  expect(await getDueEntry(deps.store, orgPk('b1'))).toMatchObject({ wakeAt: '2027-02-28' }); // 6 months before
  const admin: Actor = { id: 'admin', displayName: '管理员', role: 'admin', orgId: 'c1', scopeOrgIds: ['c1', 'b1'] };
  await saveTermReminderSettings(deps, admin, { noticeMonths: [9, 2], requestMonths: 1, version: 0 }); // 9 months: 2026-11-30
  deps.clock.advance(5 * 60_000);
  const after = await runScheduledWork(deps);
  expect(after.termIndex).toEqual({ keyed: 1, woken: 1 });
  expect(after.termReminders).toEqual(['b1:9m']);
  expect(await getDueEntry(deps.store, orgPk('b1'))).toMatchObject({ wakeAt: '2027-06-30' });
  expect((await runScheduledWork(deps)).termIndex).toEqual({ keyed: undefined, woken: 0 });
});

test('organizations stored before the index (a bulk load) get their entry at the first tick; a reminder already sent is not sent again', async () => {
  const deps = await freshDeps('2026-03-30T01:00:00.000Z');
  for (const org of dueSoon(2)) await transactWrite(deps.store, [organizationPutForBulkLoad(deps.store, org)]);
  // due-0's reminder was sent by the scanning tick before the index existed.
  await deps.store.doc.send(new (await import('@aws-sdk/lib-dynamodb')).PutCommand({ TableName: deps.store.tableName, Item: { pk: orgPk('due-0'), sk: 'TERMREMINDER#2026-09-30#6m', type: 'term-reminder', at: '2026-03-30T00:00:00.000Z' } }));
  const first = await runScheduledWork(deps);
  expect(first.termIndex).toEqual({ keyed: 2, woken: 2 });
  expect(first.termReminders).toEqual(['due-1:6m']);
  expect(await getDueEntry(deps.store, orgPk('due-0'))).toMatchObject({ wakeAt: '2026-07-30' });
  expect((await runScheduledWork(deps)).termIndex).toEqual({ keyed: undefined, woken: 0 });
});
