import type { HttpEvent, HttpHandlerFn, HttpResult } from '../../../../functions/http/edge/types';
import { compileRoutes, matchRoute } from '../../../../infra/local/server';

/** Builds API Gateway v2 events for a path, with a cookie jar: a tiny browser for handler tests. */
export interface RequestOptions {
  body?: string | Record<string, string>;
  json?: boolean;
  headers?: Record<string, string>;
  https?: boolean;
}

const noop: HttpHandlerFn = async () => ({ statusCode: 500 });
const routes = compileRoutes({ handlers: { 'http-public': noop, 'http-staff': noop, 'http-approval': noop } });

export function makeEvent(method: string, url: string, options: RequestOptions = {}, cookies: string[] = []): HttpEvent {
  const [path, query = ''] = url.split('?');
  const match = matchRoute(routes, method, path);
  const routeKey = match ? `${method} ${match.route.path}` : `${method} ${path}`;
  const headers: Record<string, string> = { host: 'localhost', 'x-forwarded-proto': options.https ? 'https' : 'http', ...options.headers };
  let body: string | undefined;
  if (typeof options.body === 'string') body = options.body;
  else if (options.body && options.json) body = JSON.stringify(options.body);
  else if (options.body) body = new URLSearchParams(options.body).toString();
  if (body !== undefined && !headers['content-type']) headers['content-type'] = options.json ? 'application/json' : 'application/x-www-form-urlencoded';
  return {
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString: query,
    cookies: cookies.length > 0 ? cookies : undefined,
    headers,
    queryStringParameters: query ? Object.fromEntries(new URLSearchParams(query)) : undefined,
    pathParameters: match && Object.keys(match.pathParameters).length > 0 ? match.pathParameters : undefined,
    requestContext: {
      accountId: 'test', apiId: 'test', domainName: 'localhost', domainPrefix: 'localhost',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'jest' },
      requestId: 'test-request', routeKey, stage: '$default', time: '', timeEpoch: 0,
    },
    body,
    isBase64Encoded: false,
  };
}

export class Browser {
  readonly jar = new Map<string, string>();

  constructor(private readonly site: HttpHandlerFn) {}

  async request(method: 'GET' | 'POST', url: string, options: RequestOptions = {}): Promise<HttpResult> {
    const cookies = [...this.jar].map(([name, value]) => `${name}=${value}`);
    const result = await this.site(makeEvent(method, url, options, cookies));
    for (const cookie of result.cookies ?? []) {
      const [pair, ...attributes] = cookie.split(';').map((part) => part.trim());
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (attributes.some((a) => a.toLowerCase() === 'max-age=0')) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return result;
  }

  get = (url: string, options?: RequestOptions) => this.request('GET', url, options);
  post = (url: string, body: Record<string, string>, options?: RequestOptions) => this.request('POST', url, { ...options, body });
}

/** The value of the first hidden `_csrf` field in a page. */
export function csrfFrom(body: string | undefined): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(body ?? '');
  if (!match) throw new Error('No _csrf field in the page');
  return match[1];
}

/** Signs in through the form like a browser; answers the staff CSRF token from the home page. */
export async function signInWithForm(browser: Browser, username: string, password: string): Promise<string> {
  const form = await browser.get('/staff/sign-in');
  const result = await browser.post('/staff/sign-in', { _csrf: csrfFrom(form.body), username, password });
  if (result.statusCode !== 303) throw new Error(`Sign-in failed with ${result.statusCode}`);
  return csrfFrom((await browser.get('/staff')).body);
}
