import { createSiteApp } from '../../../../functions/http/edge/site-app';
import { SECURITY_HEADERS } from '../../../../functions/http/edge/security-headers';
import { SESSION_COOKIE } from '../../../../functions/http/edge/staff-session';
import type { HttpResult, SiteRequest } from '../../../../functions/http/edge/types';
import { ManualClock } from '../../../../infra/local/manual-clock';
import { startSession, type NewSession } from '../../../../shared/services/auth';
import { InputInvalidError } from '../../../../shared/errors';
import type { Store } from '../../../../shared/store/store';
import { createTestStore } from '../../../support/store';
import { edgeEvent, type EventOptions } from './support/event';

// The middlewares in their order: security headers on every answer (errors included), errors mapped, the body
// parsed (its limit before anything else), the staff session checked, then the route; a route never runs on a
// refused request.

let store: Store;
let session: NewSession;
const clock = new ManualClock('2026-03-02T01:00:00.000Z');
const ran: string[] = [];
const logged: unknown[] = [];

const route = (name: string, answer: (request: SiteRequest) => HttpResult = () => ({ statusCode: 200, body: name })) => async (request: SiteRequest) => {
  ran.push(name);
  return answer(request);
};
const ROUTES = {
  'GET /staff': route('home'),
  'POST /staff/echo': route('echo', (request) => ({ statusCode: 200, body: JSON.stringify(request.site.form) })),
  'POST /staff/invalid': route('invalid', () => {
    throw new InputInvalidError({ name: '请填写姓名。' });
  }),
  'GET /staff/broken': route('broken', () => {
    throw new Error('secret internal detail');
  }),
  'GET /staff/sign-in': route('sign-in'),
};

const staffSite = () => createSiteApp({
  routes: ROUTES,
  session: { store, clock, openRouteKeys: new Set(['GET /staff/sign-in']) },
  bodyLimitBytes: 100,
  cacheControl: 'no-store',
  log: (entry) => logged.push(entry),
});

beforeAll(async () => {
  store = await createTestStore();
  session = await startSession(store, clock, { id: 'acc-li', displayName: '李书记', role: 'branch-staff', orgId: 'org-a' });
});

beforeEach(() => {
  ran.length = 0;
  logged.length = 0;
});

const FORM = { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-proto': 'https' };
const signedIn = (options: EventOptions): EventOptions => ({ cookies: [`${SESSION_COOKIE}=${session.sessionId}`], ...options });

test.each<[string, () => EventOptions, number, string | undefined]>([
  ['a signed-in page', () => signedIn({ path: '/staff' }), 200, 'home'],
  ['a signed-in POST with its token', () => signedIn({ method: 'POST', path: '/staff/echo', headers: FORM, body: `_csrf=${session.csrfToken}&name=%E5%BC%A0` }), 200, 'echo'],
  ['a page without a session: to sign-in', () => ({ path: '/staff' }), 303, undefined],
  ['the open sign-in page without a session', () => ({ path: '/staff/sign-in' }), 200, 'sign-in'],
  ['a POST without its token', () => signedIn({ method: 'POST', path: '/staff/echo', headers: FORM, body: 'name=a' }), 403, undefined],
  ['a body over the limit, before the session is looked at', () => ({ method: 'POST', path: '/staff/echo', headers: FORM, body: `a=${'x'.repeat(99)}` }), 413, undefined],
  ['unreadable text, before the session is looked at', () => ({ method: 'POST', path: '/staff/echo', headers: FORM, body: 'a=%00' }), 422, undefined],
  ['a route this site does not serve (signed in)', () => signedIn({ path: '/elsewhere' }), 404, undefined],
  ['a route this site does not serve (signed out): sign in first', () => ({ path: '/elsewhere' }), 303, undefined],
])('%s', async (_name, options, status, routeRan) => {
  const response = await staffSite()(edgeEvent(options()));
  expect(response.statusCode).toBe(status);
  expect(ran).toEqual(routeRan ? [routeRan] : []);
  expect(response.headers).toMatchObject({ ...SECURITY_HEADERS, 'cache-control': 'no-store' });
});

test('the route reads the parsed form', async () => {
  const response = await staffSite()(edgeEvent(signedIn({ method: 'POST', path: '/staff/echo', headers: FORM, body: `_csrf=${session.csrfToken}&name=%E5%BC%A0` })));
  expect(JSON.parse(response.body!)).toEqual({ _csrf: session.csrfToken, name: '张' });
});

test('HSTS over https only, on errors too', async () => {
  const overHttps = await staffSite()(edgeEvent({ path: '/staff/sign-in', headers: { 'x-forwarded-proto': 'https' } }));
  const overHttp = await staffSite()(edgeEvent({ path: '/staff/sign-in', headers: { 'x-forwarded-proto': 'http' } }));
  const errorOverHttps = await staffSite()(edgeEvent({ method: 'POST', path: '/staff/echo', headers: FORM, body: 'a=%00' }));
  expect(overHttps.headers?.['strict-transport-security']).toBe('max-age=31536000');
  expect(overHttp.headers?.['strict-transport-security']).toBeUndefined();
  expect(errorOverHttps.headers?.['strict-transport-security']).toBe('max-age=31536000');
});

test('a service error from the route is its 4xx page with the Chinese field messages', async () => {
  const response = await staffSite()(edgeEvent(signedIn({ method: 'POST', path: '/staff/invalid', headers: FORM, body: `_csrf=${session.csrfToken}` })));
  expect(response.statusCode).toBe(422);
  expect(response.body).toContain('请填写姓名。');
  expect(logged).toEqual([]);
});

test('a fault in the route is a generic 500, logged, nothing leaked, headers still on', async () => {
  const response = await staffSite()(edgeEvent(signedIn({ path: '/staff/broken' })));
  expect(response.statusCode).toBe(500);
  expect(response.body).not.toContain('secret internal detail');
  expect(response.headers).toMatchObject(SECURITY_HEADERS);
  expect(logged).toHaveLength(1);
});

test('a JSON client gets its errors as JSON', async () => {
  const response = await staffSite()(edgeEvent({ path: '/staff', headers: { accept: 'application/json' } }));
  expect(response.statusCode).toBe(401);
  expect(JSON.parse(response.body!)).toEqual({ error: { status: 401, message: '请先登录。' } });
});

test('without session options every route is open', async () => {
  const site = createSiteApp({ routes: ROUTES });
  const response = await site(edgeEvent({ path: '/staff' }));
  expect(response.statusCode).toBe(200);
  expect(response.headers?.['cache-control']).toBeUndefined();
});
