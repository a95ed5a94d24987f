import type { MiddlewareObj } from '@middy/core';
import { PasswordChangeRequiredError } from '../../../shared/services/accounts/errors';
import { resolveSession, tokensMatch } from '../../../shared/services/auth';
import { AuthRequiredError, ServiceError } from '../../../shared/errors';
import type { Clock } from '../../../shared/services/ports';
import type { Store } from '../../../shared/store/store';
import { siteOf, type HttpResult, type SiteEvent } from './types';

/** The session cookie: HttpOnly, SameSite=Lax, Secure over https; its value is never stored. */
export const SESSION_COOKIE = 'dj_session';

/** A staff POST without the session's CSRF token: refused before anything is done. */
export class AuthCsrfError extends ServiceError {
  readonly httpStatus = 403;
  constructor(options?: ErrorOptions & { detail?: string }) {
    super('页面已过期或请求来源无法确认，请返回上一页，刷新后重新提交。', options);
  }
}

export interface StaffSessionOptions {
  store: Store;
  clock: Clock;
  /** Route keys that need no session (the sign-in form). */
  openRouteKeys?: ReadonlySet<string>;
  /** The routes a session that must change its password may use (the change-password page, signing out). */
  passwordChangeRouteKeys?: ReadonlySet<string>;
}

/** The CSRF token a request carries: the `_csrf` form field, or the `x-csrf-token` header (JSON clients). */
export function submittedCsrfToken(event: SiteEvent): string | undefined {
  return siteOf(event).form._csrf || event.headers?.['x-csrf-token'] || undefined;
}

/**
 * Finds the staff session from the cookie. Outside the open routes a request without a live session
 * is refused (401; a page GET redirects to sign-in), and every POST must carry the session's CSRF token (403).
 */
export function staffSession(options: StaffSessionOptions): MiddlewareObj<SiteEvent, HttpResult> {
  return {
    before: async (request) => {
      const { event } = request;
      const site = siteOf(event);
      site.session = await resolveSession(options.store, options.clock, site.cookies[SESSION_COOKIE]);
      if (options.openRouteKeys?.has(event.routeKey)) return;
      if (!site.session) throw new AuthRequiredError();
      if (site.session.mustChangePassword && !options.passwordChangeRouteKeys?.has(event.routeKey)) {
        throw new PasswordChangeRequiredError({ detail: `${event.routeKey} before the first password change` });
      }
      if (event.requestContext.http.method !== 'GET' && !tokensMatch(site.session.csrfToken, submittedCsrfToken(event))) {
        throw new AuthCsrfError({ detail: `CSRF token missing or wrong on ${event.routeKey}` });
      }
    },
    name: 'staff-session',
  };
}
