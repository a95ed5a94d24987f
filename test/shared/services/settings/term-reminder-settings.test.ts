import { randomBytes } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ManualClock } from '../../../../infra/local/manual-clock';
import { DEFAULT_TERM_REMINDERS } from '../../../../shared/domain/election/term-reminders';
import type { Actor } from '../../../../shared/services/actor';
import type { ServiceDeps } from '../../../../shared/services/deps';
import { AuthForbiddenError, InputInvalidError } from '../../../../shared/errors';
import { SettingsVersionConflictError } from '../../../../shared/services/settings/errors';
import { getTermReminderRules, readTermReminderSettings, saveTermReminderSettings } from '../../../../shared/services/settings/term-reminder-settings';
import { listAudit } from '../../../../shared/store/audit';
import { SETTINGS_PK, getStoredTermReminderSettings } from '../../../../shared/store/settings-repo';
import type { Store } from '../../../../shared/store/store';
import { putTestOrg, testOrg } from '../../../support/registry-fixtures';
import { createTestStore } from '../../../support/store';

const admin: Actor = { id: 'admin', displayName: '管理员', role: 'admin', orgId: 'c1', scopeOrgIds: ['c1', 'b1'] };
const otherAdmin: Actor = { ...admin, id: 'admin2', displayName: '另一位管理员' };
const committee: Actor = { id: 'zz', displayName: '组织员', role: 'committee-staff', orgId: 'c1', scopeOrgIds: ['c1', 'b1'] };
const branch: Actor = { id: 's1', displayName: '支部书记', role: 'branch-staff', orgId: 'b1', scopeOrgIds: ['b1'] };

async function setUp(): Promise<{ deps: ServiceDeps; store: Store; clock: ManualClock }> {
  const store = await createTestStore();
  await putTestOrg(store, testOrg({ id: 'c1', kind: 'committee' }));
  await putTestOrg(store, testOrg({ id: 'b1', kind: 'branch', parentId: 'c1' }));
  const clock = new ManualClock('2026-03-02T01:00:00.000Z');
  const deps = { store, clock, newId: () => randomBytes(9).toString('base64url') } as unknown as ServiceDeps;
  return { deps, store, clock };
}

async function scan(store: Store): Promise<string[]> {
  const { Items } = await store.doc.send(new ScanCommand({ TableName: store.tableName }));
  return (Items ?? []).map((item) => JSON.stringify(item, Object.keys(item).sort())).sort();
}

test('nothing stored: the defaults, version 0', async () => {
  const { deps } = await setUp();
  expect(await getTermReminderRules(deps)).toEqual(DEFAULT_TERM_REMINDERS);
  expect(await readTermReminderSettings(deps, admin)).toEqual({ settings: { noticeMonths: [6, 2], requestMonths: 1 }, version: 0, rules: DEFAULT_TERM_REMINDERS, history: [] });
});

test('an administrator saves; the rules in force follow; the next save goes over version 1; each save has its audit event', async () => {
  const { deps, store, clock } = await setUp();
  const saved = await saveTermReminderSettings(deps, admin, { noticeMonths: [3, 9], requestMonths: 2, version: 0 });
  expect(saved).toMatchObject({ settings: { noticeMonths: [9, 3], requestMonths: 2 }, version: 1, changedByName: '管理员', changedAt: '2026-03-02T01:00:00.000Z' });
  expect(await getStoredTermReminderSettings(store)).toEqual({ noticeMonths: [9, 3], requestMonths: 2, version: 1, changedBy: 'admin', changedByName: '管理员', changedAt: '2026-03-02T01:00:00.000Z' });
  expect((await getTermReminderRules(deps)).map((r) => r.key)).toEqual(['9m', '3m', 'request-2m']);

  clock.set(new Date('2026-03-03T01:00:00.000Z'));
  await saveTermReminderSettings(deps, otherAdmin, { noticeMonths: [6], requestMonths: 1, version: 1 });
  expect(await readTermReminderSettings(deps, admin)).toMatchObject({ version: 2, changedByName: '另一位管理员', settings: { noticeMonths: [6], requestMonths: 1 } });
  const audit = await listAudit(store, SETTINGS_PK);
  expect(audit.map((e) => [e.action, e.actor, e.details?.version])).toEqual([
    ['settings.term-reminders-changed', 'admin', 1],
    ['settings.term-reminders-changed', 'admin2', 2],
  ]);
  expect((await readTermReminderSettings(deps, admin)).history.map((c) => [c.version, c.byName, c.after])).toEqual([
    [2, '另一位管理员', '任期届满前 6 个月发送换届提醒；届满前 1 个月为换届请示报送截止日。'],
    [1, '管理员', '任期届满前 9 个月、3 个月发送换届提醒；届满前 2 个月为换届请示报送截止日。'],
  ]);
  expect(audit[0].details).toMatchObject({ before: '任期届满前 6 个月、2 个月发送换届提醒；届满前 1 个月为换届请示报送截止日。', after: '任期届满前 9 个月、3 个月发送换届提醒；届满前 2 个月为换届请示报送截止日。' });
});

test('a save on a stale version is refused (409) and writes nothing', async () => {
  const { deps, store } = await setUp();
  await saveTermReminderSettings(deps, admin, { noticeMonths: [6, 2], requestMonths: 1, version: 0 });
  const before = await scan(store);
  const stale = await saveTermReminderSettings(deps, otherAdmin, { noticeMonths: [3], requestMonths: 1, version: 0 }).catch((e: unknown) => e);
  expect(stale).toBeInstanceOf(SettingsVersionConflictError);
  expect((stale as SettingsVersionConflictError).httpStatus).toBe(409);
  expect((stale as SettingsVersionConflictError).userMessage).toContain('已被他人修改（当前为第 1 版）');
  expect(await scan(store)).toEqual(before);
});

test('two administrators saving the same version at once: one is saved, the other refused, no update lost silently', async () => {
  const { deps, store } = await setUp();
  const results = await Promise.allSettled([
    saveTermReminderSettings(deps, admin, { noticeMonths: [3], requestMonths: 1, version: 0 }),
    saveTermReminderSettings(deps, otherAdmin, { noticeMonths: [9], requestMonths: 2, version: 0 }),
  ]);
  const saved = results.filter((r) => r.status === 'fulfilled');
  const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  expect(saved).toHaveLength(1);
  expect(refused).toHaveLength(1);
  expect(refused[0].reason).toBeInstanceOf(SettingsVersionConflictError);
  expect((await getStoredTermReminderSettings(store))?.version).toBe(1);
  expect(await listAudit(store, SETTINGS_PK)).toHaveLength(1);
});

test('bad input: 422 with a message per field, nothing written', async () => {
  const { deps, store } = await setUp();
  const before = await scan(store);
  const bad = await saveTermReminderSettings(deps, admin, { noticeMonths: [6, 6, 30], requestMonths: 0, version: 0 }).catch((e: unknown) => e);
  expect(bad).toBeInstanceOf(InputInvalidError);
  expect((bad as InputInvalidError).fieldErrors).toEqual({
    noticeMonths: '提醒月数应为 1 至 24 的整数，“30”不符合。',
    requestMonths: '换届请示截止应为任期届满前 1 至 12 个月的整数（按规定至少提前 1 个月报送），“0”不符合。',
  });
  expect(await scan(store)).toEqual(before);
});

test.each([
  ['committee staff', committee],
  ['branch staff', branch],
])('%s may neither read nor save the setting (403, nothing written)', async (_label, actor) => {
  const { deps, store } = await setUp();
  const before = await scan(store);
  await expect(readTermReminderSettings(deps, actor)).rejects.toBeInstanceOf(AuthForbiddenError);
  await expect(saveTermReminderSettings(deps, actor, { noticeMonths: [3], requestMonths: 1, version: 0 })).rejects.toBeInstanceOf(AuthForbiddenError);
  expect(await scan(store)).toEqual(before);
});
