import { deleteThrottle } from '../../store/throttle-repo';
import { recordSignIn } from '../../store/accounts-repo';
import type { Store } from '../../store/store';
import { InputInvalidError, ServiceError } from '../../errors';
import type { Clock } from '../ports';
import { isChallenge, type Authenticator, type SignInChallenge, type VerifiedIdentity } from './authenticator';
import { startSession, type NewSession } from './sessions';
import { checkThrottle, recordFailure } from './sign-in-throttle';

const CHINA_OFFSET_MS = 8 * 3_600_000;
/** 14:05 China time. */
const chinaTime = (ms: number) => new Date(ms + CHINA_OFFSET_MS).toISOString().slice(11, 16);

/**
 * Too many failed attempts for this username or from this address: the same for an unknown username as for a known one.
 * A lock (20 failures) lasts 15 minutes unless an administrator unlocks it earlier.
 */
export class AuthThrottledError extends ServiceError {
  readonly httpStatus = 429;
  constructor(readonly reason: 'delay' | 'locked', readonly retryAtMs: number, options?: ErrorOptions) {
    super(
      reason === 'locked'
        ? `登录失败次数过多，已暂停登录，请于 ${chinaTime(retryAtMs)} 后再试，或请系统管理员解除锁定。`
        : `登录失败次数较多，为保护账号安全，请于 ${chinaTime(retryAtMs)} 后再试。`,
      options,
    );
  }
}

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

/**
 * Checks the credentials and opens a session. Throws InputInvalidError (empty fields), AuthThrottledError (too many
 * failures for the username or the client address: nothing is checked) or AuthSignInFailedError; a challenge of the
 * identity provider is a failure here (see signInOrChallenge).
 */
export async function signIn(deps: SignInDeps, form: Record<string, string | undefined>, client: { address?: string } = {}): Promise<NewSession> {
  const result = await signInOrChallenge(deps, form, client);
  if ('kind' in result) throw new AuthSignInFailedError();
  return result;
}

/** As signIn, but a challenge (new password, one-time code) is returned for the form to ask (answerSignInChallenge). */
export async function signInOrChallenge(deps: SignInDeps, form: Record<string, string | undefined>, client: { address?: string } = {}): Promise<NewSession | SignInChallenge> {
  const username = (form.username ?? '').trim();
  const password = form.password ?? '';
  const fieldErrors: Record<string, string> = {};
  if (username === '') fieldErrors.username = '请输入用户名';
  if (password === '') fieldErrors.password = '请输入密码';
  if (username.length > 128 || password.length > 256) throw new AuthSignInFailedError();
  if (Object.keys(fieldErrors).length > 0) throw new InputInvalidError(fieldErrors);
  const attempt = { username, clientAddress: client.address };
  const nowMs = deps.clock.now().getTime();
  const decision = await checkThrottle(deps.store, attempt, nowMs);
  if (!decision.allowed) throw new AuthThrottledError(decision.reason, decision.retryAtMs);
  const verified = await deps.authenticator.verify(username, password);
  if (!verified) {
    await recordFailure(deps.store, attempt, nowMs);
    throw new AuthSignInFailedError();
  }
  if (isChallenge(verified)) return verified;
  return openSession(deps, username, verified);
}

/** The session of a verified identity; the failures counted against the username are cleared. */
export async function openSession(deps: SignInDeps, username: string, verified: VerifiedIdentity): Promise<NewSession> {
  const { mustChangePassword, ...identity } = verified;
  const nowMs = deps.clock.now().getTime();
  await deleteThrottle(deps.store, 'user', username.toLowerCase());
  await recordSignIn(deps.store, identity.id, new Date(nowMs).toISOString());
  return startSession(deps.store, deps.clock, identity, { mustChangePassword });
}
