import { ServiceError } from '../../errors';

/** The first administrator is created once, in an empty store. */
export class AccountsAlreadySetUpError extends ServiceError {
  readonly httpStatus = 409;
  constructor(options?: ErrorOptions) {
    super('数据中已有组织，首位管理员已经创建过。其他账号请由管理员登录后在系统中创建。', options);
  }
}

/** The username belongs to an account already. */
export class AccountExistsError extends ServiceError {
  readonly httpStatus = 409;
  constructor(options?: ErrorOptions) {
    super('该用户名已被使用，请换一个用户名。', options);
  }
}

/** A set-password link that does not open: unknown or altered, expired, already used, or replaced by a newer one. */
export class PasswordLinkInvalidError extends ServiceError {
  readonly httpStatus: number;
  constructor(readonly state: 'invalid' | 'expired' | 'used', options?: ErrorOptions) {
    super(
      state === 'expired'
        ? '此设置密码链接已过期。请联系系统管理员或上级党委工作人员重新发送重置密码邮件。'
        : state === 'used'
          ? '此设置密码链接已使用过，不能再次使用。如需再次修改密码，请登录后在“修改密码”中办理，或请管理员重新发送。'
          : '此链接无效，可能复制不完整或已被更新的链接取代。请打开邮件中最新的链接，或联系管理员重新发送。',
      options,
    );
    this.httpStatus = state === 'invalid' ? 404 : 410;
  }
}

/** A session signed in with a password someone else chose: nothing but changing it (and signing out) until then. */
export class PasswordChangeRequiredError extends ServiceError {
  readonly httpStatus = 403;
  constructor(options?: ErrorOptions & { detail?: string }) {
    super('请先修改初始密码，然后才能办理其他事项。', options);
  }
}
