import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { bodyParser, type RouteBodyOptions } from './body-parser';
import { errorMapper, type ErrorLogger } from './error-mapper';
import { dispatch, type RouteTable } from './router';
import { securityHeaders } from './security-headers';
import { staffSession, type StaffSessionOptions } from './staff-session';
import type { HttpHandlerFn, HttpResult, SiteEvent } from './types';

export interface SiteAppOptions {
  /** The routes, or a function giving them for a request (e.g. with deps that depend on it). */
  routes: RouteTable | ((event: SiteEvent) => RouteTable);
  /** With this, every route except the open ones needs a staff session (and POSTs its CSRF token). */
  session?: StaffSessionOptions;
  bodyLimitBytes?: number;
  /** Routes with their own body limit, or that accept multipart uploads (by route key). */
  bodyRoutes?: Record<string, RouteBodyOptions>;
  /** Cache-Control for answers that set none (staff pages: no-store). */
  cacheControl?: string;
  log?: ErrorLogger;
}

/**
 * One site as a Lambda handler: security headers on every answer, errors mapped to pages or JSON,
 * the body parsed with a size limit, the staff session checked, then the route by `event.routeKey`.
 */
export function createSiteApp(options: SiteAppOptions): HttpHandlerFn {
  const app = middy<SiteEvent, HttpResult>()
    .use(securityHeaders({ cacheControl: options.cacheControl }))
    .use(errorMapper({ log: options.log }))
    .use(bodyParser({ limitBytes: options.bodyLimitBytes, routes: options.bodyRoutes }));
  if (options.session) app.use(staffSession(options.session));
  const handler = app.handler(dispatch(options.routes));
  return (event) => handler(event, {} as Context);
}
