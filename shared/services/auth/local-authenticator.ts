import { getAccount } from '../../store/accounts-repo';
import type { Store } from '../../store/store';
import type { Authenticator, VerifiedIdentity } from './authenticator';
import { DUMMY_PASSWORD_HASH, verifyPassword } from './password-hash';

/** Accounts stored in the table (local runtime and tests). The actor's id is the username. */
export function createLocalAuthenticator(store: Store): Authenticator {
  return {
    async verify(username: string, password: string): Promise<VerifiedIdentity | null> {
      const account = await getAccount(store, username);
      // Hash even for an unknown user: the answer time must not reveal which usernames exist.
      const matches = await verifyPassword(password, account?.passwordHash ?? DUMMY_PASSWORD_HASH);
      if (!account || !matches || account.disabled) return null;
      return {
        id: account.username,
        displayName: account.displayName,
        role: account.role,
        orgId: account.orgId,
        ...(account.mustChangePassword ? { mustChangePassword: true } : {}),
      };
    },
  };
}
