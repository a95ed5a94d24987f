import {
  AssociateSoftwareTokenCommand, InitiateAuthCommand, SetUserMFAPreferenceCommand, SetUserPoolMfaConfigCommand, VerifySoftwareTokenCommand, AdminSetUserPasswordCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createCognitoAccountDirectory } from '../../../functions/adapters/cognito-account-directory';
import { createCognitoAuthenticator } from '../../../functions/adapters/cognito-authenticator';
import type { HttpHandlerFn } from '../../../functions/http/edge/types';
import { createStaffSite } from '../../../functions/http/staff-site';
import { startCognitoLocal, type CognitoLocal } from '../../support/cognito-local';
import { putTestOrg, testOrg } from '../../support/registry-fixtures';
import { totpCode } from '../../support/totp';
import { Browser, csrfFrom } from '../http/support/http-client';
import { createTestDeps, type TestDeps } from '../http/support/test-deps';

// The sign-in form against cognito-local: a first password set by an administrator (NEW_PASSWORD_REQUIRED) and the
// authenticator app's code (SOFTWARE_TOKEN_MFA). MFA_SETUP is in cognito-authenticator.test.ts (cognito-local does not
// serve AssociateSoftwareToken / VerifySoftwareToken with a sign-in Session, only with an access token).

let cognito: CognitoLocal;
let deps: TestDeps;
let site: HttpHandlerFn;

beforeAll(async () => {
  cognito = await startCognitoLocal();
  deps = await createTestDeps();
  const { client, userPoolId, clientId } = cognito;
  const accounts = createCognitoAccountDirectory({ client, userPoolId, clientId, store: deps.store });
  site = createStaffSite({ ...deps, accounts, authenticator: createCognitoAuthenticator({ client, clientId, userPoolId }) });
  await putTestOrg(deps.store, testOrg({ id: 'b1', name: '办公室党支部', kind: 'branch' }));
  const audit = { at: '2026-12-01T01:00:00.000Z', action: 'account.created', actor: 'admin' } as const;
  await accounts.create({ username: 'xinren', displayName: '辛仁', role: 'branch-staff', orgId: 'b1', email: 'xinren@example.org', temporaryPassword: 'Chushi-2026-x' }, audit);
  await accounts.create({ username: 'anquan', displayName: '安全', role: 'branch-staff', orgId: 'b1', email: 'anquan@example.org', temporaryPassword: 'Chushi-2026-y' }, audit);
  await client.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: 'anquan', Password: 'Anquan-Mima-2026!', Permanent: true }));
}, 120_000);

afterAll(async () => {
  await cognito?.stop();
});

async function passwordStep(browser: Browser, username: string, password: string) {
  const form = await browser.get('/staff/sign-in');
  const csrf = csrfFrom(form.body);
  return { csrf, page: await browser.post('/staff/sign-in', { _csrf: csrf, username, password }) };
}

test('NEW_PASSWORD_REQUIRED: the form asks for the user’s own password, then signs in; the new one signs in directly', async () => {
  const browser = new Browser(site);
  const { csrf, page } = await passwordStep(browser, 'xinren', 'Chushi-2026-x');
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('设置新密码');
  expect(page.body).toContain('name="newPassword"');
  const mismatch = await browser.post('/staff/sign-in/challenge', { _csrf: csrf, newPassword: 'Wode-Mima-2026!', confirmPassword: 'Wode-Mima-2026?' });
  expect(mismatch.statusCode).toBe(422);
  expect(mismatch.body).toContain('两次输入的新密码不一致');
  const done = await browser.post('/staff/sign-in/challenge', { _csrf: csrf, newPassword: 'Wode-Mima-2026!', confirmPassword: 'Wode-Mima-2026!' });
  expect(done.statusCode).toBe(303);
  expect(done.headers?.location).toBe('/staff');
  expect((await browser.get('/staff')).statusCode).toBe(200);

  const again = await passwordStep(new Browser(site), 'xinren', 'Wode-Mima-2026!');
  expect(again.page.statusCode).toBe(303);
});

test('SOFTWARE_TOKEN_MFA: the app’s code is asked after the password; a wrong code starts over, the right one signs in', async () => {
  const { client, clientId, userPoolId } = cognito;
  // As the stack's pool: MFA optional, by authenticator app only.
  await client.send(new SetUserPoolMfaConfigCommand({ UserPoolId: userPoolId, MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } }));
  const tokens = await client.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'anquan', PASSWORD: 'Anquan-Mima-2026!' } }));
  const accessToken = tokens.AuthenticationResult!.AccessToken!;
  const { SecretCode } = await client.send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken }));
  await client.send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: totpCode(SecretCode!) }));
  await client.send(new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }));

  const browser = new Browser(site);
  const first = await passwordStep(browser, 'anquan', 'Anquan-Mima-2026!');
  expect(first.page.statusCode).toBe(200);
  expect(first.page.body).toContain('输入验证码');
  expect((await browser.get('/staff')).statusCode).toBe(303); // no session yet
  const notACode = await browser.post('/staff/sign-in/challenge', { _csrf: first.csrf, code: '12ab' });
  expect(notACode.statusCode).toBe(422);
  expect(notACode.body).toContain('6 位数字验证码');
  const right = totpCode(SecretCode!);
  const wrong = await browser.post('/staff/sign-in/challenge', { _csrf: first.csrf, code: right === '000000' ? '111111' : '000000' });
  expect(wrong.statusCode).toBe(401);
  expect(wrong.body).toContain('验证码错误或已超时，请重新登录。');

  const second = await passwordStep(browser, 'anquan', 'Anquan-Mima-2026!');
  const signedIn = await browser.post('/staff/sign-in/challenge', { _csrf: second.csrf, code: totpCode(SecretCode!) });
  expect(signedIn.statusCode).toBe(303);
  expect((await browser.get('/staff')).statusCode).toBe(200);
});
