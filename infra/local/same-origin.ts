import type { IncomingHttpHeaders } from 'node:http';

/** Methods that change nothing: never refused for their origin. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request must be refused for coming from another site: a state-changing request whose Origin (or,
 * without one, Referer) is not the public address. A request with neither (not from a browser page) is let through:
 * the staff forms' CSRF tokens and the approval links' own checks still apply to it.
 */
export function isCrossOriginWrite(method: string, headers: IncomingHttpHeaders, publicOrigin: string): boolean {
  if (SAFE_METHODS.has(method)) return false;
  const origin = headers.origin;
  if (origin !== undefined) return origin !== publicOrigin;
  const referer = headers.referer;
  if (referer === undefined) return false;
  try {
    return new URL(referer).origin !== publicOrigin;
  } catch {
    return true;
  }
}
