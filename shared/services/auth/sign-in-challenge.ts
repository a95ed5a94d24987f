import { InputInvalidError, ServiceError } from '../../errors';
import { ChallengePasswordRefusedError, isChallenge, type SignInChallenge } from './authenticator';
import type { NewSession } from './sessions';
import { AuthThrottledError, openSession, type SignInDeps } from './sign-in';
import { checkThrottle, recordFailure } from './sign-in-throttle';

/** A wrong one-time code, or a sign-in that took too long (the identity provider's session expired): start again. */
export class AuthChallengeFailedError extends ServiceError {
  readonly httpStatus = 401;
  constructor(options?: ErrorOptions) {
    super('验证码错误或已超时，请重新登录。', options);
  }
}

const CODE = /^\d{6}$/;

function responseOf(challenge: SignInChallenge, form: Record<string, string | undefined>) {
  if (challenge.kind === 'new-password') {
    const newPassword = form.newPassword ?? '';
    const errors: Record<string, string> = {};
    if (newPassword === '') errors.newPassword = '请输入新密码';
    else if (newPassword !== (form.confirmPassword ?? '')) errors.confirmPassword = '两次输入的新密码不一致';
    if (Object.keys(errors).length > 0) throw new InputInvalidError(errors);
    return { newPassword };
  }
  const code = (form.code ?? '').replace(/\s+/g, '');
  if (!CODE.test(code)) throw new InputInvalidError({ code: '请输入身份验证器应用显示的 6 位数字验证码' });
  return { code };
}

/**
 * The answer to a challenge of the sign-in (docs/domain/accounts.md): a new password, the authenticator app's code, or
 * the first code of a newly added app. Answers the session, or the next challenge (a new password may be followed by
 * the code). A wrong code counts as a failed sign-in of the username (the throttle); a refused new password says why.
 */
export async function answerSignInChallenge(
  deps: SignInDeps, challenge: SignInChallenge, form: Record<string, string | undefined>, client: { address?: string } = {},
): Promise<NewSession | SignInChallenge> {
  const response = responseOf(challenge, form);
  if (!deps.authenticator.answer) throw new AuthChallengeFailedError();
  const attempt = { username: challenge.username, clientAddress: client.address };
  const nowMs = deps.clock.now().getTime();
  const decision = await checkThrottle(deps.store, attempt, nowMs);
  if (!decision.allowed) throw new AuthThrottledError(decision.reason, decision.retryAtMs);
  let answered;
  try {
    answered = await deps.authenticator.answer(challenge, response);
  } catch (error) {
    if (error instanceof ChallengePasswordRefusedError) throw new InputInvalidError({ newPassword: error.userMessage }, { cause: error });
    throw error;
  }
  if (!answered) {
    await recordFailure(deps.store, attempt, nowMs);
    throw new AuthChallengeFailedError();
  }
  if (isChallenge(answered)) return answered;
  return openSession(deps, challenge.username, answered);
}
