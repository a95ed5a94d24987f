import type { Store } from '../../store/store';
import { InputInvalidError, ServiceError } from '../errors';
import type { Clock } from '../ports';
import type { Authenticator } from './authenticator';
import { startSession, type NewSession } from './sessions';

/** Wrong username or password, or a disabled account: always the same message (no user enumeration). */
export class AuthSignInFailedError extends ServiceError {
  readonly httpStatus = 401;
  constructor(options?: ErrorOptions) {
    super('用户名或密码错误。', options);
  }
}

export interface SignInDeps {
  store: Store;
  clock: Clock;
  authenticator: Authenticator;
}

/** Checks the credentials and opens a session. Throws InputInvalidError (empty fields) or AuthSignInFailedError. */
export async function signIn(deps: SignInDeps, form: Record<string, string | undefined>): Promise<NewSession> {
  const username = (form.username ?? '').trim();
  const password = form.password ?? '';
  const fieldErrors: Record<string, string> = {};
  if (username === '') fieldErrors.username = '请输入用户名';
  if (password === '') fieldErrors.password = '请输入密码';
  if (username.length > 128 || password.length > 256) throw new AuthSignInFailedError();
  if (Object.keys(fieldErrors).length > 0) throw new InputInvalidError(fieldErrors);
  const actor = await deps.authenticator.verify(username, password);
  if (!actor) throw new AuthSignInFailedError();
  return startSession(deps.store, deps.clock, actor);
}
