import { createStaffSite } from '../../../functions/http/staff-site';
import type { HttpHandlerFn } from '../../../functions/http/edge/types';
import { putTestOrg, testOrg } from '../../support/registry-fixtures';
import { Browser, csrfFrom, signInWithForm } from './support/http-client';
import { addAccount, createTestDeps, type TestDeps } from './support/test-deps';

// 账号管理 over HTTP: creating an account, the reset mail's set-password link (GET shows and decides nothing, only the
// POST sets; a reused, expired or altered link gets a Chinese page, never a 5xx), and throttled sign-in's answer.

let deps: TestDeps;
let site: HttpHandlerFn;

beforeAll(async () => {
  deps = await createTestDeps();
  site = createStaffSite(deps);
  await putTestOrg(deps.store, testOrg({ id: 'c1', name: '机关党委', kind: 'committee' }));
  await putTestOrg(deps.store, testOrg({ id: 'b1', name: '办公室党支部', kind: 'branch', parentId: 'c1' }));
  await addAccount(deps.store, { username: 'admin', password: 'pw-admin-123', role: 'admin', orgId: 'c1', displayName: '管理员' });
});

const linkIn = (text: string) => /\/staff\/set-password\/[A-Za-z0-9_-]{43}/.exec(text)![0];
const NO_ENGLISH = /\b(undefined|null|branch-staff|committee-staff|Error)\b/;

describe('accounts pages', () => {
  let admin: Browser;
  beforeAll(async () => {
    admin = new Browser(site);
    await signInWithForm(admin, 'admin', 'pw-admin-123');
    const page = await admin.get('/staff/accounts');
    const created = await admin.post('/staff/accounts', {
      _csrf: csrfFrom(page.body), displayName: '周新', username: 'zhouxin', role: 'branch-staff', orgId: 'b1', email: 'zhouxin@example.org', temporaryPassword: 'Chushi2026x',
    });
    expect(created.statusCode).toBe(303);
  });

  test('bad input: the form again (422), Chinese messages, input kept, nothing created', async () => {
    const page = await admin.get('/staff/accounts');
    const result = await admin.post('/staff/accounts', { _csrf: csrfFrom(page.body), displayName: '李', username: 'X!', role: '', orgId: '', email: 'no', temporaryPassword: '1' });
    expect(result.statusCode).toBe(422);
    expect(result.body).toContain('用户名为 3 至 32 位');
    expect(result.body).toContain('请选择所在党组织');
    expect(result.body).toContain('value="X!"');
    expect(((await admin.get('/staff/accounts')).body ?? '').match(/<tr>/g)?.length).toBe(3); // header, admin, zhouxin
  });

  test('the new account: forced to 修改密码 (GET pages redirect there, other POSTs refused)', async () => {
    const person = new Browser(site);
    const form = await person.get('/staff/sign-in');
    const signedIn = await person.post('/staff/sign-in', { _csrf: csrfFrom(form.body), username: 'zhouxin', password: 'Chushi2026x' });
    expect(signedIn.headers?.location).toBe('/staff/password');
    const home = await person.get('/staff');
    expect(home.statusCode).toBe(303);
    expect(home.headers?.location).toBe('/staff/password');
    const password = await person.get('/staff/password');
    expect(password.body).toContain('请先设置您自己的密码');
    const other = await person.post('/staff/notices', { _csrf: csrfFrom(password.body) });
    expect(other.statusCode).toBe(403);
    expect(other.body).toContain('请先修改初始密码');
  });

  test('reset link: GET shows the form twice and changes nothing; POST sets; reused, altered and expired links get clear Chinese pages', async () => {
    const page = await admin.get('/staff/accounts');
    const reset = await admin.post('/staff/accounts/zhouxin/reset-password', { _csrf: csrfFrom(page.body) });
    expect(reset.headers?.location).toBe('/staff/accounts?done=reset');
    const link = linkIn(deps.mails.at(-1)!.text);
    const visitor = new Browser(site);
    for (let i = 0; i < 2; i++) {
      const shown = await visitor.get(link);
      expect(shown.statusCode).toBe(200);
      expect(shown.body).toContain('周新同志，请为您的工作人员账号设置新密码');
      expect(shown.headers?.['cache-control']).toBe('no-store');
      expect(shown.headers?.['referrer-policy']).toBe('no-referrer');
    }
    const mismatch = await visitor.post(link, { newPassword: 'Xinmima2026a', confirmPassword: 'Xinmima2026b' });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.body).toContain('两次输入的新密码不一致');
    const set = await visitor.post(link, { newPassword: 'Xinmima2026a', confirmPassword: 'Xinmima2026a' });
    expect(set.statusCode).toBe(200);
    expect(set.body).toContain('新密码已生效');

    const reused = await visitor.post(link, { newPassword: 'Another2026b', confirmPassword: 'Another2026b' });
    expect(reused.statusCode).toBe(410);
    expect(reused.body).toContain('此设置密码链接已使用过');
    const altered = await visitor.get(`${link.slice(0, -1)}${link.endsWith('A') ? 'B' : 'A'}`);
    expect(altered.statusCode).toBe(404);
    expect(altered.body).toContain('此链接无效');

    await admin.post('/staff/accounts/zhouxin/reset-password', { _csrf: csrfFrom(page.body) });
    const next = linkIn(deps.mails.at(-1)!.text);
    (deps.clock as unknown as { advance(ms: number): void }).advance(24 * 3_600_000);
    const expired = await visitor.get(next);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('此设置密码链接已过期');
    for (const body of [reused.body, altered.body, expired.body]) expect(body).not.toMatch(NO_ENGLISH);
  });

  test('a throttled sign-in answers 429 with a Chinese message, the same for an unknown username', async () => {
    const answers: string[] = [];
    for (const username of ['admin', 'nobody-here']) {
      const browser = new Browser(site);
      let last = { statusCode: 0, body: '' };
      for (let i = 0; i < 6; i++) {
        const form = await browser.get('/staff/sign-in');
        last = (await browser.post('/staff/sign-in', { _csrf: csrfFrom(form.body), username, password: 'wrong-password' })) as typeof last;
      }
      expect(last.statusCode).toBe(429);
      answers.push(/role="alert"[^>]*>\s*<p>([^<]*)</.exec(last.body)?.[1] ?? last.body);
    }
    expect(answers[0]).toContain('登录失败次数较多');
    expect(answers[1]).toBe(answers[0]);
  });
});
