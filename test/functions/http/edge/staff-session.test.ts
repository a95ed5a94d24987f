import { AuthCsrfError, SESSION_COOKIE, staffSession, submittedCsrfToken } from '../../../../functions/http/edge/staff-session';
import { siteOf, type SiteEvent } from '../../../../functions/http/edge/types';
import { ManualClock } from '../../../../infra/local/manual-clock';
import { PasswordChangeRequiredError } from '../../../../shared/services/accounts/errors';
import { SESSION_TTL_MS, startSession, type NewSession } from '../../../../shared/services/auth';
import { AuthRequiredError } from '../../../../shared/errors';
import type { Store } from '../../../../shared/store/store';
import { createTestStore } from '../../../support/store';
import { edgeEvent, runBefore } from './support/event';

// The staff session middleware (over DynamoDB Local): outside the open routes a request needs a live session
// from the cookie (401; the error mapper turns a page GET into the sign-in redirect), a session that must change its
// password may only use the password routes, and every POST must carry the session's CSRF token (403).

const OPEN = new Set(['GET /staff/sign-in', 'POST /staff/sign-in']);
const PASSWORD = new Set(['GET /staff/password', 'POST /staff/password', 'POST /staff/sign-out']);
const IDENTITY = { id: 'acc-li', displayName: '李书记', role: 'branch-staff' as const, orgId: 'org-a' };

let store: Store;
let clock: ManualClock;
let session: NewSession;
let mustChange: NewSession;

beforeAll(async () => {
  store = await createTestStore();
  clock = new ManualClock('2026-03-02T01:00:00.000Z');
  session = await startSession(store, clock, IDENTITY);
  mustChange = await startSession(store, clock, IDENTITY, { mustChangePassword: true });
});

interface Request {
  method: 'GET' | 'POST';
  path: string;
  cookie?: string;
  csrfField?: string;
  csrfHeader?: string;
}

function staffEvent(request: Request): SiteEvent {
  const event = edgeEvent({ method: request.method, path: request.path, headers: request.csrfHeader === undefined ? {} : { 'x-csrf-token': request.csrfHeader } });
  const site = siteOf(event);
  if (request.cookie !== undefined) site.cookies = { [SESSION_COOKIE]: request.cookie };
  if (request.csrfField !== undefined) site.form = { _csrf: request.csrfField };
  return event;
}

/** 'ok', or the name of the error the middleware threw. */
async function outcome(request: Request, at: ManualClock = clock): Promise<string> {
  try {
    await runBefore(staffSession({ store, clock: at, openRouteKeys: OPEN, passwordChangeRouteKeys: PASSWORD }), staffEvent(request));
    return 'ok';
  } catch (error) {
    if (error instanceof AuthRequiredError || error instanceof AuthCsrfError || error instanceof PasswordChangeRequiredError) return `${error.httpStatus} ${error.name}`;
    throw error;
  }
}

describe('a live session is needed outside the open routes', () => {
  test.each<[string, () => Request, string]>([
    ['a page GET with the session', () => ({ method: 'GET', path: '/staff', cookie: session.sessionId }), 'ok'],
    ['a page GET without a cookie', () => ({ method: 'GET', path: '/staff' }), '401 AuthRequiredError'],
    ['a cookie that is no session', () => ({ method: 'GET', path: '/staff', cookie: 'A'.repeat(43) }), '401 AuthRequiredError'],
    ['a malformed cookie', () => ({ method: 'GET', path: '/staff', cookie: `${session.sessionId}x` }), '401 AuthRequiredError'],
    ['the open sign-in page without a cookie', () => ({ method: 'GET', path: '/staff/sign-in' }), 'ok'],
    ['the open sign-in POST without a cookie or token', () => ({ method: 'POST', path: '/staff/sign-in' }), 'ok'],
  ])('%s', async (_name, request, expected) => {
    expect(await outcome(request())).toBe(expected);
  });

  test('the session is on the site context for the handler and the layout', async () => {
    const event = await runBefore(staffSession({ store, clock }), staffEvent({ method: 'GET', path: '/staff', cookie: session.sessionId }));
    expect(siteOf(event).session).toMatchObject({ actor: { id: 'acc-li', displayName: '李书记', orgId: 'org-a' }, csrfToken: session.csrfToken });
  });

  test.each([
    ['one millisecond before it ends', SESSION_TTL_MS - 1, 'ok'],
    ['when it ends', SESSION_TTL_MS, '401 AuthRequiredError'],
  ])('a session %s: %s', async (_name, afterMs, expected) => {
    const later = new ManualClock(new Date(Date.parse('2026-03-02T01:00:00.000Z') + afterMs));
    expect(await outcome({ method: 'GET', path: '/staff', cookie: session.sessionId }, later)).toBe(expected);
  });
});

describe('every POST carries the session\'s CSRF token', () => {
  test.each<[string, () => Request, string]>([
    ['the token as the _csrf field', () => ({ method: 'POST', path: '/staff/notices', cookie: session.sessionId, csrfField: session.csrfToken }), 'ok'],
    ['the token as the x-csrf-token header', () => ({ method: 'POST', path: '/staff/notices', cookie: session.sessionId, csrfHeader: session.csrfToken }), 'ok'],
    ['no token', () => ({ method: 'POST', path: '/staff/notices', cookie: session.sessionId }), '403 AuthCsrfError'],
    ['an empty token', () => ({ method: 'POST', path: '/staff/notices', cookie: session.sessionId, csrfField: '' }), '403 AuthCsrfError'],
    ['another session\'s token', () => ({ method: 'POST', path: '/staff/notices', cookie: session.sessionId, csrfField: mustChange.csrfToken }), '403 AuthCsrfError'],
    ['the token with one character more', () => ({ method: 'POST', path: '/staff/notices', cookie: session.sessionId, csrfField: `${session.csrfToken}A` }), '403 AuthCsrfError'],
    ['the token with one character less', () => ({ method: 'POST', path: '/staff/notices', cookie: session.sessionId, csrfField: session.csrfToken.slice(0, -1) }), '403 AuthCsrfError'],
    ['the session id instead of the token', () => ({ method: 'POST', path: '/staff/notices', cookie: session.sessionId, csrfField: session.sessionId }), '403 AuthCsrfError'],
    ['no session at all (401 before the token)', () => ({ method: 'POST', path: '/staff/notices', csrfField: session.csrfToken }), '401 AuthRequiredError'],
    ['a GET needs no token', () => ({ method: 'GET', path: '/staff/notices', cookie: session.sessionId }), 'ok'],
  ])('%s', async (_name, request, expected) => {
    expect(await outcome(request())).toBe(expected);
  });

  test('the _csrf field is preferred; the header is for JSON clients', () => {
    expect(submittedCsrfToken(staffEvent({ method: 'POST', path: '/x', csrfField: 'field', csrfHeader: 'header' }))).toBe('field');
    expect(submittedCsrfToken(staffEvent({ method: 'POST', path: '/x', csrfHeader: 'header' }))).toBe('header');
    expect(submittedCsrfToken(staffEvent({ method: 'POST', path: '/x' }))).toBeUndefined();
  });
});

describe('a session that must change its password', () => {
  test.each<[string, () => Request, string]>([
    ['the password page', () => ({ method: 'GET', path: '/staff/password', cookie: mustChange.sessionId }), 'ok'],
    ['changing the password (with the token)', () => ({ method: 'POST', path: '/staff/password', cookie: mustChange.sessionId, csrfField: mustChange.csrfToken }), 'ok'],
    ['changing the password without the token', () => ({ method: 'POST', path: '/staff/password', cookie: mustChange.sessionId }), '403 AuthCsrfError'],
    ['signing out', () => ({ method: 'POST', path: '/staff/sign-out', cookie: mustChange.sessionId, csrfField: mustChange.csrfToken }), 'ok'],
    ['any other page', () => ({ method: 'GET', path: '/staff', cookie: mustChange.sessionId }), '403 PasswordChangeRequiredError'],
    ['any other POST, even with the token', () => ({ method: 'POST', path: '/staff/notices', cookie: mustChange.sessionId, csrfField: mustChange.csrfToken }), '403 PasswordChangeRequiredError'],
  ])('%s', async (_name, request, expected) => {
    expect(await outcome(request())).toBe(expected);
  });
});
