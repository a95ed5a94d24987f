import { passwordProblem } from '../../domain/accounts';
import { clearMustChangePassword, deleteSessionsOf } from '../../store/sessions-repo';
import type { Actor } from '../actor';
import { hashSessionId } from '../auth/sessions';
import { InputInvalidError } from '../../errors';
import type { AccountDeps } from './manage-accounts';

export const PASSWORD_FIELD_LABELS: Record<string, string> = { currentPassword: '当前密码', newPassword: '新密码', confirmPassword: '再次输入新密码' };

/** The new password and its repetition, checked; the per-field messages otherwise. */
export function checkNewPassword(form: Record<string, string | undefined>, username: string): { password: string; errors: Record<string, string> } {
  const password = form.newPassword ?? '';
  const errors: Record<string, string> = {};
  const weak = passwordProblem(password, { username });
  if (weak) errors.newPassword = weak;
  else if ((form.confirmPassword ?? '') !== password) errors.confirmPassword = '两次输入的新密码不一致';
  return { password, errors };
}

/**
 * A staff member changes their own password (also the forced change at the first sign-in). Their other sessions end;
 * this one may go everywhere again.
 */
export async function changeOwnPassword(deps: AccountDeps, actor: Actor, sessionId: string, form: Record<string, string | undefined>): Promise<void> {
  const current = form.currentPassword ?? '';
  const { password, errors } = checkNewPassword(form, actor.id);
  if (!current) errors.currentPassword = '请输入当前密码';
  else if (current === password && !errors.newPassword) errors.newPassword = '新密码不能与当前密码相同';
  if (Object.keys(errors).length > 0) throw new InputInvalidError(errors);
  const at = deps.clock.now().toISOString();
  const changed = await deps.accounts.changePassword(actor.id, current, password, { at, action: 'account.password-changed', actor: actor.id });
  if (!changed) throw new InputInvalidError({ currentPassword: '当前密码不正确' });
  const idHash = hashSessionId(sessionId);
  await clearMustChangePassword(deps.store, idHash);
  await deleteSessionsOf(deps.store, actor.id, { except: idHash });
}
