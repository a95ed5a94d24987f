import QRCode from 'qrcode';
import { createCognitoAuthenticator } from '../../../functions/adapters/cognito-authenticator';
import type { HttpHandlerFn } from '../../../functions/http/edge/types';
import { createStaffSite } from '../../../functions/http/staff-site';
import { createLocalAccountDirectory } from '../../../shared/services/accounts';
import { putTestOrg, testOrg } from '../../support/registry-fixtures';
import { Browser, csrfFrom } from '../http/support/http-client';
import { createTestDeps } from '../http/support/test-deps';

// MFA_SETUP on the sign-in form (a pool with requireMfa=true, a user without an authenticator app yet). cognito-local
// does not serve AssociateSoftwareToken / VerifySoftwareToken with a sign-in Session, so Cognito's answers are the
// recorded shapes AWS documents (as in cognito-authenticator.test.ts); everything from the form down is the real site.

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const idToken = `${part({ alg: 'RS256' })}.${part({ 'cognito:username': 'wang', name: '王组织员', 'cognito:groups': ['branch-staff'], 'custom:orgId': 'b1' })}.signature`;
const namedError = (name: string) => Object.assign(new Error(name), { name });
const answers: Record<string, (input: Record<string, unknown>) => unknown> = {
  InitiateAuthCommand: () => ({ ChallengeName: 'MFA_SETUP', ChallengeParameters: { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' }, Session: 'session-1' }),
  AssociateSoftwareTokenCommand: (input) => (input.Session === 'session-1' ? { SecretCode: SECRET, Session: 'session-2' } : namedError('NotAuthorizedException')),
  VerifySoftwareTokenCommand: (input) => (input.Session === 'session-2' && input.UserCode === '123456' ? { Status: 'SUCCESS', Session: 'session-3' } : namedError('CodeMismatchException')),
  RespondToAuthChallengeCommand: (input) => (input.Session === 'session-3'
    ? { AuthenticationResult: { IdToken: idToken, AccessToken: 'a', RefreshToken: 'r', ExpiresIn: 3600, TokenType: 'Bearer' } }
    : namedError('NotAuthorizedException')),
};
const client = {
  send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
    const result = answers[command.constructor.name](command.input);
    if (result instanceof Error) throw result;
    return result;
  },
};

let site: HttpHandlerFn;
beforeAll(async () => {
  const deps = await createTestDeps();
  await putTestOrg(deps.store, testOrg({ id: 'b1', name: '办公室党支部', kind: 'branch' }));
  site = createStaffSite({ ...deps, accounts: createLocalAccountDirectory(deps.store), authenticator: createCognitoAuthenticator({ client: client as never, clientId: 'c' }) });
}, 60_000);

test('the setup page shows the key as a QR code drawn on the server (inline SVG of the otpauth address), then the first code signs in', async () => {
  const browser = new Browser(site);
  const csrf = csrfFrom((await browser.get('/staff/sign-in')).body);
  const page = await browser.post('/staff/sign-in', { _csrf: csrf, username: 'wang', password: 'Mima-2026-wang!' });
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('绑定身份验证器');
  const uri = `otpauth://totp/${encodeURIComponent('党建流程:wang')}?secret=${SECRET}&issuer=${encodeURIComponent('党建流程')}`;
  const expected = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  const modules = /<path[^>]* d="([^"]+)"[^>]*stroke="#000000"/.exec(expected)?.[1] ?? /<path[^>]* stroke="#000000"[^>]* d="([^"]+)"/.exec(expected)![1];
  expect(page.body).toMatch(/<div class="totp-qr"><svg role="img" aria-label="[^"]+" class="qr"/);
  expect(page.body).toContain(modules);
  expect(page.body).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/); // nothing fetched: no script, no CDN
  expect(page.body).toContain('JBSW Y3DP EHPK 3PXP'); // the key, for an app that cannot scan

  const wrong = await browser.post('/staff/sign-in/challenge', { _csrf: csrf, code: '654321' });
  expect(wrong.statusCode).toBe(401);
  const csrfAgain = csrfFrom((await browser.get('/staff/sign-in')).body);
  await browser.post('/staff/sign-in', { _csrf: csrfAgain, username: 'wang', password: 'Mima-2026-wang!' });
  const done = await browser.post('/staff/sign-in/challenge', { _csrf: csrfAgain, code: '123456' });
  expect(done.statusCode).toBe(303);
  expect((await browser.get('/staff')).statusCode).toBe(200);
});
