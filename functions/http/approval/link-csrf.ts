import { randomBytes } from 'node:crypto';
import { tokensMatch } from '../../../shared/services/auth';
import { serializeCookie } from '../edge/cookies';
import type { SiteRequest } from '../edge/types';

/**
 * CSRF protection of a link form (approval links, filing acknowledgment links), without an account: a double-submit
 * token. The GET sets a random token in a cookie (HttpOnly, SameSite=Strict, Path=/approvals/ or /filings/) and
 * writes the same value into the form's hidden `_csrf` field; the POST acts only when both are present and equal.
 * Another site can make a browser POST to the link but can neither read nor set our cookie (and a Strict cookie is
 * not even sent with its cross-site POST), so such a POST, like a scanner's POST of a bare form, gets 403 and
 * changes nothing. No secret to keep, nothing stored.
 */
export interface LinkCsrfScope {
  cookie: string;
  path: string;
}

export const APPROVAL_LINK_CSRF: LinkCsrfScope = { cookie: 'dj_approval_csrf', path: '/approvals/' };
export const FILING_LINK_CSRF: LinkCsrfScope = { cookie: 'dj_filing_csrf', path: '/filings/' };
export const LINK_CSRF_COOKIE = APPROVAL_LINK_CSRF.cookie;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The token to put in the page: the one the browser already holds, or a new one (with its Set-Cookie). */
export function linkCsrfToken(request: SiteRequest, scope: LinkCsrfScope = APPROVAL_LINK_CSRF): { token: string; cookies: string[] } {
  const held = request.site.cookies[scope.cookie];
  const token = held && TOKEN_PATTERN.test(held) ? held : randomBytes(32).toString('base64url');
  const cookie = serializeCookie(scope.cookie, token, { path: scope.path, secure: request.site.https, httpOnly: true, sameSite: 'Strict', maxAgeSeconds: 24 * 3600 });
  return { token, cookies: [cookie] };
}

/** Whether the POST carries the cookie and the matching form field. */
export function linkCsrfValid(request: SiteRequest, scope: LinkCsrfScope = APPROVAL_LINK_CSRF): boolean {
  const cookie = request.site.cookies[scope.cookie];
  return !!cookie && TOKEN_PATTERN.test(cookie) && tokensMatch(cookie, request.site.form._csrf);
}
