import { accountPk } from '../../store/accounts-repo';
import { auditPut } from '../../store/audit';
import { deleteSessionsOf } from '../../store/sessions-repo';
import { transactWrite } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { InputInvalidError, ServiceError } from '../../errors';
import { checkNewPassword } from './own-password';

/**
 * "Forgot password" where the identity provider mails a code itself (Cognito's ForgotPassword and
 * ConfirmForgotPassword, functions/adapters/cognito-password-recovery.ts). The same code also finishes a reset an
 * administrator started (AdminResetUserPassword mails one). Locally the set-password link does this instead.
 */
export interface PasswordRecovery {
  /** Has a code mailed to the account's e-mail address. Says nothing about whether the account exists. */
  sendCode(username: string): Promise<void>;
  /** Sets `newPassword` if `code` is the one mailed; answers the account's own username (for its audit and sessions). */
  confirm(username: string, code: string, newPassword: string): Promise<string>;
}

/** The code is wrong, used or expired. */
export class RecoveryCodeInvalidError extends ServiceError {
  readonly httpStatus = 400;
  constructor(options?: ErrorOptions) {
    super('验证码不正确或已过期。请检查邮件中的验证码，或重新获取验证码。', options);
  }
}

/** The provider refuses more attempts for now. */
export class RecoveryThrottledError extends ServiceError {
  readonly httpStatus = 429;
  constructor(options?: ErrorOptions) {
    super('尝试次数过多，请过一段时间再试。如急需办理，请联系系统管理员。', options);
  }
}

export const RECOVERY_FIELD_LABELS: Record<string, string> = { username: '登录邮箱或用户名', code: '验证码', newPassword: '新密码', confirmPassword: '再次输入新密码' };

const CODE_PATTERN = /^\d{6}$/;

/** Step 1: the code by mail. Answers the same whether or not the account exists. */
export async function requestRecoveryCode(recovery: PasswordRecovery, form: Record<string, string | undefined>): Promise<string> {
  const username = (form.username ?? '').trim();
  if (!username) throw new InputInvalidError({ username: '请填写登录用的电子邮箱或用户名' });
  await recovery.sendCode(username);
  return username;
}

/** Step 2: the code and the new password; the account's other sessions end, the change is audited. */
export async function resetPasswordWithCode(deps: Pick<ServiceDeps, 'store' | 'clock'>, recovery: PasswordRecovery, form: Record<string, string | undefined>): Promise<void> {
  const username = (form.username ?? '').trim();
  const code = (form.code ?? '').trim();
  const { password, errors } = checkNewPassword(form, username.split('@')[0]);
  if (!username) errors.username = '请填写登录用的电子邮箱或用户名';
  if (!CODE_PATTERN.test(code)) errors.code = '验证码是邮件中的 6 位数字';
  if (Object.keys(errors).length > 0) throw new InputInvalidError(errors);
  const account = await recovery.confirm(username, code, password);
  await transactWrite(deps.store, [auditPut(deps.store, accountPk(account), { at: deps.clock.now().toISOString(), action: 'account.password-recovered', actor: account })]);
  await deleteSessionsOf(deps.store, account);
}
