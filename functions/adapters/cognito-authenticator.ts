import { createHmac } from 'node:crypto';
import {
  AdminGetUserCommand, AssociateSoftwareTokenCommand, CognitoIdentityProviderClient, InitiateAuthCommand, RespondToAuthChallengeCommand,
  VerifySoftwareTokenCommand, type InitiateAuthCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import type { StaffIdentity, StaffRole } from '../../shared/services/actor';
import { ChallengePasswordRefusedError, type Authenticator, type ChallengeResponse, type SignInChallenge, type VerifiedIdentity } from '../../shared/services/auth';

/**
 * Staff sign-in against a Cognito user pool (USER_PASSWORD_AUTH), with its challenges answered on the sign-in form
 * (RespondToAuthChallenge): NEW_PASSWORD_REQUIRED (a password an administrator set: the user chooses their own),
 * SOFTWARE_TOKEN_MFA (the authenticator app's code) and MFA_SETUP (a pool that requires MFA and a user without an app
 * yet: AssociateSoftwareToken gives the key to add, VerifySoftwareToken checks its first code). The actor comes from the ID token
 * Cognito returns over TLS: role from `cognito:groups`, organization from the custom attribute `custom:orgId`.
 * The scope is computed per request from the organization tree, as for local accounts (the pool's old
 * `custom:scopeOrgIds` attribute is ignored: Cognito cannot remove a custom attribute from an existing pool).
 */

export interface CognitoAuthenticatorOptions {
  client: Pick<CognitoIdentityProviderClient, 'send'>;
  clientId: string;
  /** Only for an app client created with a secret. */
  clientSecret?: string;
  /**
   * With the pool's id, the site checks again that the user is enabled after Cognito signed them in.
   */
  userPoolId?: string;
}

/** Cognito's answers that mean "these credentials do not sign in": all reported alike, as null. */
const REFUSALS = new Set([
  'NotAuthorizedException',
  'UserNotFoundException',
  'UserNotConfirmedException',
  'PasswordResetRequiredException',
  'InvalidParameterException',
  'InvalidPasswordException', // cognito-local's answer to a wrong password
]);

/** Most privileged group first. */
const GROUP_ROLES: [string, StaffRole][] = [
  ['admin', 'admin'],
  ['committee-staff', 'committee-staff'],
  ['branch-staff', 'branch-staff'],
];

export function decodeJwtPayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) throw new Error('Malformed ID token from Cognito');
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** The identity an ID token describes, or null when it names no staff group or no organization. */
export function actorFromClaims(claims: Record<string, unknown>): StaffIdentity | null {
  const groups = Array.isArray(claims['cognito:groups']) ? (claims['cognito:groups'] as unknown[]).map(String) : [];
  const role = GROUP_ROLES.find(([group]) => groups.includes(group))?.[1];
  const orgId = typeof claims['custom:orgId'] === 'string' ? claims['custom:orgId'].trim() : '';
  if (!role || !orgId) return null;
  const id = String(claims['cognito:username'] ?? claims.sub ?? '');
  const displayName = String(claims.name ?? claims.preferred_username ?? id);
  return { id, displayName, role, orgId };
}

async function isEnabled(options: CognitoAuthenticatorOptions, userPoolId: string, username: string): Promise<boolean> {
  const user = await options.client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }));
  return user.Enabled !== false;
}

/** Cognito's answers to a wrong one-time code or an expired sign-in session: the challenge failed. */
const CHALLENGE_REFUSALS = new Set(['CodeMismatchException', 'NotAuthorizedException', 'ExpiredCodeException', 'EnableSoftwareTokenMFAException', 'InvalidParameterException']);

const errorName = (error: unknown) => (error as { name?: string }).name ?? '';

export function createCognitoAuthenticator(options: CognitoAuthenticatorOptions): Authenticator {
  const secretHash = (username: string): Record<string, string> => options.clientSecret
    ? { SECRET_HASH: createHmac('sha256', options.clientSecret).update(username + options.clientId).digest('base64') }
    : {};

  /** What an InitiateAuth or RespondToAuthChallenge answer means for the sign-in form. */
  async function outcome(result: Pick<InitiateAuthCommandOutput, 'AuthenticationResult' | 'ChallengeName' | 'Session'>, username: string): Promise<VerifiedIdentity | SignInChallenge | null> {
    const idToken = result.AuthenticationResult?.IdToken;
    if (idToken) {
      const identity = actorFromClaims(decodeJwtPayload(idToken));
      // Cognito refuses a disabled user itself; with the pool's id, the site checks again (a sign-in is rare, a disabled
      // account signing in is not to be left to one check).
      if (identity && options.userPoolId && !(await isEnabled(options, options.userPoolId, username))) return null;
      return identity;
    }
    const session = result.Session ?? '';
    if (result.ChallengeName === 'NEW_PASSWORD_REQUIRED') return { kind: 'new-password', username, session };
    if (result.ChallengeName === 'SOFTWARE_TOKEN_MFA') return { kind: 'totp', username, session };
    if (result.ChallengeName === 'MFA_SETUP') {
      const associated = await options.client.send(new AssociateSoftwareTokenCommand({ Session: session }));
      return { kind: 'totp-setup', username, session: associated.Session ?? session, secret: associated.SecretCode };
    }
    // Any other challenge (SMS, e-mail codes) is not a sign-in this site offers.
    return null;
  }

  const respond = (challenge: string, username: string, session: string, responses: Record<string, string>) =>
    options.client.send(new RespondToAuthChallengeCommand({
      ClientId: options.clientId,
      ChallengeName: challenge as never,
      Session: session,
      ChallengeResponses: { USERNAME: username, ...responses, ...secretHash(username) },
    }));

  return {
    async verify(username: string, password: string): Promise<VerifiedIdentity | SignInChallenge | null> {
      try {
        const result = await options.client.send(
          new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: options.clientId, AuthParameters: { USERNAME: username, PASSWORD: password, ...secretHash(username) } }),
        );
        return await outcome(result, username);
      } catch (error) {
        if (REFUSALS.has(errorName(error))) return null;
        throw error;
      }
    },

    async answer(challenge: SignInChallenge, response: ChallengeResponse): Promise<VerifiedIdentity | SignInChallenge | null> {
      try {
        if (challenge.kind === 'new-password') {
          return await outcome(await respond('NEW_PASSWORD_REQUIRED', challenge.username, challenge.session, { NEW_PASSWORD: response.newPassword ?? '' }), challenge.username);
        }
        if (challenge.kind === 'totp') {
          return await outcome(await respond('SOFTWARE_TOKEN_MFA', challenge.username, challenge.session, { SOFTWARE_TOKEN_MFA_CODE: response.code ?? '' }), challenge.username);
        }
        const verified = await options.client.send(new VerifySoftwareTokenCommand({ Session: challenge.session, UserCode: response.code ?? '', FriendlyDeviceName: '党建流程' }));
        if (verified.Status !== 'SUCCESS') return null;
        return await outcome(await respond('MFA_SETUP', challenge.username, verified.Session ?? challenge.session, {}), challenge.username);
      } catch (error) {
        if (errorName(error) === 'InvalidPasswordException' && challenge.kind === 'new-password') {
          throw new ChallengePasswordRefusedError('新密码不符合要求：至少 12 位，须同时含大写字母、小写字母、数字和符号。', { cause: error });
        }
        if (CHALLENGE_REFUSALS.has(errorName(error))) return null;
        throw error;
      }
    },
  };
}

/** From the Lambda's environment: USER_POOL_CLIENT_ID (and USER_POOL_CLIENT_SECRET when the client has one). */
export function cognitoAuthenticatorFromEnv(env: NodeJS.ProcessEnv = process.env): Authenticator {
  const clientId = env.USER_POOL_CLIENT_ID;
  if (!clientId) throw new Error('USER_POOL_CLIENT_ID is not set');
  return createCognitoAuthenticator({ client: new CognitoIdentityProviderClient({}), clientId, clientSecret: env.USER_POOL_CLIENT_SECRET, userPoolId: env.USER_POOL_ID });
}
