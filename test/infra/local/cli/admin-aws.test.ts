import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AdminGetUserCommand, AdminListGroupsForUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { SignInChallenge } from '../../../../shared/services/auth';
import { createCognitoAuthenticator } from '../../../../functions/adapters/cognito-authenticator';
import { runAdminCommand } from '../../../../infra/local/cli/admin-command';
import { listAudit } from '../../../../shared/store/audit';
import { getRootSetup, listOrganizations, orgPk } from '../../../../shared/store/orgs-repo';
import type { Store } from '../../../../shared/store/store';
import { startCognitoLocal, type CognitoLocal } from '../../../support/cognito-local';
import { createTestStore } from '../../../support/store';

// `dangjian admin create --aws` against the deployed stack's twins: cognito-local for the user pool, DynamoDB Local
// for the data table; the settings from a `cdk deploy --outputs-file` file or the environment.

let cognito: CognitoLocal;
let dir: string;
const PASSWORD = 'Hong-Qi-2026-Pilot!';

beforeAll(async () => {
  cognito = await startCognitoLocal();
  dir = mkdtempSync(join(tmpdir(), 'dangjian-admin-aws-'));
  writeFileSync(join(dir, 'password.txt'), `${PASSWORD}\n`);
}, 120_000);

afterAll(async () => {
  await cognito?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function io() {
  const lines: string[] = [];
  return { lines, io: { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) } };
}

const args = (email: string, username = 'wangfang') => ['create', '--aws', '--username', username, '--name', '王芳', '--org-name', '中共某某市直属机关工作委员会', '--email', email, '--password-file', join(dir, 'password.txt')];

function outputsFile(store: Store): string {
  const file = join(dir, `outputs-${store.tableName}.json`);
  writeFileSync(file, JSON.stringify({ Dangjian: { ApiUrl: 'https://x.execute-api.example/', UserPoolId: cognito.userPoolId, UserPoolClientId: cognito.clientId, DataTableName: store.tableName } }));
  return file;
}

const env = (extra: Record<string, string> = {}) => ({ COGNITO_ENDPOINT: cognito.endpoint, DYNAMODB_ENDPOINT: process.env.TEST_DYNAMODB_ENDPOINT!, ...extra });

test('without the stack settings it names what is missing and where to find it', async () => {
  const run = io();
  expect(await runAdminCommand(args('a@example.gov.cn'), run.io, {})).toBe(2);
  expect(run.lines.join('\n')).toContain('缺少 AWS 设置 / missing AWS settings: USER_POOL_ID (UserPoolId), USER_POOL_CLIENT_ID (UserPoolClientId), TABLE_NAME (DataTableName)');
  const noEmail = io();
  expect(await runAdminCommand(args('a@example.gov.cn').slice(0, -4).concat(['--password-file', join(dir, 'password.txt')]), noEmail.io, {})).toBe(2);
  expect(noEmail.lines.join('\n')).toContain('--email');
});

test('creates the administrator in the user pool (e-mail, name, custom:orgId, group admin; a first sign-in must change the password) and the root organization in the table; a second run is refused', async () => {
  const store = await createTestStore();
  const email = 'wangfang@example.gov.cn';
  const run = io();
  expect(await runAdminCommand([...args(email), '--outputs', outputsFile(store)], run.io, env())).toBe(0);
  expect(run.lines.join('\n')).toContain('已在 Cognito 用户池');
  const [org] = await listOrganizations(store);
  expect(org).toMatchObject({ name: '中共某某市直属机关工作委员会', kind: 'working-committee', status: 'active' });
  expect((await listAudit(store, orgPk(org.id))).map((e) => e.action)).toEqual(['org.created']);

  const user = await cognito.client.send(new AdminGetUserCommand({ UserPoolId: cognito.userPoolId, Username: email }));
  const attributes = Object.fromEntries((user.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
  expect(attributes).toMatchObject({ email, name: '王芳', 'custom:orgId': org.id });
  expect(user.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
  const groups = await cognito.client.send(new AdminListGroupsForUserCommand({ UserPoolId: cognito.userPoolId, Username: email }));
  expect((groups.Groups ?? []).map((g) => g.GroupName)).toEqual(['admin']);
  const authenticator = createCognitoAuthenticator({ client: cognito.client, clientId: cognito.clientId, userPoolId: cognito.userPoolId });
  // The first sign-in asks for the administrator's own password (NEW_PASSWORD_REQUIRED), then signs in as admin.
  const challenge = await authenticator.verify(email, PASSWORD);
  expect(challenge).toMatchObject({ kind: 'new-password', username: email });
  expect(await authenticator.answer!(challenge as SignInChallenge, { newPassword: 'Wode-Mima-2026x' })).toMatchObject({ role: 'admin', orgId: org.id });

  const again = io();
  expect(await runAdminCommand([...args('other@example.gov.cn', 'other'), '--outputs', outputsFile(store)], again.io, env())).toBe(1);
  expect(again.lines.join('\n')).toContain('首位管理员已经创建过');
  expect(await listOrganizations(store)).toHaveLength(1);
}, 60_000);

test('the environment names the stack as well; two runs at the same moment: one creates, the other is refused', async () => {
  const store = await createTestStore();
  const settings = env({ USER_POOL_ID: cognito.userPoolId, USER_POOL_CLIENT_ID: cognito.clientId, TABLE_NAME: store.tableName });
  const first = io();
  const second = io();
  const codes = await Promise.all([runAdminCommand(args('race-a@example.gov.cn', 'racea'), first.io, settings), runAdminCommand(args('race-b@example.gov.cn', 'raceb'), second.io, settings)]);
  expect(codes.sort()).toEqual([0, 1]);
  expect(await listOrganizations(store)).toHaveLength(1);
  const setup = await getRootSetup(store);
  const loser = setup!.firstAdministrator === 'racea' ? 'race-b@example.gov.cn' : 'race-a@example.gov.cn';
  await expect(cognito.client.send(new AdminGetUserCommand({ UserPoolId: cognito.userPoolId, Username: loser }))).rejects.toMatchObject({ name: 'UserNotFoundException' });
}, 60_000);

test('when the user pool cannot be reached after the organization was written, a rerun with the same names finishes the setup', async () => {
  const store = await createTestStore();
  const email = 'resume@example.gov.cn';
  const failed = io();
  expect(await runAdminCommand([...args(email, 'resume'), '--outputs', outputsFile(store)], failed.io, env({ COGNITO_ENDPOINT: 'http://127.0.0.1:9' }))).toBe(1);
  expect(failed.lines.join('\n')).toContain('再运行一次即可接续');
  const [org] = await listOrganizations(store);
  const other = io();
  expect(await runAdminCommand([...args('someone@example.gov.cn', 'someone'), '--outputs', outputsFile(store)], other.io, env())).toBe(1);
  const resumed = io();
  expect(await runAdminCommand([...args(email, 'resume'), '--outputs', outputsFile(store)], resumed.io, env())).toBe(0);
  expect(resumed.lines.join('\n')).toContain('接续上次未完成的创建');
  expect(await listOrganizations(store)).toEqual([org]);
  const user = await cognito.client.send(new AdminGetUserCommand({ UserPoolId: cognito.userPoolId, Username: email }));
  expect(user.UserAttributes?.find((a) => a.Name === 'custom:orgId')?.Value).toBe(org.id);
}, 60_000);
