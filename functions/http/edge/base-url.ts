import type { ServiceDeps } from '../../../shared/services/deps';
import { isHttps } from './cookies';
import type { HttpEvent } from './types';

/**
 * The deps with `publicBaseUrl` set: as configured, or else the address the request came to
 * (API Gateway's domain name, not the Host header a client chooses), for links in e-mails.
 */
export function withRequestBaseUrl<D extends ServiceDeps>(deps: D, event: HttpEvent): D {
  if (deps.publicBaseUrl) return deps;
  const domain = event.requestContext?.domainName;
  if (!domain) return deps;
  return { ...deps, publicBaseUrl: `${isHttps(event) ? 'https' : 'http'}://${domain}` };
}
