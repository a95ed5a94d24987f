import type { Actor } from '../../../../shared/services/actor';
import { runScheduledWork } from '../../../../shared/services/scheduled/tick';
import { saveTermReminderSettings } from '../../../../shared/services/settings/term-reminder-settings';
import { putAccount } from '../../../../shared/store/accounts-repo';
import { startTestRuntime, type TestRuntime } from '../../../support/local-runtime';
import { putTestOrg, testOrg } from '../../../support/registry-fixtures';

// The scheduler tick reads the stored 换届提醒设置: b1's term ends 2027-08-31; its staff s1 is told.

const admin: Actor = { id: 'admin', displayName: '管理员', role: 'admin', orgId: 'c1', scopeOrgIds: ['c1', 'b1'] };
let runtime: TestRuntime;

beforeEach(async () => {
  runtime = await startTestRuntime('2027-02-28T01:00:00.000Z');
  await putTestOrg(runtime.store, testOrg({ id: 'c1', kind: 'committee', name: '数据局机关党委' }));
  await putTestOrg(runtime.store, testOrg({ id: 'b1', kind: 'branch', parentId: 'c1', name: '办公室党支部', termStart: '2024-09-01', termEnd: '2027-08-31' }));
  await putAccount(runtime.store, { username: 's1', passwordHash: 'x', displayName: '支部书记', role: 'branch-staff', orgId: 'b1', email: 's1@example.org' });
});
afterEach(async () => {
  await runtime.shutdown();
});

const tick = async (at: string) => {
  runtime.clock.set(new Date(at));
  return (await runScheduledWork(runtime.deps)).termReminders;
};
const termMails = () => runtime.mailer.sent.filter((mail) => mail.subject.includes('换届'));

test('without a stored setting the tick sends the default 6-month reminder', async () => {
  expect(await tick('2027-02-28T01:00:00.000Z')).toEqual(['b1:6m']);
});

test('set to 3 months: no reminder 6 months before, one 3 months before (once), with the configured request deadline', async () => {
  await saveTermReminderSettings(runtime.deps, admin, { noticeMonths: [3], requestMonths: 2, version: 0 });
  expect(await tick('2027-02-28T01:00:00.000Z')).toEqual([]);
  expect(await tick('2027-05-30T01:00:00.000Z')).toEqual([]);
  expect(await tick('2027-05-31T01:00:00.000Z')).toEqual(['b1:3m']);
  expect(await tick('2027-06-01T01:00:00.000Z')).toEqual([]);
  expect(termMails()).toHaveLength(1);
  expect(termMails()[0]).toMatchObject({ to: ['s1@example.org'], subject: '办公室党支部换届提醒：任期将于 2027-08-31 届满' });
  expect(termMails()[0].text).toContain('换届选举请示须在 2027-06-30 前报送上级党组织');
  expect(await tick('2027-06-30T01:00:00.000Z')).toEqual(['b1:request-2m']);
});

test('changing the setting never sends again a reminder already sent for the same months', async () => {
  await saveTermReminderSettings(runtime.deps, admin, { noticeMonths: [3], requestMonths: 1, version: 0 });
  expect(await tick('2027-05-31T01:00:00.000Z')).toEqual(['b1:3m']);
  // An earlier reminder added later: the latest due is still 3 months, already sent.
  await saveTermReminderSettings(runtime.deps, admin, { noticeMonths: [4, 3], requestMonths: 1, version: 1 });
  expect(await tick('2027-06-01T01:00:00.000Z')).toEqual([]);
  expect(termMails()).toHaveLength(1);
});
