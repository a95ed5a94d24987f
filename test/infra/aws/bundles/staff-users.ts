import { AdminAddUserToGroupCommand, AdminCreateUserCommand, AdminSetUserPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { StaffRole } from '../../../../shared/services/actor';
import type { CognitoLocal } from '../../../support/cognito-local';

/** A staff account in the (cognito-local) user pool, signed in with its own password already chosen. */
export async function addPoolUser(
  cognito: CognitoLocal,
  user: { username: string; password: string; role: StaffRole; orgId: string; name: string; email: string },
): Promise<void> {
  await cognito.client.send(new AdminCreateUserCommand({
    UserPoolId: cognito.userPoolId,
    Username: user.username,
    MessageAction: 'SUPPRESS',
    UserAttributes: [{ Name: 'name', Value: user.name }, { Name: 'email', Value: user.email }, { Name: 'custom:orgId', Value: user.orgId }],
  }));
  await cognito.client.send(new AdminSetUserPasswordCommand({ UserPoolId: cognito.userPoolId, Username: user.username, Password: user.password, Permanent: true }));
  await cognito.client.send(new AdminAddUserToGroupCommand({ UserPoolId: cognito.userPoolId, Username: user.username, GroupName: user.role }));
}
