import { createHmac } from 'node:crypto';
import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { StaffIdentity, StaffRole } from '../../shared/services/actor';
import type { Authenticator } from '../../shared/services/auth';

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
}

/** Cognito's answers that mean "these credentials do not sign in": all reported alike, as null. */
const REFUSALS = new Set([
  'NotAuthorizedException',
  'UserNotFoundException',
  'UserNotConfirmedException',
  'PasswordResetRequiredException',
  'InvalidParameterException',
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

export function createCognitoAuthenticator(options: CognitoAuthenticatorOptions): Authenticator {
  return {
    async verify(username: string, password: string): Promise<StaffIdentity | null> {
      const authParameters: Record<string, string> = { USERNAME: username, PASSWORD: password };
      if (options.clientSecret) {
        authParameters.SECRET_HASH = createHmac('sha256', options.clientSecret).update(username + options.clientId).digest('base64');
      }
      try {
        const result = await options.client.send(
          new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: options.clientId, AuthParameters: authParameters }),
        );
        const idToken = result.AuthenticationResult?.IdToken;
        // A challenge (e.g. NEW_PASSWORD_REQUIRED) is not a sign-in this site can finish.
        if (!idToken) return null;
        return actorFromClaims(decodeJwtPayload(idToken));
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
  return createCognitoAuthenticator({ client: new CognitoIdentityProviderClient({}), clientId, clientSecret: env.USER_POOL_CLIENT_SECRET });
}
