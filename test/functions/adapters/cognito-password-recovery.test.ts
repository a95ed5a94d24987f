import { AdminSetUserPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createCognitoAccountDirectory } from '../../../functions/adapters/cognito-account-directory';
import { createCognitoAuthenticator } from '../../../functions/adapters/cognito-authenticator';
import { createCognitoPasswordRecovery } from '../../../functions/adapters/cognito-password-recovery';
import type { HttpHandlerFn } from '../../../functions/http/edge/types';
import { createStaffSite } from '../../../functions/http/staff-site';
import { accountPk } from '../../../shared/store/accounts-repo';
import { listAudit } from '../../../shared/store/audit';
import { startCognitoLocal, type CognitoLocal } from '../../support/cognito-local';
import { putTestOrg, testOrg } from '../../support/registry-fixtures';
import { Browser, csrfFrom } from '../http/support/http-client';
import { createTestDeps, type TestDeps } from '../http/support/test-deps';

// 忘记密码 on AWS: the staff site with Cognito's ForgotPassword / ConfirmForgotPassword, against cognito-local (which
// prints the code it would mail; the test reads it there). Locally the pages do not exist (a reset is a set-password link).

let cognito: CognitoLocal;
let deps: TestDeps;
let site: HttpHandlerFn;
const NEW_PASSWORD = 'Xin-Mi-Ma-2026!';

beforeAll(async () => {
  cognito = await startCognitoLocal();
  deps = await createTestDeps();
  const { client, userPoolId, clientId } = cognito;
  const accounts = createCognitoAccountDirectory({ client, userPoolId, clientId, store: deps.store });
  site = createStaffSite({
    ...deps, accounts, authenticator: createCognitoAuthenticator({ client, clientId, userPoolId }), passwordRecovery: createCognitoPasswordRecovery({ client, clientId, userPoolId }),
  });
  await putTestOrg(deps.store, testOrg({ id: 'b1', name: '办公室党支部', kind: 'branch' }));
  await accounts.create({ username: 'zhouxin', displayName: '周新', role: 'branch-staff', orgId: 'b1', email: 'zhouxin@example.org', temporaryPassword: 'Chushi-2026-x' }, { at: '2026-12-01T01:00:00.000Z', action: 'account.created', actor: 'admin' });
  // Someone who has signed in before and chosen a password (Cognito refuses a code to a user still on a temporary one).
  await client.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: 'zhouxin', Password: 'Jiu-Mi-Ma-2026!', Permanent: true }));
}, 120_000);

afterAll(async () => {
  await cognito?.stop();
});

async function requestCode(browser: Browser, username: string) {
  const form = await browser.get('/staff/forgot-password');
  expect(form.statusCode).toBe(200);
  return browser.post('/staff/forgot-password', { _csrf: csrfFrom(form.body), username });
}

test('the sign-in page offers 忘记密码; a code is mailed; a wrong code or a weak password is refused in Chinese; the right one sets the password', async () => {
  const browser = new Browser(site);
  expect((await browser.get('/staff/sign-in')).body).toContain('href="/staff/forgot-password"');
  const sent = await requestCode(browser, 'zhouxin');
  expect(sent.statusCode).toBe(200);
  expect(sent.body).toContain('如果该账号存在，验证码已发送');
  const code = cognito.lastCode('zhouxin');
  expect(code).toMatch(/^\d{6}$/);
  const csrf = csrfFrom(sent.body);

  const wrongCode = await browser.post('/staff/forgot-password/confirm', { _csrf: csrf, username: 'zhouxin', code: code === '000000' ? '111111' : '000000', newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
  expect(wrongCode.statusCode).toBe(400);
  expect(wrongCode.body).toContain('验证码不正确或已过期');
  const weak = await browser.post('/staff/forgot-password/confirm', { _csrf: csrf, username: 'zhouxin', code: code!, newPassword: 'demo2026', confirmPassword: 'demo2026' });
  expect(weak.statusCode).toBe(422);
  expect(weak.body).toContain('至少需要 10 个字符');
  const notACode = await browser.post('/staff/forgot-password/confirm', { _csrf: csrf, username: 'zhouxin', code: 'abc', newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
  expect(notACode.body).toContain('验证码是邮件中的 6 位数字');

  const done = await browser.post('/staff/forgot-password/confirm', { _csrf: csrf, username: 'zhouxin', code: code!, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
  expect(done.statusCode).toBe(303);
  expect(done.headers?.location).toBe('/staff/sign-in?recovered=1');
  expect((await browser.get('/staff/sign-in?recovered=1')).body).toContain('密码已重设，请用新密码登录');
  const signIn = await browser.post('/staff/sign-in', { _csrf: csrfFrom((await browser.get('/staff/sign-in')).body), username: 'zhouxin', password: NEW_PASSWORD });
  expect(signIn.statusCode).toBe(303);
  expect((await listAudit(deps.store, accountPk('zhouxin'))).map((e) => [e.action, e.actor])).toContainEqual(['account.password-recovered', 'zhouxin']);

  const reused = await browser.post('/staff/forgot-password/confirm', { _csrf: csrf, username: 'zhouxin', code: code!, newPassword: 'Zai-Lai-2026-x!', confirmPassword: 'Zai-Lai-2026-x!' });
  expect(reused.statusCode).toBe(400);
}, 60_000);

test('an unknown account gets the same answer as a known one; a post without the form token is refused', async () => {
  const browser = new Browser(site);
  const unknown = await requestCode(browser, 'nobody@example.org');
  expect(unknown.statusCode).toBe(200);
  expect(unknown.body).toContain('如果该账号存在，验证码已发送');
  const empty = await requestCode(browser, '  ');
  expect(empty.statusCode).toBe(422);
  expect(empty.body).toContain('请填写登录用的电子邮箱或用户名');
  expect((await new Browser(site).post('/staff/forgot-password', { username: 'zhouxin' })).statusCode).toBe(403);
});

test('locally (no provider that mails codes) there is no 忘记密码: the pages are 404 and the sign-in page has no link', async () => {
  const local = new Browser(createStaffSite(deps));
  expect((await local.get('/staff/sign-in')).body).not.toContain('忘记密码');
  expect((await local.get('/staff/forgot-password')).statusCode).toBe(404);
});
