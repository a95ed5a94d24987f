import { AuthSignInFailedError, AuthThrottledError, endSession, randomToken, signIn, tokensMatch } from '../../../shared/services/auth';
import { InputInvalidError } from '../../../shared/errors';
import { signInPage } from '../../../shared/ui/pages/sign-in';
import { clearCookie, serializeCookie } from '../edge/cookies';
import { htmlResponse, jsonResponse, redirect, safeLocalPath } from '../edge/responses';
import type { RouteTable } from '../edge/router';
import { AuthCsrfError, SESSION_COOKIE, submittedCsrfToken } from '../edge/staff-session';
import type { SiteRequest } from '../edge/types';
import type { StaffSiteDeps } from './staff-context';

/** The sign-in form's CSRF token travels in this cookie and in the form (double submit). */
export const SIGN_IN_COOKIE = 'dj_signin';
const SIGN_IN_PATH = '/staff/sign-in';

function signInForm(request: SiteRequest, status: number, extra: { message?: string; info?: string; errors?: Record<string, string>; recoverable?: boolean } = {}) {
  const token = request.site.cookies[SIGN_IN_COOKIE] || randomToken();
  const cookie = serializeCookie(SIGN_IN_COOKIE, token, { path: SIGN_IN_PATH, maxAgeSeconds: 3600, secure: request.site.https });
  const next = safeLocalPath(request.site.form.next ?? request.query.next, '');
  const form = { values: { username: request.site.form.username ?? '' }, errors: extra.errors ?? {} };
  if (request.site.json) return jsonResponse(status, { csrfToken: token }, [cookie]);
  const page = signInPage({ csrfToken: token, next: next || undefined, form, message: extra.message, info: extra.info, recoverable: extra.recoverable });
  return htmlResponse(status, page, [cookie]);
}

/**
 * Sign-in (open), sign-out. A failed sign-in says only 用户名或密码错误. The sign-in POST, JSON or form, carries the
 * token of the sign-in cookie (form field `_csrf` or header `x-csrf-token`); a JSON client gets it from
 * `GET /staff/sign-in` with `Accept: application/json`.
 */
export function signInRoutes(deps: StaffSiteDeps): RouteTable {
  const clock = deps.sessionClock ?? deps.clock;
  const recoverable = deps.passwordRecovery !== undefined;
  return {
    'GET /staff/sign-in': async (request) => {
      if (request.site.session) return redirect(safeLocalPath(request.query.next, '/staff'));
      const info = request.query.signedOut ? '您已安全退出。' : request.query.recovered ? '密码已重设，请用新密码登录。' : undefined;
      return signInForm(request, 200, { info, recoverable });
    },

    'POST /staff/sign-in': async (request) => {
      const { site } = request;
      if (!tokensMatch(site.cookies[SIGN_IN_COOKIE] ?? '', submittedCsrfToken(request.event))) {
        throw new AuthCsrfError({ detail: 'sign-in form token missing or wrong' });
      }
      try {
        const address = request.event.requestContext?.http?.sourceIp || undefined;
        const session = await signIn({ store: deps.store, clock, authenticator: deps.authenticator }, site.form, { address });
        await endSession(deps.store, site.cookies[SESSION_COOKIE]); // a previous session in this browser ends
        const cookies = [
          serializeCookie(SESSION_COOKIE, session.sessionId, { maxAgeSeconds: (session.expiresAtMs - clock.now().getTime()) / 1000, secure: site.https }),
          clearCookie(SIGN_IN_COOKIE, { path: SIGN_IN_PATH, secure: site.https }),
        ];
        const { actor } = session;
        if (site.json) return jsonResponse(200, { displayName: actor.displayName, role: actor.role, csrfToken: session.csrfToken, mustChangePassword: session.mustChangePassword === true }, cookies);
        return redirect(session.mustChangePassword ? '/staff/password' : safeLocalPath(site.form.next, '/staff'), cookies);
      } catch (error) {
        if (site.json || !(error instanceof AuthSignInFailedError || error instanceof AuthThrottledError || error instanceof InputInvalidError)) throw error;
        const errors = error instanceof InputInvalidError ? error.fieldErrors : {};
        return signInForm(request, error.httpStatus, { message: error.userMessage, errors, recoverable });
      }
    },

    'POST /staff/sign-out': async (request) => {
      const { site } = request;
      if (site.session && !tokensMatch(site.session.csrfToken, submittedCsrfToken(request.event))) throw new AuthCsrfError();
      await endSession(deps.store, site.cookies[SESSION_COOKIE]);
      const cookies = [clearCookie(SESSION_COOKIE, { secure: site.https })];
      return site.json ? jsonResponse(200, { signedOut: true }, cookies) : redirect(`${SIGN_IN_PATH}?signedOut=1`, cookies);
    },
  };
}
