import type { MiddlewareObj } from '@middy/core';
import { PasswordChangeRequiredError } from '../../../shared/services/accounts/errors';
import { AuthRequiredError, InputInvalidError, ServiceError } from '../../../shared/errors';
import type { LayoutStaff } from '../../../shared/ui/layout';
import { GENERIC_ERROR_MESSAGE, errorPage } from '../../../shared/ui/pages/error-page';
import { htmlResponse, jsonResponse, redirect } from './responses';
import { siteOf, type HttpResult, type SiteContext, type SiteEvent } from './types';

export type ErrorLogger = (entry: Record<string, unknown>) => void;

/** Server faults go to the log with what identifies them; never the body, cookies or headers. */
export const consoleErrorLogger: ErrorLogger = (entry) => console.error(JSON.stringify(entry));

export function layoutStaff(site: SiteContext | undefined): LayoutStaff | undefined {
  const session = site?.session;
  return session ? { displayName: session.actor.displayName, role: session.actor.role, csrfToken: session.csrfToken, ...(session.mustChangePassword ? { mustChangePassword: true } : {}) } : undefined;
}

function signInRedirect(event: SiteEvent): HttpResult {
  const path = event.rawPath + (event.rawQueryString ? `?${event.rawQueryString}` : '');
  return redirect(`/staff/sign-in?next=${encodeURIComponent(path)}`);
}

/** A ServiceError as the client sees it: its status and Chinese message (and field messages for 422). */
export function serviceErrorResponse(error: ServiceError, event: SiteEvent): HttpResult {
  const site = siteOf(event);
  const fieldErrors = error instanceof InputInvalidError ? error.fieldErrors : undefined;
  if (site.json) return jsonResponse(error.httpStatus, { error: { status: error.httpStatus, message: error.userMessage, fieldErrors } });
  if (error instanceof AuthRequiredError && event.requestContext?.http?.method === 'GET') return signInRedirect(event);
  if (error instanceof PasswordChangeRequiredError && event.requestContext?.http?.method === 'GET') return redirect('/staff/password');
  return htmlResponse(error.httpStatus, errorPage({ status: error.httpStatus, message: error.userMessage, fieldErrors, staff: layoutStaff(site) }));
}

export function serverErrorResponse(event: SiteEvent): HttpResult {
  const site = siteOf(event);
  if (site.json) return jsonResponse(500, { error: { status: 500, message: GENERIC_ERROR_MESSAGE } });
  return htmlResponse(500, errorPage({ status: 500, message: GENERIC_ERROR_MESSAGE, staff: layoutStaff(site) }));
}

/**
 * Maps a thrown error to an answer: a ServiceError → its status and userMessage; anything else → 500
 * with a generic page (no message, no stack), logged with the route and the error's own name and stack.
 */
export function errorMapper(options: { log?: ErrorLogger } = {}): MiddlewareObj<SiteEvent, HttpResult> {
  const log = options.log ?? consoleErrorLogger;
  return {
    onError: (request) => {
      const { error, event } = request;
      if (error instanceof ServiceError) {
        request.response = serviceErrorResponse(error, event);
        return;
      }
      const fault = error instanceof Error ? error : new Error(String(error));
      log({
        level: 'error',
        routeKey: event.routeKey,
        requestId: event.requestContext?.requestId,
        error: { name: fault.name, message: fault.message, stack: fault.stack },
      });
      request.response = serverErrorResponse(event);
    },
    name: 'error-mapper',
  };
}
