import { randomBytes } from 'node:crypto';
import { tokensMatch } from '../../../shared/services/auth';
import { serializeCookie } from '../edge/cookies';
import type { SiteRequest } from '../edge/types';

/**
 * CSRF protection of the link form, without an account: a double-submit token. The GET sets a random token in a
 * cookie (HttpOnly, SameSite=Strict, Path=/approvals/) and writes the same value into the form's hidden `_csrf`
 * field; the POST decides only when both are present and equal. Another site can make a browser POST to the link
 * but can neither read nor set our cookie (and a Strict cookie is not even sent with its cross-site POST), so
 * such a POST, like a scanner's POST of a bare form, gets 403 and decides nothing. No secret to keep, nothing stored.
 */
export const LINK_CSRF_COOKIE = 'dj_approval_csrf';
const COOKIE_PATH = '/approvals/';
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The token to put in the page: the one the browser already holds, or a new one (with its Set-Cookie). */
export function linkCsrfToken(request: SiteRequest): { token: string; cookies: string[] } {
  const held = request.site.cookies[LINK_CSRF_COOKIE];
  const token = held && TOKEN_PATTERN.test(held) ? held : randomBytes(32).toString('base64url');
  const cookie = serializeCookie(LINK_CSRF_COOKIE, token, { path: COOKIE_PATH, secure: request.site.https, httpOnly: true, sameSite: 'Strict', maxAgeSeconds: 24 * 3600 });
  return { token, cookies: [cookie] };
}

/** Whether the POST carries the cookie and the matching form field. */
export function linkCsrfValid(request: SiteRequest): boolean {
  const cookie = request.site.cookies[LINK_CSRF_COOKIE];
  return !!cookie && TOKEN_PATTERN.test(cookie) && tokensMatch(cookie, request.site.form._csrf);
}
