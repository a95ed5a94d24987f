import { createStaffSite } from '../../../functions/http/staff-site';
import type { HttpHandlerFn } from '../../../functions/http/edge/types';
import { SESSION_TTL_MS } from '../../../shared/services/auth';
import { listHolidayYears } from '../../../shared/store/calendar-repo';
import { putTestOrg, testOrg } from '../../support/registry-fixtures';
import { Browser, csrfFrom, makeEvent, signInWithForm } from './support/http-client';
import { addAccount, createTestDeps, type TestDeps } from './support/test-deps';

let deps: TestDeps;
let site: HttpHandlerFn;

beforeAll(async () => {
  deps = await createTestDeps();
  site = createStaffSite(deps);
  await putTestOrg(deps.store, testOrg({ id: 'org-a', name: '示例党支部', kind: 'branch' }));
  await addAccount(deps.store, { username: 'li', password: 'pw-li-123', orgId: 'org-a', displayName: '李书记' });
  await addAccount(deps.store, { username: 'admin', password: 'pw-admin-123', role: 'admin', orgId: 'org-a', displayName: '管理员' });
});

const CALENDAR_2030 = { year: '2030', daysOff: '2030-01-01\n2030-02-02 至 2030-02-08', workingWeekendDays: '', source: '测试' };

describe('sign-in', () => {
  test('success: a session cookie (HttpOnly, SameSite=Lax, 8 h), then the 待办 page', async () => {
    const browser = new Browser(site);
    const form = await browser.get('/staff/sign-in');
    expect(form.statusCode).toBe(200);
    const result = await browser.post('/staff/sign-in', { _csrf: csrfFrom(form.body), username: 'li', password: 'pw-li-123' });
    expect(result.statusCode).toBe(303);
    expect(result.headers?.location).toBe('/staff');
    const cookie = result.cookies?.find((c) => c.startsWith('dj_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toContain(`Max-Age=${SESSION_TTL_MS / 1000}`);
    expect(cookie).not.toMatch(/Secure/);
    const home = await browser.get('/staff');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('待办事项');
    expect(home.body).toContain('李书记');
  });

  test('over https the cookies are Secure', async () => {
    const browser = new Browser(site);
    const form = await browser.get('/staff/sign-in', { https: true });
    const result = await browser.post('/staff/sign-in', { _csrf: csrfFrom(form.body), username: 'li', password: 'pw-li-123' }, { https: true });
    expect(result.cookies?.find((c) => c.startsWith('dj_session='))).toMatch(/; Secure/);
    expect(result.headers?.['strict-transport-security']).toBeDefined();
  });

  test('failure: wrong password and unknown user get the same status and message', async () => {
    const attempt = async (username: string, password: string) => {
      const browser = new Browser(site);
      const form = await browser.get('/staff/sign-in');
      const result = await browser.post('/staff/sign-in', { _csrf: csrfFrom(form.body), username, password });
      expect(browser.jar.has('dj_session')).toBe(false);
      return { status: result.statusCode, body: (result.body ?? '').replace(`value="${username}"`, 'value="USER"').replace(/value="[A-Za-z0-9_-]{43}"/, '') };
    };
    const wrongPassword = await attempt('li', 'nope');
    const unknownUser = await attempt('nobody', 'pw-li-123');
    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.body).toContain('用户名或密码错误');
    expect(unknownUser).toEqual(wrongPassword);
  });

  test('the user name is kept, the password never echoed', async () => {
    const browser = new Browser(site);
    const form = await browser.get('/staff/sign-in');
    const result = await browser.post('/staff/sign-in', { _csrf: csrfFrom(form.body), username: 'li', password: 'secret-typed' });
    expect(result.body).toContain('value="li"');
    expect(result.body).not.toContain('secret-typed');
  });

  test('a sign-in POST without the form token cookie is refused (403)', async () => {
    const result = await new Browser(site).post('/staff/sign-in', { _csrf: 'forged', username: 'li', password: 'pw-li-123' });
    expect(result.statusCode).toBe(403);
    expect(result.cookies ?? []).toEqual([]);
  });

  test('the JSON sign-in needs the same token: without it 403 and no session; with the token of GET (JSON) it signs in', async () => {
    const json = { json: true, headers: { accept: 'application/json' } };
    const credentials = { username: 'li', password: 'pw-li-123' };
    for (const forged of [{}, { _csrf: 'forged' }] as Record<string, string>[]) {
      const refused = await new Browser(site).post('/staff/sign-in', { ...credentials, ...forged }, json);
      expect(refused.statusCode).toBe(403);
      expect(JSON.parse(refused.body ?? '{}').error.status).toBe(403);
      expect((refused.cookies ?? []).some((c) => c.startsWith('dj_session='))).toBe(false);
    }
    const browser = new Browser(site);
    const { csrfToken } = JSON.parse((await browser.get('/staff/sign-in', json)).body ?? '{}') as { csrfToken: string };
    expect(csrfToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const byHeader = await browser.post('/staff/sign-in', credentials, { ...json, headers: { ...json.headers, 'x-csrf-token': csrfToken } });
    expect(byHeader.statusCode).toBe(200);
    expect(JSON.parse(byHeader.body ?? '{}')).toMatchObject({ displayName: '李书记' });
    expect((byHeader.cookies ?? []).some((c) => c.startsWith('dj_session='))).toBe(true);
  });

  test('next leads back to the page asked for; never to another site', async () => {
    for (const [next, expected] of [['/staff/notices', '/staff/notices'], ['//evil.example', '/staff'], ['https://evil.example', '/staff']]) {
      const browser = new Browser(site);
      const form = await browser.get(`/staff/sign-in?next=${encodeURIComponent(next)}`);
      const result = await browser.post('/staff/sign-in', { _csrf: csrfFrom(form.body), username: 'li', password: 'pw-li-123', next });
      expect(result.headers?.location).toBe(expected);
    }
  });
});

describe('sessions on staff pages', () => {
  test('a staff page without a session redirects to sign-in with next', async () => {
    const result = await site(makeEvent('GET', '/staff/notices'));
    expect(result.statusCode).toBe(303);
    expect(result.headers?.location).toBe('/staff/sign-in?next=%2Fstaff%2Fnotices');
  });

  test('a POST without a session is 401 (page), or JSON for a JSON client', async () => {
    const page = await site(makeEvent('POST', '/staff/calendar', { body: CALENDAR_2030 }));
    expect(page.statusCode).toBe(401);
    expect(page.body).toContain('请先登录');
    const json = await site(makeEvent('POST', '/staff/calendar', { body: CALENDAR_2030, json: true }));
    expect(json.statusCode).toBe(401);
    expect(JSON.parse(json.body ?? '{}')).toEqual({ error: { status: 401, message: '请先登录。' } });
  });

  test('a session expires after 8 hours', async () => {
    const browser = new Browser(site);
    await signInWithForm(browser, 'li', 'pw-li-123');
    deps.clock.advance(SESSION_TTL_MS - 1000);
    expect((await browser.get('/staff')).statusCode).toBe(200);
    deps.clock.advance(1000);
    const expired = await browser.get('/staff');
    expect(expired.statusCode).toBe(303);
    expect(expired.headers?.location).toContain('/staff/sign-in');
  });

  test('sign-out ends the session: the old cookie no longer works', async () => {
    const browser = new Browser(site);
    const csrf = await signInWithForm(browser, 'li', 'pw-li-123');
    const oldCookie = browser.jar.get('dj_session');
    const result = await browser.post('/staff/sign-out', { _csrf: csrf });
    expect(result.statusCode).toBe(303);
    expect(result.cookies?.find((c) => c.startsWith('dj_session='))).toContain('Max-Age=0');
    const replay = await site(makeEvent('GET', '/staff', {}, [`dj_session=${oldCookie}`]));
    expect(replay.statusCode).toBe(303);
  });

  test('a sign-out without the CSRF token is refused and the session stays', async () => {
    const browser = new Browser(site);
    await signInWithForm(browser, 'li', 'pw-li-123');
    expect((await browser.post('/staff/sign-out', { _csrf: 'wrong' })).statusCode).toBe(403);
    expect((await browser.get('/staff')).statusCode).toBe(200);
  });
});

describe('CSRF and roles', () => {
  test('a POST with a missing or wrong CSRF token is refused with 403 and writes nothing', async () => {
    const browser = new Browser(site);
    const csrf = await signInWithForm(browser, 'admin', 'pw-admin-123');
    for (const token of [undefined, 'wrong', `${csrf}x`]) {
      const result = await browser.post('/staff/calendar', { ...CALENDAR_2030, ...(token ? { _csrf: token } : {}) });
      expect(result.statusCode).toBe(403);
      expect(result.body).toContain('页面已过期');
    }
    expect(await listHolidayYears(deps.store)).toEqual([]);
    const accepted = await browser.post('/staff/calendar', { ...CALENDAR_2030, _csrf: csrf });
    expect(accepted.statusCode).toBe(303);
    expect((await listHolidayYears(deps.store)).map((y) => y.year)).toEqual([2030]);
  });

  test('the calendar form: unreadable input comes back with field messages and the input kept', async () => {
    const browser = new Browser(site);
    const csrf = await signInWithForm(browser, 'admin', 'pw-admin-123');
    const result = await browser.post('/staff/calendar', { _csrf: csrf, year: '2031', daysOff: '2031-13-01', workingWeekendDays: '2031-01-06' });
    expect(result.statusCode).toBe(422);
    expect(result.body).toContain('“2031-13-01”不是有效日期');
    expect(result.body).toContain('2031-13-01</textarea>');
  });

  test('the calendar page is for administrators only (403 for branch staff)', async () => {
    const browser = new Browser(site);
    await signInWithForm(browser, 'li', 'pw-li-123');
    const result = await browser.get('/staff/calendar');
    expect(result.statusCode).toBe(403);
    expect(result.body).toContain('您没有权限办理此事项');
  });

  test('security headers and no-store on staff answers, errors included', async () => {
    for (const result of [await site(makeEvent('GET', '/staff/sign-in')), await site(makeEvent('GET', '/staff'))]) {
      expect(result.headers?.['content-security-policy']).toContain("default-src 'self'");
      expect(result.headers?.['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(result.headers?.['x-content-type-options']).toBe('nosniff');
      expect(result.headers?.['referrer-policy']).toBe('no-referrer');
      expect(result.headers?.['cache-control']).toBe('no-store');
    }
  });
});
