import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ROUTES, type HttpHandlerId } from '../../functions/http/routes';
import type { HttpEvent, HttpHandlerFn, HttpResult } from '../../functions/http/edge/types';
import { SECURITY_HEADERS } from '../../functions/http/edge/security-headers';
import { errorPage } from '../../shared/ui/pages/error-page';
import { isCrossOriginWrite } from './same-origin';
import { buildEvent } from './server-event';

export { buildEvent, isTextBody } from './server-event';

/**
 * The local HTTP server: API Gateway HTTP API (payload 2.0) on node:http. It matches the same ROUTES
 * the CDK stack deploys, builds the event API Gateway would send, and writes the Lambda's answer.
 */

export interface ExtraRoute {
  method: 'GET' | 'HEAD' | 'POST';
  /** API Gateway path syntax: `{name}` is a parameter, `{name+}` takes the rest of the path. */
  path: string;
  handler: HttpHandlerFn;
}

export interface HttpServerOptions {
  port: number;
  host?: string;
  /** The handler of each id; the routes of an id without one are not served (404). */
  handlers: Partial<Record<HttpHandlerId, HttpHandlerFn>>;
  /** Local-only routes (dev pages), matched after ROUTES. */
  extraRoutes?: ExtraRoute[];
  /** Largest body read (bigger requests get 413 without reaching a handler); API Gateway's limit is 10 MB. */
  maxBodyBytes?: number;
  /**
   * The address people reach the site at (DANGJIAN_PUBLIC_URL, behind a reverse proxy). With https, requests count
   * as https (Secure cookies) and every answer carries HSTS; a state-changing request from another origin gets 403.
   */
  publicUrl?: string;
  /** Told of each answered request (one JSON log line each): never the body, the query or the raw path. */
  requestLog?: (entry: RequestLogEntry) => void;
}

export interface RequestLogEntry {
  requestId: string;
  method: string;
  /** The matched route in API Gateway syntax (`/approvals/{linkId}`: no ids or links), or `-` when none matched. */
  route: string;
  status: number;
  ms: number;
}

interface ServeSettings {
  maxBodyBytes: number;
  publicOrigin?: string;
  https: boolean;
}

export interface RunningHttpServer {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

interface CompiledRoute {
  method: string;
  path: string;
  pattern: RegExp;
  names: string[];
  handler: HttpHandlerFn;
}

/** `/notices/{noticeId}` → a regex with one group per parameter; `{proxy+}` matches the rest (slashes too). */
export function compilePath(path: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const param = /^\{([^}+]+)(\+?)\}$/.exec(part);
      if (!param) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(param[1]);
      return param[2] ? '(.+)' : '([^/]+)';
    })
    .join('');
  return { pattern: new RegExp(`^${source}$`), names };
}

export function compileRoutes(options: Pick<HttpServerOptions, 'handlers' | 'extraRoutes'>): CompiledRoute[] {
  const fromTable = ROUTES.flatMap((route) => {
    const handler = options.handlers[route.handlerId];
    return handler ? [{ method: route.method, path: route.path, handler }] : [];
  });
  return [...fromTable, ...(options.extraRoutes ?? [])].map((route) => ({ ...route, ...compilePath(route.path) }));
}

export interface RouteMatch {
  route: CompiledRoute;
  pathParameters: Record<string, string>;
}

/** The route for a method and path; a literal segment beats a parameter (as in API Gateway). */
export function matchRoute(routes: CompiledRoute[], method: string, path: string): RouteMatch | undefined {
  const candidates = routes.filter((route) => route.method === method && route.pattern.test(path));
  candidates.sort((a, b) => a.names.length - b.names.length);
  const route = candidates[0];
  if (!route) return undefined;
  const values = route.pattern.exec(path)?.slice(1) ?? [];
  const pathParameters: Record<string, string> = {};
  route.names.forEach((name, index) => {
    try {
      pathParameters[name] = decodeURIComponent(values[index]);
    } catch {
      pathParameters[name] = values[index];
    }
  });
  return { route, pathParameters };
}

/** Writes the answer; to a HEAD request the headers only (as for the GET, with its length), never a body. */
function writeResult(response: ServerResponse, result: HttpResult, head = false, https = false): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name.toLowerCase()] = String(value);
  if (result.cookies && result.cookies.length > 0) headers['set-cookie'] = result.cookies;
  const body = result.body === undefined ? Buffer.alloc(0) : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8');
  headers['content-length'] = String(body.length);
  if (https) headers['strict-transport-security'] ??= 'max-age=31536000';
  response.writeHead(result.statusCode ?? 200, headers);
  response.end(head ? undefined : body);
}

function plainPage(status: number, message: string): HttpResult {
  return { statusCode: status, headers: { 'content-type': 'text/html; charset=utf-8', ...SECURITY_HEADERS }, body: errorPage({ status, message }).value };
}

async function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function serve(routes: CompiledRoute[], settings: ServeSettings, request: IncomingMessage, response: ServerResponse, requestId: string): Promise<string> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const method = (request.method ?? 'GET').toUpperCase();
  const write = (result: HttpResult) => writeResult(response, result, method === 'HEAD', settings.https);
  const match = matchRoute(routes, method, url.pathname);
  if (!match) return (write(plainPage(404, '您访问的页面不存在，请检查网址是否正确。')), '-');
  const route = match.route.path;
  if (settings.publicOrigin && isCrossOriginWrite(method, request.headers, settings.publicOrigin)) {
    return (write(plainPage(403, '本系统不接受从其他网站提交的操作。请直接打开本系统的页面，刷新后重新操作。')), route);
  }
  const body = await readBody(request, settings.maxBodyBytes);
  if (body === 'too-large') return (write(plainPage(413, '提交的内容过大，请精简后重新提交。')), route);
  const forwardedProto = settings.https ? 'https' : 'http';
  const event: HttpEvent = buildEvent({ request, url, method, route, pathParameters: match.pathParameters, body, requestId, forwardedProto, trustLoopbackProxy: settings.https });
  write(await match.route.handler(event));
  return route;
}

/** Starts the server; port 0 picks a free port (see `url`). */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const routes = compileRoutes(options);
  const publicOrigin = options.publicUrl ? new URL(options.publicUrl).origin : undefined;
  const settings: ServeSettings = { maxBodyBytes: options.maxBodyBytes ?? 10 * 1024 * 1024, publicOrigin, https: publicOrigin?.startsWith('https:') ?? false };
  const server = createServer((request, response) => {
    const requestId = randomUUID();
    const started = performance.now();
    response.setHeader('x-request-id', requestId);
    serve(routes, settings, request, response, requestId)
      .catch((error: unknown) => {
        const fault = error instanceof Error ? error : new Error(String(error));
        console.error(JSON.stringify({ level: 'error', where: 'local-http-server', requestId, error: { name: fault.name, message: fault.message, stack: fault.stack } }));
        if (!response.headersSent) writeResult(response, plainPage(500, '系统暂时无法处理您的请求，请稍后再试。'), false, settings.https);
        else response.destroy();
        return '-';
      })
      .then((route) => {
        const method = (request.method ?? 'GET').toUpperCase();
        options.requestLog?.({ requestId, method, route, status: response.statusCode, ms: Math.round(performance.now() - started) });
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  return {
    server,
    port,
    url: `http://${host}:${port}`,
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections?.();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  };
}
