import { accountPk, getAccount, updateAccount } from '../../store/accounts-repo';
import { auditPut } from '../../store/audit';
import { getPasswordLink, usePasswordLink, type PasswordLink } from '../../store/password-links-repo';
import { deleteSessionsOf } from '../../store/sessions-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import { hashLinkId, isWellFormedLinkId } from '../approval/links';
import { hashPassword } from '../auth/password-hash';
import type { ServiceDeps } from '../deps';
import { InputInvalidError } from '../../errors';
import { PasswordLinkInvalidError } from './errors';
import { checkNewPassword } from './own-password';

/** Whose password a set-password link sets (GET shows the form: nothing changes). */
export interface PasswordLinkView {
  displayName: string;
}

/** The link and its account, or why it does not open: unknown/altered, replaced by a newer one, used, expired. */
async function openLink(deps: Pick<ServiceDeps, 'store' | 'clock'>, rawId: string): Promise<{ link: PasswordLink; displayName: string }> {
  if (!isWellFormedLinkId(rawId)) throw new PasswordLinkInvalidError('invalid');
  const link = await getPasswordLink(deps.store, hashLinkId(rawId));
  if (!link) throw new PasswordLinkInvalidError('invalid');
  if (link.status === 'used') throw new PasswordLinkInvalidError('used');
  const account = await getAccount(deps.store, link.username);
  if (!account || account.disabled || account.resetLinkHash !== link.linkHash) throw new PasswordLinkInvalidError('invalid');
  if (link.validUntil <= deps.clock.now().toISOString()) throw new PasswordLinkInvalidError('expired');
  return { link, displayName: account.displayName };
}

export async function viewPasswordLink(deps: Pick<ServiceDeps, 'store' | 'clock'>, rawId: string): Promise<PasswordLinkView> {
  return { displayName: (await openLink(deps, rawId)).displayName };
}

/**
 * POST of a set-password link: sets the password once (the link's condition makes it single-use, the account's
 * resetLinkHash that it is the latest), with its audit event; every session of the account ends.
 */
export async function setPasswordByLink(deps: Pick<ServiceDeps, 'store' | 'clock'>, rawId: string, form: Record<string, string | undefined>): Promise<void> {
  const { link } = await openLink(deps, rawId);
  const { password, errors } = checkNewPassword(form, link.username);
  if (Object.keys(errors).length > 0) throw new InputInvalidError(errors);
  const at = deps.clock.now().toISOString();
  try {
    await transactWrite(deps.store, [
      usePasswordLink(deps.store, link.linkHash, at),
      updateAccount(deps.store, link.username, { passwordHash: await hashPassword(password), mustChangePassword: undefined, resetLinkHash: undefined }, { expression: 'resetLinkHash = :hash', values: { ':hash': link.linkHash } }),
      auditPut(deps.store, accountPk(link.username), { at, action: 'account.password-set-by-link', actor: link.username }),
    ]);
  } catch (error) {
    if (error instanceof StoreConditionFailedError) throw new PasswordLinkInvalidError(error.failedAt(0) ? 'used' : 'invalid', { cause: error });
    throw error;
  }
  await deleteSessionsOf(deps.store, link.username);
}
