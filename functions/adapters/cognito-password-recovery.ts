import { AdminGetUserCommand, CognitoIdentityProviderClient, ConfirmForgotPasswordCommand, ForgotPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createHmac } from 'node:crypto';
import { RecoveryCodeInvalidError, RecoveryThrottledError, type PasswordRecovery } from '../../shared/services/accounts';
import { InputInvalidError } from '../../shared/errors';

export interface CognitoPasswordRecoveryOptions {
  client: Pick<CognitoIdentityProviderClient, 'send'>;
  clientId: string;
  clientSecret?: string;
  /** To answer the account's own username (a pool that signs in by e-mail names its users by a generated id). */
  userPoolId: string;
}

const errorName = (error: unknown) => (error as { name?: string }).name ?? '';
const POLICY_MESSAGE = '密码不符合系统要求：至少 12 位，须同时包含大写字母、小写字母、数字和符号';

/**
 * "Forgot password" through the staff user pool: ForgotPassword has Cognito mail a code to the user's verified
 * e-mail address; ConfirmForgotPassword sets the new password with it (also after AdminResetUserPassword). An
 * unknown user is answered like a known one (the app client hides whether a user exists).
 */
export function createCognitoPasswordRecovery(options: CognitoPasswordRecoveryOptions): PasswordRecovery {
  const { client, clientId } = options;
  const secretHash = (username: string) => (options.clientSecret ? createHmac('sha256', options.clientSecret).update(username + clientId).digest('base64') : undefined);
  return {
    async sendCode(username) {
      try {
        await client.send(new ForgotPasswordCommand({ ClientId: clientId, Username: username, SecretHash: secretHash(username) }));
      } catch (error) {
        if (['LimitExceededException', 'TooManyRequestsException'].includes(errorName(error))) throw new RecoveryThrottledError({ cause: error });
        // No such user, or none that can receive a code: the same answer as a sent code.
        if (['UserNotFoundException', 'InvalidParameterException', 'NotAuthorizedException'].includes(errorName(error))) return;
        throw error;
      }
    },

    async confirm(username, code, newPassword) {
      try {
        await client.send(new ConfirmForgotPasswordCommand({ ClientId: clientId, Username: username, ConfirmationCode: code, Password: newPassword, SecretHash: secretHash(username) }));
      } catch (error) {
        const name = errorName(error);
        if (name === 'InvalidPasswordException') throw new InputInvalidError({ newPassword: POLICY_MESSAGE }, { cause: error });
        if (['LimitExceededException', 'TooManyFailedAttemptsException', 'TooManyRequestsException'].includes(name)) throw new RecoveryThrottledError({ cause: error });
        if (['CodeMismatchException', 'ExpiredCodeException', 'UserNotFoundException', 'NotAuthorizedException'].includes(name)) throw new RecoveryCodeInvalidError({ cause: error });
        throw error;
      }
      const user = await client.send(new AdminGetUserCommand({ UserPoolId: options.userPoolId, Username: username }));
      return user.Username ?? username;
    },
  };
}

/** From the Lambda's environment: USER_POOL_ID, USER_POOL_CLIENT_ID (and USER_POOL_CLIENT_SECRET when the client has one). */
export function cognitoPasswordRecoveryFromEnv(env: NodeJS.ProcessEnv = process.env): PasswordRecovery {
  const userPoolId = env.USER_POOL_ID;
  const clientId = env.USER_POOL_CLIENT_ID;
  if (!userPoolId || !clientId) throw new Error('USER_POOL_ID and USER_POOL_CLIENT_ID must be set');
  return createCognitoPasswordRecovery({ client: new CognitoIdentityProviderClient({}), clientId, clientSecret: env.USER_POOL_CLIENT_SECRET, userPoolId });
}
