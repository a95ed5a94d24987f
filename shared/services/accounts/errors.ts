import { ServiceError } from '../errors';

/** The username belongs to an account already. */
export class AccountUsernameTakenError extends ServiceError {
  readonly httpStatus = 409;
  constructor(username: string, options?: ErrorOptions) {
    super('该用户名已被使用，请换一个。', { ...options, detail: `username ${username} exists` });
  }
}

/** The first administrator is created once, in an empty store. */
export class AccountsAlreadySetUpError extends ServiceError {
  readonly httpStatus = 409;
  constructor(options?: ErrorOptions) {
    super('数据中已有组织，首位管理员已经创建过。其他账号请由管理员登录后在系统中创建。', options);
  }
}
