import {
  answerSignInChallenge, AuthChallengeFailedError, AuthSignInFailedError, AuthThrottledError, endSession, randomToken, signInOrChallenge, tokensMatch,
  type NewSession, type SignInChallenge,
} from '../../../shared/services/auth';
import { InputInvalidError } from '../../../shared/errors';
import { signInPage } from '../../../shared/ui/pages/sign-in';
import { signInChallengePage } from '../../../shared/ui/pages/sign-in-challenge';
import { qrCodeSvg } from '../../../shared/ui/qr-code';
import { clearCookie, serializeCookie } from '../edge/cookies';
import { htmlResponse, jsonResponse, redirect, safeLocalPath } from '../edge/responses';
import type { RouteTable } from '../edge/router';
import { AuthCsrfError, SESSION_COOKIE, submittedCsrfToken } from '../edge/staff-session';
import type { SiteRequest } from '../edge/types';
import type { StaffSiteDeps } from './staff-context';

/** The sign-in form's CSRF token travels in this cookie and in the form (double submit). */
export const SIGN_IN_COOKIE = 'dj_signin';
/** A challenge of the identity provider between the password and the session (its opaque session; 3 minutes, as Cognito's). */
export const CHALLENGE_COOKIE = 'dj_challenge';
const CHALLENGE_SECONDS = 180;
const SIGN_IN_PATH = '/staff/sign-in';
const ISSUER = '党建流程';

function challengeCookie(challenge: SignInChallenge, secure: boolean): string {
  return serializeCookie(CHALLENGE_COOKIE, Buffer.from(JSON.stringify(challenge)).toString('base64url'), { path: SIGN_IN_PATH, maxAgeSeconds: CHALLENGE_SECONDS, secure });
}

function challengeOf(request: SiteRequest): SignInChallenge | undefined {
  const raw = request.site.cookies[CHALLENGE_COOKIE];
  if (!raw) return undefined;
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<SignInChallenge>;
    const kinds: SignInChallenge['kind'][] = ['new-password', 'totp', 'totp-setup'];
    if (!kinds.includes(value.kind!) || typeof value.username !== 'string' || typeof value.session !== 'string') return undefined;
    return { kind: value.kind!, username: value.username, session: value.session, secret: typeof value.secret === 'string' ? value.secret : undefined };
  } catch {
    return undefined;
  }
}

async function challengeForm(request: SiteRequest, challenge: SignInChallenge, status: number, extra: { message?: string; errors?: Record<string, string> } = {}) {
  const token = request.site.cookies[SIGN_IN_COOKIE] ?? '';
  const next = safeLocalPath(request.site.form.next, '');
  const otpauthUri = challenge.secret
    ? `otpauth://totp/${encodeURIComponent(`${ISSUER}:${challenge.username}`)}?secret=${challenge.secret}&issuer=${encodeURIComponent(ISSUER)}`
    : undefined;
  const page = signInChallengePage({
    kind: challenge.kind, csrfToken: token, next: next || undefined, secret: challenge.secret, otpauthUri,
    qrCode: otpauthUri ? await qrCodeSvg(otpauthUri, '身份验证器二维码：用手机身份验证器应用扫描') : undefined,
    form: { values: {}, errors: extra.errors ?? {} }, message: extra.message,
  });
  return htmlResponse(status, page, [challengeCookie(challenge, request.site.https)]);
}

function signInForm(request: SiteRequest, status: number, extra: { message?: string; info?: string; errors?: Record<string, string>; recoverable?: boolean } = {}) {
  const token = request.site.cookies[SIGN_IN_COOKIE] || randomToken();
  const cookie = serializeCookie(SIGN_IN_COOKIE, token, { path: SIGN_IN_PATH, maxAgeSeconds: 3600, secure: request.site.https });
  const next = safeLocalPath(request.site.form.next ?? request.query.next, '');
  const form = { values: { username: request.site.form.username ?? '' }, errors: extra.errors ?? {} };
  if (request.site.json) return jsonResponse(status, { csrfToken: token }, [cookie]);
  const page = signInPage({ csrfToken: token, next: next || undefined, form, message: extra.message, info: extra.info, recoverable: extra.recoverable });
  return htmlResponse(status, page, [cookie]);
}

/** The session cookie set, the sign-in's own cookies cleared, on to the page asked for (or the forced password change). */
async function signedInResponse(deps: StaffSiteDeps, request: SiteRequest, session: NewSession) {
  const { site } = request;
  const clock = deps.sessionClock ?? deps.clock;
  await endSession(deps.store, site.cookies[SESSION_COOKIE]); // a previous session in this browser ends
  const cookies = [
    serializeCookie(SESSION_COOKIE, session.sessionId, { maxAgeSeconds: (session.expiresAtMs - clock.now().getTime()) / 1000, secure: site.https }),
    clearCookie(SIGN_IN_COOKIE, { path: SIGN_IN_PATH, secure: site.https }),
    clearCookie(CHALLENGE_COOKIE, { path: SIGN_IN_PATH, secure: site.https }),
  ];
  const { actor } = session;
  if (site.json) return jsonResponse(200, { displayName: actor.displayName, role: actor.role, csrfToken: session.csrfToken, mustChangePassword: session.mustChangePassword === true }, cookies);
  return redirect(session.mustChangePassword ? '/staff/password' : safeLocalPath(site.form.next, '/staff'), cookies);
}

/**
 * Sign-in (open), sign-out; a challenge of the identity provider (new password, one-time code) is asked on a second
 * page (`POST /staff/sign-in/challenge`), its Cognito session kept in an HttpOnly cookie for 3 minutes. A failed sign-in says only 用户名或密码错误. The sign-in POST, JSON or form, carries the
 * token of the sign-in cookie (form field `_csrf` or header `x-csrf-token`); a JSON client gets it from
 * `GET /staff/sign-in` with `Accept: application/json`.
 */
export function signInRoutes(deps: StaffSiteDeps): RouteTable {
  const clock = deps.sessionClock ?? deps.clock;
  const recoverable = deps.passwordRecovery !== undefined;
  const signedIn = (request: SiteRequest, session: NewSession) => signedInResponse(deps, request, session);
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
        const result = await signInOrChallenge({ store: deps.store, clock, authenticator: deps.authenticator }, site.form, { address });
        if ('kind' in result) {
          if (site.json) throw new AuthSignInFailedError(); // a JSON client cannot answer a challenge
          return challengeForm(request, result, 200);
        }
        return signedIn(request, result);
      } catch (error) {
        if (site.json || !(error instanceof AuthSignInFailedError || error instanceof AuthThrottledError || error instanceof InputInvalidError)) throw error;
        const errors = error instanceof InputInvalidError ? error.fieldErrors : {};
        return signInForm(request, error.httpStatus, { message: error.userMessage, errors, recoverable });
      }
    },

    'POST /staff/sign-in/challenge': async (request) => {
      const { site } = request;
      if (!tokensMatch(site.cookies[SIGN_IN_COOKIE] ?? '', submittedCsrfToken(request.event))) {
        throw new AuthCsrfError({ detail: 'sign-in form token missing or wrong' });
      }
      const challenge = challengeOf(request);
      if (!challenge) return signInForm(request, 401, { message: '登录已超时，请重新登录。', recoverable });
      try {
        const address = request.event.requestContext?.http?.sourceIp || undefined;
        const result = await answerSignInChallenge({ store: deps.store, clock, authenticator: deps.authenticator }, challenge, site.form, { address });
        if ('kind' in result) return challengeForm(request, result, 200);
        return signedIn(request, result);
      } catch (error) {
        if (error instanceof InputInvalidError) return challengeForm(request, challenge, 422, { message: error.userMessage, errors: error.fieldErrors });
        if (error instanceof AuthChallengeFailedError || error instanceof AuthThrottledError) {
          const cleared = clearCookie(CHALLENGE_COOKIE, { path: SIGN_IN_PATH, secure: site.https });
          const page = signInForm(request, error.httpStatus, { message: error.userMessage, recoverable });
          return { ...page, cookies: [...(page.cookies ?? []), cleared] };
        }
        throw error;
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
