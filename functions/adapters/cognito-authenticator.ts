import { createHmac } from 'node:crypto';
import { AdminGetUserCommand, AdminListGroupsForUserCommand, CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { StaffIdentity, StaffRole } from '../../shared/services/actor';
import type { Authenticator, VerifiedIdentity } from '../../shared/services/auth';

/**
 * Staff sign-in against a Cognito user pool (USER_PASSWORD_AUTH). The actor comes from the ID token
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
   * With the pool's id, a user whose password must still be changed (NEW_PASSWORD_REQUIRED: a new account, a reset)
   * signs in to the change-password page only; without it such a sign-in is refused.
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

/** The identity of a user who answered the password right but must change it first (from the admin API: no token yet). */
async function mustChangeIdentity(options: CognitoAuthenticatorOptions, userPoolId: string, username: string): Promise<VerifiedIdentity | null> {
  const user = await options.client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }));
  const groups = await options.client.send(new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: username }));
  const claims: Record<string, unknown> = Object.fromEntries((user.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
  const identity = actorFromClaims({ ...claims, 'cognito:username': user.Username, 'cognito:groups': (groups.Groups ?? []).map((g) => g.GroupName) });
  return identity && user.Enabled !== false ? { ...identity, mustChangePassword: true } : null;
}

export function createCognitoAuthenticator(options: CognitoAuthenticatorOptions): Authenticator {
  return {
    async verify(username: string, password: string): Promise<VerifiedIdentity | null> {
      const authParameters: Record<string, string> = { USERNAME: username, PASSWORD: password };
      if (options.clientSecret) {
        authParameters.SECRET_HASH = createHmac('sha256', options.clientSecret).update(username + options.clientId).digest('base64');
      }
      try {
        const result = await options.client.send(
          new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: options.clientId, AuthParameters: authParameters }),
        );
        const idToken = result.AuthenticationResult?.IdToken;
        if (!idToken && result.ChallengeName === 'NEW_PASSWORD_REQUIRED' && options.userPoolId) return mustChangeIdentity(options, options.userPoolId, username);
        // Any other challenge is not a sign-in this site can finish.
        if (!idToken) return null;
        const identity = actorFromClaims(decodeJwtPayload(idToken));
        // Cognito refuses a disabled user itself; with the pool's id, the site checks again (a sign-in is rare, a disabled
        // account signing in is not to be left to one check).
        if (identity && options.userPoolId && !(await isEnabled(options, options.userPoolId, username))) return null;
        return identity;
      } catch (error) {
        if (REFUSALS.has((error as { name?: string }).name ?? '')) return null;
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
