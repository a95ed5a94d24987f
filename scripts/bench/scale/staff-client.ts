import type { HttpEvent, HttpHandlerFn, HttpResult } from '../../../functions/http/edge/types';
import { compileRoutes, matchRoute } from '../../../infra/local/server';

/**
 * A staff member's browser over the real site handlers, in process (no sockets: the figures are the handlers' and
 * the store's): API Gateway v2 events routed as the local server routes them, the session cookie kept.
 */
export interface StaffSites {
  staff: HttpHandlerFn;
  approval: HttpHandlerFn;
}

export class StaffClient {
  private readonly cookies = new Map<string, string>();
  private readonly routes;

  constructor(sites: StaffSites) {
    this.routes = compileRoutes({ handlers: { 'http-staff': sites.staff, 'http-approval': sites.approval } });
  }

  async request(method: 'GET' | 'POST', url: string, form?: Record<string, string>): Promise<HttpResult> {
    const [path, query = ''] = url.split('?');
    const match = matchRoute(this.routes, method, path);
    if (!match) return { statusCode: 404 };
    const body = form ? new URLSearchParams(form).toString() : undefined;
    const routeKey = `${method} ${match.route.path}`;
    const event: HttpEvent = {
      version: '2.0', routeKey, rawPath: path, rawQueryString: query,
      cookies: this.cookies.size > 0 ? [...this.cookies].map(([name, value]) => `${name}=${value}`) : undefined,
      headers: { host: 'localhost', 'x-forwarded-proto': 'http', ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      queryStringParameters: query ? Object.fromEntries(new URLSearchParams(query)) : undefined,
      pathParameters: Object.keys(match.pathParameters).length > 0 ? match.pathParameters : undefined,
      requestContext: {
        accountId: 'bench', apiId: 'bench', domainName: 'localhost', domainPrefix: 'localhost',
        http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
        requestId: 'bench', routeKey, stage: '$default', time: '', timeEpoch: 0,
      },
      body,
      isBase64Encoded: false,
    };
    const result = await match.route.handler(event);
    for (const cookie of result.cookies ?? []) {
      const [pair, ...attributes] = cookie.split(';').map((part) => part.trim());
      const name = pair.slice(0, pair.indexOf('='));
      if (attributes.some((a) => a.toLowerCase() === 'max-age=0')) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(pair.indexOf('=') + 1));
    }
    return result;
  }

  /** Signs in through the sign-in form, as a browser does. */
  async signIn(username: string, password: string): Promise<void> {
    const form = await this.request('GET', '/staff/sign-in');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(String(form.body ?? ''))?.[1];
    if (!csrf) throw new Error('No _csrf field on the sign-in page');
    const result = await this.request('POST', '/staff/sign-in', { _csrf: csrf, username, password });
    if (result.statusCode !== 303) throw new Error(`Sign-in of ${username} failed with ${result.statusCode}`);
  }
}
