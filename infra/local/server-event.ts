import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { HttpEvent } from '../../functions/http/edge/types';

/** Bodies API Gateway passes as text; anything else arrives base64-encoded with isBase64Encoded. */
export function isTextBody(contentType: string | undefined): boolean {
  const type = (contentType ?? '').toLowerCase();
  return type === '' || type.startsWith('text/') || /json|xml|javascript|x-www-form-urlencoded/.test(type);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** API Gateway's requestContext.time, e.g. 12/Mar/2026:19:03:58 +0000. */
export function requestTimeText(date: Date): string {
  return `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

export interface EventSource {
  request: IncomingMessage;
  url: URL;
  method: string;
  /** The matched route's path, API Gateway syntax. */
  route: string;
  pathParameters: Record<string, string>;
  body: Buffer;
  /** The request id (also in the request log line); default a new one. */
  requestId?: string;
  /** The scheme the client used: `https` behind a TLS-ending proxy (DANGJIAN_PUBLIC_URL), default `http`. */
  forwardedProto?: 'http' | 'https';
  /** Behind the reverse proxy on this machine: the client's address is the one the proxy forwards. */
  trustLoopbackProxy?: boolean;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * The client's address. Behind the proxy (nginx on this machine, `X-Forwarded-For $remote_addr`) every connection
 * comes from loopback: then the address the proxy forwards (its last entry, the one the proxy itself wrote) is the
 * client's. A forwarded address from anywhere else is never believed.
 */
export function clientAddress(request: IncomingMessage, trustLoopbackProxy = false): string {
  const peer = request.socket.remoteAddress ?? '127.0.0.1';
  const forwarded = request.headers['x-forwarded-for'];
  if (!trustLoopbackProxy || !LOOPBACK.has(peer) || typeof forwarded !== 'string') return peer;
  return forwarded.split(',').at(-1)?.trim() || peer;
}

/**
 * The API Gateway HTTP API payload 2.0 event for a request: headers lower-cased with duplicates joined
 * by commas, cookies in their own array (not in headers), repeated query values joined by commas,
 * a text body as is and any other body base64-encoded.
 */
export function buildEvent(source: EventSource): HttpEvent {
  const { request, url, method, route, pathParameters, body } = source;
  const headers: Record<string, string> = {};
  let cookies: string[] = [];
  for (const [name, values] of Object.entries(request.headersDistinct)) {
    if (!values) continue;
    if (name === 'cookie') cookies = values.flatMap((value) => value.split(';')).map((c) => c.trim()).filter(Boolean);
    else headers[name] = values.join(',');
  }
  headers['x-forwarded-proto'] = source.forwardedProto ?? 'http';
  const sourceIp = clientAddress(request, source.trustLoopbackProxy);
  headers['x-forwarded-for'] = sourceIp;
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) query[key] = key in query ? `${query[key]},${value}` : value;
  const text = isTextBody(headers['content-type']);
  const now = new Date();
  const routeKey = `${method} ${route}`;
  const domainName = headers.host ?? 'localhost';
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    cookies: cookies.length > 0 ? cookies : undefined,
    headers,
    queryStringParameters: Object.keys(query).length > 0 ? query : undefined,
    pathParameters: Object.keys(pathParameters).length > 0 ? pathParameters : undefined,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName,
      domainPrefix: domainName.split('.')[0],
      http: {
        method,
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: source.requestId ?? randomUUID(),
      routeKey,
      stage: '$default',
      time: requestTimeText(now),
      timeEpoch: now.getTime(),
    },
    body: body.length > 0 ? body.toString(text ? 'utf8' : 'base64') : undefined,
    isBase64Encoded: body.length > 0 && !text,
  };
}
