import { createStaffSite } from '../../../functions/http/staff-site';
import { createDevPages } from '../../../infra/local/dev-pages';
import { Outbox } from '../../../infra/local/outbox';
import { VirtualClock } from '../../../infra/local/clock';
import { startHttpServer, type RunningHttpServer } from '../../../infra/local/server';
import { addAccount, createTestDeps } from '../../functions/http/support/test-deps';
import { Browser, signInWithForm } from '../../functions/http/support/http-client';
import { linkify } from '../../../infra/local/dev-pages-view';

describe('outbox and dev pages', () => {
  let server: RunningHttpServer | undefined;
  afterAll(() => server?.close());

  test('the outbox keeps mails in the table and lists them newest first', async () => {
    const deps = await createTestDeps();
    const outbox = new Outbox(deps.store, deps.clock);
    await outbox.send({ to: ['a@example.org'], subject: '第一封', text: 'x' });
    deps.clock.advance(1000);
    await outbox.send({ to: ['b@example.org'], subject: '第二封', text: '请办理：http://localhost:3000/staff/tasks/t1。' });
    expect((await outbox.list(10)).map((m) => m.subject)).toEqual(['第二封', '第一封']);
    expect((await outbox.list(1)).map((m) => m.subject)).toEqual(['第二封']);
  });

  test('links in mails become clickable; other text stays escaped', () => {
    expect(linkify('见 http://x.test/a?b=1&c=<2>。<script>').value).toBe('见 <a href="http://x.test/a?b=1&amp;c=">http://x.test/a?b=1&amp;c=</a>&lt;2&gt;。&lt;script&gt;');
  });

  test('/dev pages need an administrator\'s session; the clock page jumps and sets the rate (CSRF checked)', async () => {
    const deps = await createTestDeps();
    await addAccount(deps.store, { username: 'li', password: 'pw-li-123', orgId: 'org-a', role: 'admin' });
    await addAccount(deps.store, { username: 'zhao', password: 'pw-zhao-123', orgId: 'org-a', role: 'committee-staff' });
    const clock = new VirtualClock({ start: new Date('2026-03-02T00:00:00Z'), rate: 0 });
    const outbox = new Outbox(deps.store, clock);
    await outbox.send({ to: ['li@example.org'], subject: '【待办】测试', text: 'http://localhost/staff' });
    const site = createStaffSite(deps);
    const dev = createDevPages({ store: deps.store, clock, outbox, sessionClock: deps.clock });
    server = await startHttpServer({ port: 0, handlers: { 'http-public': site, 'http-staff': site }, extraRoutes: dev });

    const anonymous = await fetch(`${server.url}/dev/outbox`, { redirect: 'manual' });
    expect(anonymous.status).toBe(303);

    const handler = dev[0].handler;
    const committeeBrowser = new Browser(site);
    const committeeCsrf = await signInWithForm(committeeBrowser, 'zhao', 'pw-zhao-123');
    const committee = new Browser(handler);
    committee.jar.set('dj_session', committeeBrowser.jar.get('dj_session')!);
    // Staff who are not administrators: the outbox holds every approval link, the clock moves every deadline.
    expect((await committee.request('GET', '/dev/outbox')).statusCode).toBe(403);
    expect((await committee.request('GET', '/dev/clock')).statusCode).toBe(403);
    expect((await committee.post('/dev/clock', { _csrf: committeeCsrf, action: 'advance', amount: '2', unit: 'days' })).statusCode).toBe(403);
    expect(clock.now().toISOString()).toBe('2026-03-02T00:00:00.000Z');

    const browser = new Browser(site);
    const csrf = await signInWithForm(browser, 'li', 'pw-li-123');
    const viaDev = new Browser(async (event) => (event.routeKey.startsWith('GET /dev') || event.routeKey.startsWith('POST /dev') ? handler(event) : site(event)));
    viaDev.jar.set('dj_session', browser.jar.get('dj_session')!);
    const outboxPage = await viaDev.request('GET', '/dev/outbox');
    expect(outboxPage.statusCode).toBe(200);
    expect(outboxPage.body).toContain('<a href="http://localhost/staff">');

    const refused = await viaDev.post('/dev/clock', { action: 'advance', amount: '2', unit: 'days' });
    expect(refused.statusCode).toBe(403);
    expect(clock.now().toISOString()).toBe('2026-03-02T00:00:00.000Z');

    expect((await viaDev.post('/dev/clock', { _csrf: csrf, action: 'advance', amount: '2', unit: 'days' })).statusCode).toBe(303);
    expect(clock.now().toISOString()).toBe('2026-03-04T00:00:00.000Z');
    expect((await viaDev.post('/dev/clock', { _csrf: csrf, action: 'jump', at: '2026-03-10T09:30' })).statusCode).toBe(303);
    expect(clock.now().toISOString()).toBe('2026-03-10T01:30:00.000Z');
    const back = await viaDev.post('/dev/clock', { _csrf: csrf, action: 'jump', at: '2026-03-01T09:30' });
    expect(back.statusCode).toBe(422);
    expect(back.body).toContain('时钟只能向前');
    expect((await viaDev.post('/dev/clock', { _csrf: csrf, action: 'rate', rate: '60' })).statusCode).toBe(303);
    expect(clock.state().rate).toBe(60);
    clock.setRate(0);
    expect((await viaDev.get('/dev/clock')).body).toContain('已暂停');
  });
});
