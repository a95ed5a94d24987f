import { auditPut } from '../../store/audit';
import { accountPk, getAccount, listOrgAccounts, putNewAccount, updateAccount, type Account } from '../../store/accounts-repo';
import { putNewPasswordLink } from '../../store/password-links-repo';
import type { Store } from '../../store/store';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import { hashLinkId, newRawLinkId } from '../approval/links';
import { hashPassword, verifyPassword } from '../auth/password-hash';
import type { AccountDirectory, DirectoryAccount } from './account-directory';
import { AccountExistsError } from './errors';

/** A set-password link is valid for 24 hours. */
export const PASSWORD_LINK_VALID_MS = 24 * 3_600_000;

const toDirectory = (a: Account): DirectoryAccount => ({
  username: a.username, displayName: a.displayName, role: a.role, orgId: a.orgId, email: a.email,
  disabled: a.disabled === true, mustChangePassword: a.mustChangePassword === true, createdAt: a.createdAt,
});

/** The accounts table as the account port (local runtime, pilot server, tests). */
export function createLocalAccountDirectory(store: Store): AccountDirectory {
  return {
    async list(orgIds) {
      return (await Promise.all(orgIds.map((orgId) => listOrgAccounts(store, orgId)))).flat().map(toDirectory);
    },

    async get(username) {
      const account = await getAccount(store, username);
      return account && toDirectory(account);
    },

    async create(account, audit) {
      const { temporaryPassword, ...fields } = account;
      const item: Account = { ...fields, passwordHash: await hashPassword(temporaryPassword), mustChangePassword: true, createdAt: audit.at };
      try {
        await transactWrite(store, [putNewAccount(store, item), auditPut(store, accountPk(account.username), audit)]);
      } catch (error) {
        if (error instanceof StoreConditionFailedError && error.failedAt(0)) throw new AccountExistsError({ cause: error });
        throw error;
      }
    },

    async setDisabled(username, disabled, audit) {
      await transactWrite(store, [updateAccount(store, username, { disabled: disabled || undefined }), auditPut(store, accountPk(username), audit)]);
    },

    async startPasswordReset(username, audit, now) {
      const rawLinkId = newRawLinkId();
      const linkHash = hashLinkId(rawLinkId);
      const validUntil = new Date(now.getTime() + PASSWORD_LINK_VALID_MS).toISOString();
      await transactWrite(store, [
        putNewPasswordLink(store, { linkHash, username, createdAt: now.toISOString(), validUntil, status: 'pending' }),
        updateAccount(store, username, { resetLinkHash: linkHash }),
        auditPut(store, accountPk(username), audit),
      ]);
      return { kind: 'link', rawLinkId, validUntil };
    },

    async changePassword(username, currentPassword, newPassword, audit) {
      const account = await getAccount(store, username);
      if (!account || account.disabled || !(await verifyPassword(currentPassword, account.passwordHash))) return false;
      // Only over the hash that was checked: a concurrent change or reset wins, this one is refused.
      await transactWrite(store, [
        updateAccount(store, username, { passwordHash: await hashPassword(newPassword), mustChangePassword: undefined }, { expression: 'passwordHash = :checked', values: { ':checked': account.passwordHash } }),
        auditPut(store, accountPk(username), audit),
      ]);
      return true;
    },
  };
}
