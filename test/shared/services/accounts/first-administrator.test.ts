import { randomBytes } from 'node:crypto';
import { ManualClock } from '../../../../infra/local/manual-clock';
import { AccountsAlreadySetUpError, createFirstAdministrator } from '../../../../shared/services/accounts';
import { createLocalAuthenticator } from '../../../../shared/services/auth';
import { InputInvalidError } from '../../../../shared/errors';
import { accountPk, getAccount } from '../../../../shared/store/accounts-repo';
import { listAudit } from '../../../../shared/store/audit';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { getRootSetup, listOrganizations, orgPk } from '../../../../shared/store/orgs-repo';
import { createTestStore } from '../../../support/store';

const input = { username: 'WangFang', displayName: ' 王芳 ', email: 'wangfang@example.gov.cn', password: 'Hong-Qi-2026-pilot', orgName: '中共某某市直属机关工作委员会' };

async function deps() {
  return { store: await createTestStore(), clock: new ManualClock('2026-12-04T01:00:00.000Z'), newId: () => randomBytes(16).toString('base64url') };
}

test('creates the root organization and its administrator in one transaction, each with its audit event; the password signs in', async () => {
  const d = await deps();
  const created = await createFirstAdministrator(d, input);
  expect(created.username).toBe('wangfang');
  const [org] = await listOrganizations(d.store);
  expect(org).toMatchObject({ id: created.orgId, name: input.orgName, kind: 'working-committee', mayApprove: true, status: 'active', version: 1 });
  const account = await getAccount(d.store, 'wangfang');
  expect(account).toMatchObject({ role: 'admin', orgId: org.id, displayName: '王芳', email: 'wangfang@example.gov.cn' });
  expect(account?.passwordHash).not.toContain(input.password);
  expect((await listAudit(d.store, orgPk(org.id))).map((e) => e.action)).toEqual(['org.created']);
  expect((await listAudit(d.store, accountPk('wangfang'))).map((e) => [e.action, e.actor])).toEqual([['account.created', 'system']]);
  const authenticator = createLocalAuthenticator(d.store);
  expect(await authenticator.verify('wangfang', input.password)).toMatchObject({ id: 'wangfang', role: 'admin' });
  expect(await authenticator.verify('wangfang', 'demo2026')).toBeNull();
});

test('a second run is refused once an organization exists; nothing is added', async () => {
  const d = await deps();
  await createFirstAdministrator(d, input);
  await expect(createFirstAdministrator(d, { ...input, username: 'other' })).rejects.toBeInstanceOf(AccountsAlreadySetUpError);
  expect(await listOrganizations(d.store)).toHaveLength(1);
  expect(await getAccount(d.store, 'other')).toBeUndefined();
});

test('two runs at the same moment on an empty store: exactly one creates, the other is refused; one organization, one administrator', async () => {
  const d = await deps();
  const runs = await Promise.allSettled([
    createFirstAdministrator(d, input),
    createFirstAdministrator(d, { ...input, username: 'lihua', password: 'Hong-Qi-2026-second', orgName: '中共另一市直属机关工作委员会' }),
  ]);
  expect(runs.filter((run) => run.status === 'fulfilled')).toHaveLength(1);
  const refused = runs.find((run) => run.status === 'rejected') as PromiseRejectedResult;
  expect(refused.reason).toBeInstanceOf(AccountsAlreadySetUpError);
  expect(await listOrganizations(d.store)).toHaveLength(1);
  const admins = [await getAccount(d.store, 'wangfang'), await getAccount(d.store, 'lihua')].filter(Boolean);
  expect(admins).toHaveLength(1);
});

test('a store set up by another run (its marker written) refuses even if its organization were not yet visible', async () => {
  const d = await deps();
  await createFirstAdministrator(d, input);
  const { orgId } = (await getRootSetup(d.store))!;
  expect((await listOrganizations(d.store)).map((o) => o.id)).toEqual([orgId]);
  await d.store.doc.send(new DeleteCommand({ TableName: d.store.tableName, Key: { pk: orgPk(orgId), sk: 'ORG' } }));
  await expect(createFirstAdministrator(d, { ...input, username: 'other' })).rejects.toBeInstanceOf(AccountsAlreadySetUpError);
  expect(await getAccount(d.store, 'other')).toBeUndefined();
});

test.each([
  [{ password: 'demo2026' }, 'password', /至少需要 10 个字符/],
  [{ password: 'wangfang-2026' }, 'password', /不能包含用户名/],
  [{ username: '王芳' }, 'username', /3 至 32 位/],
  [{ displayName: '  ' }, 'displayName', /请填写姓名/],
  [{ email: 'wangfang' }, 'email', /电子邮箱格式不正确/],
  [{ orgName: '' }, 'orgName', /请填写根组织的名称/],
])('bad input %j is refused on %s with a Chinese reason, and nothing is written', async (change, field, message) => {
  const d = await deps();
  const error = await createFirstAdministrator(d, { ...input, ...change }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputInvalidError);
  expect((error as InputInvalidError).fieldErrors[field]).toMatch(message);
  expect(await listOrganizations(d.store)).toEqual([]);
});
