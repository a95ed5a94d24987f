import type { MiddlewareObj } from '@middy/core';
import { siteOf, type HttpResult, type SiteEvent } from './types';

/** No inline scripts or styles, nothing from elsewhere, never framed. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

function apply(response: HttpResult | null | undefined, event: SiteEvent, cacheControl: string | undefined): void {
  if (!response || typeof response !== 'object') return;
  const headers = { ...(response.headers ?? {}) };
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers[name] = value;
  if (siteOf(event).https) headers['strict-transport-security'] = 'max-age=31536000';
  if (cacheControl && headers['cache-control'] === undefined) headers['cache-control'] = cacheControl;
  response.headers = headers;
}

/** Adds the security headers to every answer, errors included (register it first: its onError runs last). */
export function securityHeaders(options: { cacheControl?: string } = {}): MiddlewareObj<SiteEvent, HttpResult> {
  return {
    after: (request) => apply(request.response, request.event, options.cacheControl),
    onError: (request) => apply(request.response, request.event, options.cacheControl),
    name: 'security-headers',
  };
}
