import type { MiddlewareObj, Request } from '@middy/core';
import type { Context } from 'aws-lambda';
import type { HttpResult, SiteEvent } from '../../../../../functions/http/edge/types';

export interface EventOptions {
  method?: string;
  path?: string;
  /** The route key; defaults to `METHOD path`. */
  routeKey?: string;
  query?: string;
  headers?: Record<string, string>;
  cookies?: string[];
  body?: string;
  isBase64Encoded?: boolean;
  pathParameters?: Record<string, string>;
  domainName?: string;
}

/** A bare API Gateway v2 event, as the edge middlewares receive it (nothing parsed yet). */
export function edgeEvent(options: EventOptions = {}): SiteEvent {
  const method = options.method ?? 'GET';
  const path = options.path ?? '/';
  const routeKey = options.routeKey ?? `${method} ${path}`;
  return {
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString: options.query ?? '',
    cookies: options.cookies,
    headers: options.headers ?? {},
    pathParameters: options.pathParameters,
    requestContext: {
      accountId: 'test', apiId: 'test', domainName: options.domainName ?? 'example.gov.cn', domainPrefix: 'example',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'jest' },
      requestId: 'edge-request', routeKey, stage: '$default', time: '', timeEpoch: 0,
    },
    body: options.body,
    isBase64Encoded: options.isBase64Encoded ?? false,
  };
}

/** A middy request around an event, to call one middleware's hooks directly. */
export function middyRequest(event: SiteEvent, fields: { error?: unknown; response?: HttpResult } = {}): Request<SiteEvent, HttpResult> {
  return { event, context: {} as Context, response: fields.response ?? null, error: (fields.error ?? null) as Error | null, internal: {} };
}

/** Runs a middleware's `before` on an event; resolves to the event (with `event.site`) or rejects with what it threw. */
export async function runBefore(middleware: MiddlewareObj<SiteEvent, HttpResult>, event: SiteEvent): Promise<SiteEvent> {
  await middleware.before?.(middyRequest(event));
  return event;
}
