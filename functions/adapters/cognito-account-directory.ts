import {
  AdminAddUserToGroupCommand, AdminCreateUserCommand, AdminDisableUserCommand, AdminEnableUserCommand, AdminGetUserCommand,
  AdminListGroupsForUserCommand, AdminResetUserPasswordCommand, AdminSetUserPasswordCommand, CognitoIdentityProviderClient,
  InitiateAuthCommand, ListUsersInGroupCommand, type AttributeType, type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { createHmac } from 'node:crypto';
import type { StaffRole } from '../../shared/services/actor';
import { AccountExistsError, type AccountDirectory, type DirectoryAccount } from '../../shared/services/accounts';
import { InputInvalidError } from '../../shared/errors';
import { accountPk, putAccountMirror } from '../../shared/store/accounts-repo';
import { auditPut, type AuditEvent } from '../../shared/store/audit';
import type { Store } from '../../shared/store/store';
import { transactWrite } from '../../shared/store/transact';

/**
 * The account port on AWS: the staff user pool through Cognito's admin API. Role = the group (admin, committee-staff,
 * branch-staff), organization = `custom:orgId`, display name = `name`. Cognito keeps the password state: a new user
 * (AdminCreateUser with a temporary password, no invitation mail) is FORCE_CHANGE_PASSWORD until they choose their own.
 * Each change's audit event goes to the table right after Cognito has made it (Cognito and DynamoDB share no transaction),
 * in one transaction with the account's mirror (accounts-repo.ts putAccountMirror), read back from Cognito after the change:
 * the services list an organization's staff (their e-mails for notifications, their names in files) from the table. Any
 * later change (disable, enable, reset, new password) rewrites the whole mirror, so one lost after a failed write returns.
 */
export interface CognitoAccountDirectoryOptions {
  client: Pick<CognitoIdentityProviderClient, 'send'>;
  userPoolId: string;
  /** The app client the staff site signs in with (to check a current password). */
  clientId: string;
  clientSecret?: string;
  store: Store;
  /**
   * The pool names users by e-mail (the deployed pool: signInAliases email): the new user's Cognito name is its e-mail
   * address and Cognito gives it a UUID; staff then sign in with the e-mail address.
   */
  signInWithEmail?: boolean;
}

const ROLES: StaffRole[] = ['admin', 'committee-staff', 'branch-staff'];

const attribute = (attributes: AttributeType[] | undefined, name: string) => attributes?.find((a) => a.Name === name)?.Value ?? '';

function toAccount(user: { Username?: string; Attributes?: AttributeType[]; UserAttributes?: AttributeType[]; Enabled?: boolean; UserStatus?: string; UserCreateDate?: Date }, role: StaffRole): DirectoryAccount {
  const attributes = user.Attributes ?? user.UserAttributes;
  return {
    username: user.Username ?? '',
    displayName: attribute(attributes, 'name') || (user.Username ?? ''),
    role,
    orgId: attribute(attributes, 'custom:orgId'),
    email: attribute(attributes, 'email'),
    disabled: user.Enabled === false,
    mustChangePassword: user.UserStatus === 'FORCE_CHANGE_PASSWORD' || user.UserStatus === 'RESET_REQUIRED',
    createdAt: user.UserCreateDate ? new Date(user.UserCreateDate).toISOString() : undefined,
  };
}

const errorName = (error: unknown) => (error as { name?: string }).name ?? '';

/** The pool's own password policy (12 characters, upper and lower case, a digit and a symbol) is stricter than the site's. */
const POLICY_MESSAGE = '密码不符合系统要求：至少 12 位，须同时包含大写字母、小写字母、数字和符号';
const policyRefusal = (field: string, error: unknown) => (errorName(error) === 'InvalidPasswordException' ? new InputInvalidError({ [field]: POLICY_MESSAGE }, { cause: error }) : error);

export function createCognitoAccountDirectory(options: CognitoAccountDirectoryOptions): AccountDirectory {
  const { client, userPoolId, store } = options;
  /** The audit event of a change Cognito has made, with the account's mirror as Cognito now has it. */
  const recordChange = async (username: string, audit: AuditEvent) => {
    const account = await directory.get(username);
    const mirror = account ? [putAccountMirror(store, account)] : [];
    await transactWrite(store, [...mirror, auditPut(store, accountPk(username), audit)]);
  };

  async function usersOf(role: StaffRole): Promise<DirectoryAccount[]> {
    const users: UserType[] = [];
    let NextToken: string | undefined;
    do {
      const page = await client.send(new ListUsersInGroupCommand({ UserPoolId: userPoolId, GroupName: role, NextToken }));
      users.push(...(page.Users ?? []));
      NextToken = page.NextToken;
    } while (NextToken);
    return users.map((user) => toAccount(user, role));
  }

  /** Whether `password` is the user's current one (a pending new-password challenge counts: the password was right). */
  async function passwordMatches(username: string, password: string): Promise<boolean> {
    const parameters: Record<string, string> = { USERNAME: username, PASSWORD: password };
    if (options.clientSecret) parameters.SECRET_HASH = createHmac('sha256', options.clientSecret).update(username + options.clientId).digest('base64');
    try {
      const result = await client.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: options.clientId, AuthParameters: parameters }));
      return Boolean(result.AuthenticationResult?.IdToken) || result.ChallengeName === 'NEW_PASSWORD_REQUIRED';
    } catch (error) {
      if (['NotAuthorizedException', 'UserNotFoundException', 'InvalidPasswordException'].includes(errorName(error))) return false;
      throw error;
    }
  }

  const directory: AccountDirectory = {
    async list(orgIds) {
      const wanted = new Set(orgIds);
      const seen = new Set<string>();
      const accounts: DirectoryAccount[] = [];
      for (const role of ROLES) { // most privileged group first: a user in two groups is listed once, with the higher role
        for (const account of await usersOf(role)) {
          if (seen.has(account.username)) continue;
          seen.add(account.username);
          if (wanted.has(account.orgId)) accounts.push(account);
        }
      }
      return accounts;
    },

    async get(username) {
      try {
        const user = await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }));
        const groups = await client.send(new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: username }));
        const names = (groups.Groups ?? []).map((g) => g.GroupName);
        const role = ROLES.find((r) => names.includes(r));
        return role ? toAccount(user, role) : undefined;
      } catch (error) {
        if (errorName(error) === 'UserNotFoundException') return undefined;
        throw error;
      }
    },

    async create(account, audit) {
      let created: string | undefined;
      try {
        const result = await client.send(
          new AdminCreateUserCommand({
            UserPoolId: userPoolId,
            Username: options.signInWithEmail ? account.email : account.username,
            TemporaryPassword: account.temporaryPassword,
            MessageAction: 'SUPPRESS', // the first password is told in person; Cognito mails nothing
            UserAttributes: [
              { Name: 'email', Value: account.email },
              { Name: 'email_verified', Value: 'true' },
              { Name: 'name', Value: account.displayName },
              { Name: 'custom:orgId', Value: account.orgId },
            ],
          }),
        );
        created = result.User?.Username;
      } catch (error) {
        if (errorName(error) === 'UsernameExistsException') throw new AccountExistsError({ cause: error });
        throw policyRefusal('temporaryPassword', error);
      }
      const username = created ?? account.username;
      await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName: account.role }));
      await recordChange(username, audit);
    },

    async setDisabled(username, disabled, audit) {
      const command = disabled ? new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: username }) : new AdminEnableUserCommand({ UserPoolId: userPoolId, Username: username });
      await client.send(command);
      await recordChange(username, audit);
    },

    async startPasswordReset(username, audit) {
      // Cognito mails the user a code; their next sign-in must set a new password with it.
      await client.send(new AdminResetUserPasswordCommand({ UserPoolId: userPoolId, Username: username }));
      await recordChange(username, audit);
      return { kind: 'provider' };
    },

    async changePassword(username, currentPassword, newPassword, audit) {
      if (!(await passwordMatches(username, currentPassword))) return false;
      await client.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: username, Password: newPassword, Permanent: true })).catch((error: unknown) => {
        throw policyRefusal('newPassword', error);
      });
      await recordChange(username, audit);
      return true;
    },
  };
  return directory;
}

/** From the Lambda's environment: USER_POOL_ID, USER_POOL_CLIENT_ID (and USER_POOL_CLIENT_SECRET when the client has one). */
export function cognitoAccountDirectoryFromEnv(store: Store, env: NodeJS.ProcessEnv = process.env): AccountDirectory {
  const userPoolId = env.USER_POOL_ID;
  const clientId = env.USER_POOL_CLIENT_ID;
  if (!userPoolId || !clientId) throw new Error('USER_POOL_ID and USER_POOL_CLIENT_ID must be set');
  return createCognitoAccountDirectory({ client: new CognitoIdentityProviderClient({}), userPoolId, clientId, clientSecret: env.USER_POOL_CLIENT_SECRET, store, signInWithEmail: true });
}
