import type { HttpEvent, HttpHandlerFn } from '../../../functions/http/edge/types';
import { compilePath, startHttpServer, type RunningHttpServer } from '../../../infra/local/server';

/** Handlers that answer the event they were given, so the test sees the translation. */
const events: HttpEvent[] = [];
const echo = (id: string): HttpHandlerFn => async (event) => {
  events.push(event);
  return { statusCode: 200, headers: { 'content-type': 'application/json', 'x-handler': id }, body: JSON.stringify(event), cookies: ['a=1; Path=/', 'b=2; Path=/; HttpOnly'] };
};

let server: RunningHttpServer;

beforeAll(async () => {
  server = await startHttpServer({
    port: 0,
    handlers: { 'http-public': echo('public'), 'http-staff': echo('staff') },
    extraRoutes: [
      { method: 'GET', path: '/dev/outbox', handler: echo('dev') },
      { method: 'GET', path: '/dev/files/{rest+}', handler: echo('dev') },
      { method: 'GET', path: '/binary', handler: async () => ({ statusCode: 200, headers: { 'content-type': 'image/png' }, body: Buffer.from([0, 1, 2, 255]).toString('base64'), isBase64Encoded: true }) },
    ],
  });
});

afterAll(() => server.close());

async function call(path: string, init?: RequestInit): Promise<{ response: Response; event: HttpEvent }> {
  const response = await fetch(`${server.url}${path}`, { redirect: 'manual', ...init });
  return { response, event: (await response.json()) as HttpEvent };
}

describe('local HTTP server', () => {
  test('compilePath turns API Gateway paths into patterns', () => {
    expect(compilePath('/notices/{noticeId}/print')).toMatchObject({ names: ['noticeId'] });
    expect(compilePath('/notices/{noticeId}/print').pattern.test('/notices/a-1/print')).toBe(true);
    expect(compilePath('/notices/{noticeId}').pattern.test('/notices/a/b')).toBe(false);
    expect(compilePath('/x/{rest+}').pattern.exec('/x/a/b')?.[1]).toBe('a/b');
  });

  test('matches ROUTES to the right handler with routeKey and decoded path parameters', async () => {
    const { response, event } = await call('/notices/abc%20d/print');
    expect(response.headers.get('x-handler')).toBe('public');
    expect(event.routeKey).toBe('GET /notices/{noticeId}/print');
    expect(event.rawPath).toBe('/notices/abc%20d/print');
    expect(event.pathParameters).toEqual({ noticeId: 'abc d' });
    expect(event.version).toBe('2.0');
    expect(event.requestContext.http).toMatchObject({ method: 'GET', path: '/notices/abc%20d/print' });
    expect(typeof event.requestContext.timeEpoch).toBe('number');
  });

  test('a literal segment wins over a parameter (/staff/notices/new)', async () => {
    const { response, event } = await call('/staff/notices/new');
    expect(response.headers.get('x-handler')).toBe('staff');
    expect(event.routeKey).toBe('GET /staff/notices/new');
    expect(event.pathParameters).toBeUndefined();
  });

  test('query strings: raw, and parameters with repeated values joined by commas', async () => {
    const { event } = await call('/?a=1&b=x%20y&a=2');
    expect(event.routeKey).toBe('GET /');
    expect(event.rawQueryString).toBe('a=1&b=x%20y&a=2');
    expect(event.queryStringParameters).toEqual({ a: '1,2', b: 'x y' });
  });

  test('cookies arrive as an array, not as a header; headers are lower-cased', async () => {
    const { event } = await call('/staff', { headers: { Cookie: 'dj_session=abc; other=1', 'X-Custom': 'Yes' } });
    expect(event.cookies).toEqual(['dj_session=abc', 'other=1']);
    expect(event.headers.cookie).toBeUndefined();
    expect(event.headers['x-custom']).toBe('Yes');
    expect(event.headers['x-forwarded-proto']).toBe('http');
  });

  test('a form body is passed as text; a binary body base64-encoded', async () => {
    const form = await call('/notices/n1/objections', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'content=%E5%BC%82%E8%AE%AE' });
    expect(form.event.routeKey).toBe('POST /notices/{noticeId}/objections');
    expect(form.event.body).toBe('content=%E5%BC%82%E8%AE%AE');
    expect(form.event.isBase64Encoded).toBe(false);
    const binary = await call('/notices/n1/objections', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array([0, 255]) });
    expect(binary.event.isBase64Encoded).toBe(true);
    expect(Buffer.from(binary.event.body ?? '', 'base64')).toEqual(Buffer.from([0, 255]));
  });

  test('the answer: status, headers, each cookie its own Set-Cookie, base64 bodies decoded', async () => {
    const { response } = await call('/');
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/; HttpOnly']);
    const binary = await fetch(`${server.url}/binary`);
    expect(Buffer.from(await binary.arrayBuffer())).toEqual(Buffer.from([0, 1, 2, 255]));
  });

  test('extra routes (local dev pages), including greedy parameters', async () => {
    expect((await call('/dev/outbox')).response.headers.get('x-handler')).toBe('dev');
    expect((await call('/dev/files/a/b.txt')).event.pathParameters).toEqual({ rest: 'a/b.txt' });
  });

  test('unknown paths and methods get a 404 page without calling a handler', async () => {
    const before = events.length;
    for (const [method, path] of [['GET', '/nowhere'], ['POST', '/'], ['DELETE', '/staff']]) {
      const response = await fetch(`${server.url}${path}`, { method });
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('页面不存在');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
    expect(events.length).toBe(before);
  });
});

describe('behind a reverse proxy (publicUrl)', () => {
  test('https public URL: events count as https, every answer has HSTS, writes from another origin get 403; one log entry per request', async () => {
    const entries: unknown[] = [];
    const behindProxy = await startHttpServer({
      port: 0,
      publicUrl: 'https://dangjian.example.gov.cn',
      handlers: { 'http-public': echo('public') },
      requestLog: (entry) => entries.push(entry),
    });
    try {
      const page = await fetch(`${behindProxy.url}/notices/n-1?secret=abc`);
      expect(page.headers.get('strict-transport-security')).toBe('max-age=31536000');
      expect(((await page.json()) as HttpEvent).headers['x-forwarded-proto']).toBe('https');
      // The proxy on this machine forwards the client's address: sign-in throttling counts that, not 127.0.0.1.
      const forwarded = (await (await fetch(`${behindProxy.url}/notices/n-1`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).json()) as HttpEvent;
      expect([forwarded.requestContext.http.sourceIp, forwarded.headers['x-forwarded-for']]).toEqual(['203.0.113.9', '203.0.113.9']);
      const missing = await fetch(`${behindProxy.url}/nothing-here`);
      expect([missing.status, missing.headers.get('strict-transport-security')]).toEqual([404, 'max-age=31536000']);

      const form = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'content=x' };
      const refused = await fetch(`${behindProxy.url}/notices/n-1/objections`, { ...form, headers: { ...form.headers, origin: 'https://evil.example' } });
      expect(refused.status).toBe(403);
      expect(await refused.text()).toContain('不接受从其他网站提交');
      const accepted = await fetch(`${behindProxy.url}/notices/n-1/objections`, { ...form, headers: { ...form.headers, origin: 'https://dangjian.example.gov.cn' } });
      expect(accepted.status).toBe(200);

      const requestId = page.headers.get('x-request-id');
      expect(entries[0]).toEqual({ requestId, method: 'GET', route: '/notices/{noticeId}', status: 200, ms: expect.any(Number) });
      expect(entries.map((entry) => (entry as { status: number }).status)).toEqual([200, 200, 404, 403, 200]);
      expect(JSON.stringify(entries)).not.toMatch(/n-1|secret|content=x/);
    } finally {
      await behindProxy.close();
    }
  });

  test('without a public URL nothing changes: http, no HSTS, no origin check', async () => {
    const refusedElsewhere = await fetch(`${server.url}/notices/n-1/objections`, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    expect(refusedElsewhere.status).toBe(200);
    expect(refusedElsewhere.headers.get('strict-transport-security')).toBeNull();
    // Without a proxy in front, a client cannot choose the address it is counted under.
    const spoofed = (await (await fetch(`${server.url}/notices/n-1`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).json()) as HttpEvent;
    expect(spoofed.requestContext.http.sourceIp).not.toBe('203.0.113.9');
  });
});
