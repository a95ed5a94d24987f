import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createHmac } from 'node:crypto';
import { createCognitoAuthenticator } from '../../../functions/adapters/cognito-authenticator';

/** Cognito is the AWS edge: its client is the one thing these tests replace. */
function idToken(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256' })}.${part(claims)}.signature`;
}

function fakeClient(answer: (command: InitiateAuthCommand) => unknown) {
  const sent: InitiateAuthCommand[] = [];
  return {
    sent,
    client: {
      send: async (command: InitiateAuthCommand) => {
        sent.push(command);
        const result = answer(command);
        if (result instanceof Error) throw result;
        return result;
      },
    },
  };
}

const namedError = (name: string) => Object.assign(new Error(name), { name });

describe('Cognito authenticator', () => {
  test('USER_PASSWORD_AUTH; who signed in from the ID token: groups and custom:orgId (a stale custom:scopeOrgIds is ignored)', async () => {
    const claims = { 'cognito:username': 'zhang', name: '张组织员', 'cognito:groups': ['branch-staff', 'committee-staff'], 'custom:orgId': 'org-a', 'custom:scopeOrgIds': 'org-b, org-c' };
    const { client, sent } = fakeClient(() => ({ AuthenticationResult: { IdToken: idToken(claims) } }));
    const actor = await createCognitoAuthenticator({ client: client as never, clientId: 'client-1' }).verify('zhang', 'pw');
    expect(actor).toEqual({ id: 'zhang', displayName: '张组织员', role: 'committee-staff', orgId: 'org-a' });
    expect(sent[0].input).toEqual({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'client-1', AuthParameters: { USERNAME: 'zhang', PASSWORD: 'pw' } });
  });

  test('a client secret adds SECRET_HASH', async () => {
    const { client, sent } = fakeClient(() => ({ AuthenticationResult: { IdToken: idToken({ 'cognito:groups': ['admin'], 'custom:orgId': 'o', 'cognito:username': 'a' }) } }));
    await createCognitoAuthenticator({ client: client as never, clientId: 'c', clientSecret: 's' }).verify('a', 'pw');
    expect(sent[0].input.AuthParameters?.SECRET_HASH).toBe(createHmac('sha256', 's').update('ac').digest('base64'));
  });

  test.each(['NotAuthorizedException', 'UserNotFoundException', 'UserNotConfirmedException', 'PasswordResetRequiredException'])('%s → null (same as a wrong password)', async (name) => {
    const { client } = fakeClient(() => namedError(name));
    await expect(createCognitoAuthenticator({ client: client as never, clientId: 'c' }).verify('x', 'y')).resolves.toBeNull();
  });

  test('a challenge this site does not offer (SMS), no staff group or no organization → null', async () => {
    const answers = [
      { ChallengeName: 'SMS_MFA', Session: 's' },
      { AuthenticationResult: { IdToken: idToken({ 'cognito:groups': ['readers'], 'custom:orgId': 'o' }) } },
      { AuthenticationResult: { IdToken: idToken({ 'cognito:groups': ['admin'] }) } },
    ];
    for (const answer of answers) {
      const { client } = fakeClient(() => answer);
      await expect(createCognitoAuthenticator({ client: client as never, clientId: 'c' }).verify('x', 'y')).resolves.toBeNull();
    }
  });

  test('other failures (throttling, network) are raised, not reported as wrong credentials', async () => {
    const { client } = fakeClient(() => namedError('TooManyRequestsException'));
    await expect(createCognitoAuthenticator({ client: client as never, clientId: 'c' }).verify('x', 'y')).rejects.toThrow('TooManyRequestsException');
  });
});

describe('MFA_SETUP (a pool that requires MFA, a user without an app): the recorded shapes of Cognito’s answers', () => {
  // cognito-local does not serve AssociateSoftwareToken / VerifySoftwareToken with a sign-in Session (only with an
  // access token), so this path runs against answers shaped as AWS documents and returns them.
  const claims = { 'cognito:username': 'wang', name: '王组织员', 'cognito:groups': ['branch-staff'], 'custom:orgId': 'org-a' };
  const answers: Record<string, (input: Record<string, unknown>) => unknown> = {
    InitiateAuthCommand: () => ({ ChallengeName: 'MFA_SETUP', ChallengeParameters: { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]', USER_ID_FOR_SRP: 'wang' }, Session: 'session-1' }),
    AssociateSoftwareTokenCommand: (input) => (input.Session === 'session-1' ? { SecretCode: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', Session: 'session-2' } : namedError('NotAuthorizedException')),
    VerifySoftwareTokenCommand: (input) => (input.Session === 'session-2' && input.UserCode === '123456' ? { Status: 'SUCCESS', Session: 'session-3' } : namedError('CodeMismatchException')),
    RespondToAuthChallengeCommand: (input) => (input.ChallengeName === 'MFA_SETUP' && input.Session === 'session-3'
      ? { AuthenticationResult: { IdToken: idToken(claims), AccessToken: 'a', RefreshToken: 'r', ExpiresIn: 3600, TokenType: 'Bearer' }, ChallengeParameters: {} }
      : namedError('NotAuthorizedException')),
  };
  const client = {
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      const result = answers[command.constructor.name](command.input);
      if (result instanceof Error) throw result;
      return result;
    },
  };
  const authenticator = createCognitoAuthenticator({ client: client as never, clientId: 'c' });

  test('the password answers with the key to add to the app; its first code finishes the setup and signs in', async () => {
    const challenge = await authenticator.verify('wang', 'Mima-2026-wang!');
    expect(challenge).toEqual({ kind: 'totp-setup', username: 'wang', session: 'session-2', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' });
    await expect(authenticator.answer!(challenge as never, { code: '654321' })).resolves.toBeNull();
    await expect(authenticator.answer!(challenge as never, { code: '123456' })).resolves.toEqual({ id: 'wang', displayName: '王组织员', role: 'branch-staff', orgId: 'org-a' });
  });
});
