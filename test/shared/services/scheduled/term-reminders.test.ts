import { randomBytes } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ManualClock } from '../../../../infra/local/manual-clock';
import type { ServiceDeps } from '../../../../shared/services/deps';
import { sendTermReminders } from '../../../../shared/services/scheduled/term-reminders';
import { putAccount } from '../../../../shared/store/accounts-repo';
import { listAudit } from '../../../../shared/store/audit';
import { getOrganization, orgPk, organizationWrites } from '../../../../shared/store/orgs-repo';
import { transactWrite } from '../../../../shared/store/transact';
import { RecordingMailer } from '../../../support/notice-fixtures';
import { putTestOrg, testOrg } from '../../../support/registry-fixtures';
import { createTestStore } from '../../../support/store';

/** c1 (committee, 组织员 zz) > b1 (branch, term ends 2027-08-31, secretary s1; s0 disabled), and b2 without a term. */
async function fixture(now: string) {
  const store = await createTestStore();
  await putTestOrg(store, testOrg({ id: 'c1', kind: 'committee', name: '数据局机关党委' }));
  await putTestOrg(store, testOrg({ id: 'b1', kind: 'branch', parentId: 'c1', name: '办公室党支部', termStart: '2024-09-01', termEnd: '2027-08-31' }));
  await putTestOrg(store, testOrg({ id: 'b2', kind: 'branch', parentId: 'c1', name: '业务党支部' }));
  const account = { passwordHash: 'x', displayName: '某人' };
  await putAccount(store, { ...account, username: 'zz', role: 'committee-staff', orgId: 'c1', email: 'zz@example.org' });
  await putAccount(store, { ...account, username: 's1', role: 'branch-staff', orgId: 'b1', email: 's1@example.org' });
  await putAccount(store, { ...account, username: 's0', role: 'branch-staff', orgId: 'b1', email: 's0@example.org', disabled: true });
  await putAccount(store, { ...account, username: 'ad', role: 'admin', orgId: 'c1', email: 'admin@example.org' });
  const mailer = new RecordingMailer();
  const clock = new ManualClock(now);
  const deps = { store, clock, mailer, newId: () => randomBytes(9).toString('base64url'), publicBaseUrl: 'http://site' } as unknown as ServiceDeps;
  return { deps, mailer, clock, store };
}

test('nothing is sent the day before the 6-month reminder (China time)', async () => {
  // 2027-02-27T23:59 in China is still the 27th.
  const { deps, mailer } = await fixture('2027-02-27T15:59:00.000Z');
  expect((await sendTermReminders(deps)).sent).toEqual([]);
  expect(mailer.sent).toEqual([]);
});

test('each reminder is sent once, to the branch staff and the committee staff above, never the disabled or the administrator', async () => {
  const { deps, mailer, clock, store } = await fixture('2027-02-27T16:00:00.000Z');
  expect((await sendTermReminders(deps)).sent).toEqual(['b1:6m']);
  expect((await sendTermReminders(deps)).sent).toEqual([]);
  expect(mailer.sent).toHaveLength(1);
  expect(mailer.sent[0].to.sort()).toEqual(['s1@example.org', 'zz@example.org']);
  expect(mailer.sent[0].subject).toBe('办公室党支部换届提醒：任期将于 2027-08-31 届满');
  expect(mailer.sent[0].text).toContain('http://site/staff/elections');

  clock.set(new Date('2027-07-31T01:00:00.000Z'));
  expect((await sendTermReminders(deps)).sent).toEqual(['b1:request-1m']);
  expect(mailer.sent[1].subject).toBe('办公室党支部换届请示截止提醒（任期 2027-08-31 届满）');
  const audit = await listAudit(store, orgPk('b1'));
  expect(audit.filter((e) => e.action === 'org.term-reminder-sent').map((e) => e.details?.reminder)).toEqual(['6m', 'request-1m']);
});

test('ten scheduler runs at once send a reminder only once: one marker per term and month', async () => {
  const { deps, mailer } = await fixture('2027-06-30T01:00:00.000Z');
  const runs = await Promise.all(Array.from({ length: 10 }, () => sendTermReminders(deps)));
  expect(runs.flatMap((r) => r.sent)).toEqual(['b1:2m']);
  expect(mailer.sent).toHaveLength(1);
  const { Items } = await deps.store.doc.send(new ScanCommand({ TableName: deps.store.tableName, ConsistentRead: true }));
  expect((Items ?? []).filter((item) => item.type === 'term-reminder').map((item) => `${item.pk} ${item.sk}`)).toEqual(['ORG#b1 TERMREMINDER#2027-08-31#2m']);
});

test('after the term end the overdue warning is sent once; a renewed term starts its own reminders', async () => {
  const { deps, mailer, clock, store } = await fixture('2027-09-01T01:00:00.000Z');
  expect((await sendTermReminders(deps)).sent).toEqual(['b1:overdue']);
  expect(mailer.sent[0].subject).toBe('办公室党支部换届逾期：任期已于 2027-08-31 届满');
  clock.set(new Date('2027-10-01T01:00:00.000Z'));
  expect((await sendTermReminders(deps)).sent).toEqual([]);

  const b1 = (await getOrganization(store, 'b1'))!;
  await transactWrite(store, organizationWrites(store, { replaced: [{ ...b1, termStart: '2027-09-20', termEnd: '2030-09-19', version: b1.version + 1 }] }));
  clock.set(new Date('2030-03-19T01:00:00.000Z'));
  expect((await sendTermReminders(deps)).sent).toEqual(['b1:6m']);
});
