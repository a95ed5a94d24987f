import { RecordNotFoundError } from '../../../shared/errors';
import { siteOf, type HttpResult, type RouteHandler, type SiteEvent, type SiteRequest } from './types';

/** Handlers by API Gateway route key, e.g. `POST /notices/{noticeId}/objections`. */
export type RouteTable = Record<string, RouteHandler>;

/** The first value of each query name; own properties only, so `constructor` or `__proto__` is just a name. */
function queryOf(rawQueryString: string | undefined): Record<string, string> {
  const first = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(rawQueryString ?? '')) if (!first.has(key)) first.set(key, value);
  return Object.fromEntries(first);
}

export function siteRequest(event: SiteEvent): SiteRequest {
  const query = queryOf(event.rawQueryString);
  return { event, site: siteOf(event), params: { ...(event.pathParameters ?? {}) } as Record<string, string>, query };
}

/** Dispatches on `event.routeKey`; a route this site does not serve is a 404. */
export function dispatch(routesFor: RouteTable | ((event: SiteEvent) => RouteTable)): (event: SiteEvent) => Promise<HttpResult> {
  return async (event) => {
    const routes = typeof routesFor === 'function' ? routesFor(event) : routesFor;
    const route = Object.hasOwn(routes, event.routeKey) ? routes[event.routeKey] : undefined;
    if (!route) throw new RecordNotFoundError('该页面', { cause: new Error(`No route ${event.routeKey}`) });
    return route(siteRequest(event));
  };
}
