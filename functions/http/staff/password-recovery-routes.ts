import { InputInvalidError } from '../../../shared/errors';
import { RecoveryCodeInvalidError, RecoveryThrottledError, requestRecoveryCode, resetPasswordWithCode, type PasswordRecovery } from '../../../shared/services/accounts';
import { randomToken, tokensMatch } from '../../../shared/services/auth';
import { FORGOT_PASSWORD_PATH, forgotPasswordPage } from '../../../shared/ui/pages/forgot-password';
import { serializeCookie } from '../edge/cookies';
import { htmlResponse, jsonResponse, redirect } from '../edge/responses';
import type { RouteTable } from '../edge/router';
import { AuthCsrfError, submittedCsrfToken } from '../edge/staff-session';
import type { SiteRequest } from '../edge/types';
import type { StaffSiteDeps } from './staff-context';

/** The forms' CSRF token: a double-submit cookie, as on the sign-in form (nobody is signed in here). */
const RECOVERY_COOKIE = 'dj_recover';

/** Routes that need no session (only registered where the identity provider mails codes). */
export const OPEN_RECOVERY_ROUTES = [`GET ${FORGOT_PASSWORD_PATH}`, `POST ${FORGOT_PASSWORD_PATH}`, `POST ${FORGOT_PASSWORD_PATH}/confirm`];

const SENT = '如果该账号存在，验证码已发送到账号登记的电子邮箱，1 小时内有效。请填写验证码并设置新密码。';

function page(request: SiteRequest, status: number, step: 'request' | 'code', extra: { message?: string; info?: string; errors?: Record<string, string>; username?: string } = {}) {
  const token = request.site.cookies[RECOVERY_COOKIE] || randomToken();
  const cookie = serializeCookie(RECOVERY_COOKIE, token, { path: FORGOT_PASSWORD_PATH, maxAgeSeconds: 3600, secure: request.site.https });
  if (request.site.json) return jsonResponse(status, { csrfToken: token, ...(extra.message ? { message: extra.message, fieldErrors: extra.errors ?? {} } : {}) }, [cookie]);
  const form = { values: { username: extra.username ?? request.site.form.username ?? '', code: request.site.form.code ?? '' }, errors: extra.errors ?? {} };
  return htmlResponse(status, forgotPasswordPage({ csrfToken: token, step, form, message: extra.message, info: extra.info }), [cookie]);
}

/** 忘记密码: a code by mail, then the code with a new password; the answer never tells whether an account exists. */
export function passwordRecoveryRoutes(deps: StaffSiteDeps, recovery: PasswordRecovery): RouteTable {
  const checkToken = (request: SiteRequest) => {
    if (!tokensMatch(request.site.cookies[RECOVERY_COOKIE] ?? '', submittedCsrfToken(request.event))) throw new AuthCsrfError({ detail: 'recovery form token missing or wrong' });
  };
  const refusal = (request: SiteRequest, step: 'request' | 'code', error: unknown) => {
    if (error instanceof InputInvalidError) return page(request, 422, step, { message: error.userMessage, errors: error.fieldErrors });
    if (error instanceof RecoveryCodeInvalidError || error instanceof RecoveryThrottledError) return page(request, error.httpStatus, step, { message: error.userMessage });
    throw error;
  };
  return {
    [`GET ${FORGOT_PASSWORD_PATH}`]: async (request) => page(request, 200, request.query.step === 'code' ? 'code' : 'request'),

    [`POST ${FORGOT_PASSWORD_PATH}`]: async (request) => {
      checkToken(request);
      try {
        const username = await requestRecoveryCode(recovery, request.site.form);
        return page(request, 200, 'code', { info: SENT, username });
      } catch (error) {
        return refusal(request, 'request', error);
      }
    },

    [`POST ${FORGOT_PASSWORD_PATH}/confirm`]: async (request) => {
      checkToken(request);
      try {
        await resetPasswordWithCode(deps, recovery, request.site.form);
        return request.site.json ? jsonResponse(200, { reset: true }) : redirect('/staff/sign-in?recovered=1');
      } catch (error) {
        return refusal(request, 'code', error);
      }
    },
  };
}
