import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createStaffSite } from '../../../functions/http/staff-site';
import type { HttpHandlerFn } from '../../../functions/http/edge/types';
import { putTestOrg, testOrg } from '../../support/registry-fixtures';
import { Browser, signInWithForm } from './support/http-client';
import { addAccount, createTestDeps, type TestDeps } from './support/test-deps';

/** 换届提醒设置 over DynamoDB Local. The clock is on 2026-03-02: c1's term ends 2028-04-09, b1's 2026-04-30. */
let deps: TestDeps;
let site: HttpHandlerFn;
const PATH = '/staff/elections/settings';

beforeAll(async () => {
  deps = await createTestDeps();
  site = createStaffSite(deps);
  await putTestOrg(deps.store, testOrg({ id: 'c1', kind: 'committee', name: '数据局机关党委', termStart: '2023-04-10', termEnd: '2028-04-09' }));
  await putTestOrg(deps.store, testOrg({ id: 'b1', kind: 'branch', parentId: 'c1', name: '办公室党支部', termStart: '2023-05-01', termEnd: '2026-04-30' }));
  await addAccount(deps.store, { username: 'admin', password: 'pw-admin-123', role: 'admin', orgId: 'c1', displayName: '管理员' });
  await addAccount(deps.store, { username: 'admin2', password: 'pw-admin2-123', role: 'admin', orgId: 'c1', displayName: '另一位管理员' });
  await addAccount(deps.store, { username: 'wang', password: 'pw-wang-123', role: 'committee-staff', orgId: 'c1', displayName: '王组织员' });
  await addAccount(deps.store, { username: 'zhao', password: 'pw-zhao-123', orgId: 'b1', displayName: '赵书记' });
});

async function signedIn(username: string, password: string): Promise<{ browser: Browser; csrf: string }> {
  const browser = new Browser(site);
  return { browser, csrf: await signInWithForm(browser, username, password) };
}

async function table(): Promise<string[]> {
  const { Items } = await deps.store.doc.send(new ScanCommand({ TableName: deps.store.tableName }));
  return (Items ?? []).filter((item) => !String(item.pk).startsWith('SESSION#')).map((item) => JSON.stringify(item, Object.keys(item).sort())).sort();
}

test('branch and committee staff: no link, and the page and the form are refused (403)', async () => {
  for (const [user, password] of [['zhao', 'pw-zhao-123'], ['wang', 'pw-wang-123']]) {
    const { browser, csrf } = await signedIn(user, password);
    expect((await browser.get('/staff/elections')).body).not.toContain(`href="${PATH}"`);
    expect((await browser.get(PATH)).statusCode).toBe(403);
    const before = await table();
    expect((await browser.post(PATH, { _csrf: csrf, noticeMonths: '3', requestMonths: '1', version: '0' })).statusCode).toBe(403);
    expect(await table()).toEqual(before);
  }
});

test('the administrator: the link, the defaults, 422 for bad input, a save that the overview follows, 409 when stale', async () => {
  const { browser, csrf } = await signedIn('admin', 'pw-admin-123');
  const overview = (await browser.get('/staff/elections')).body ?? '';
  expect(overview).toContain(`<a href="${PATH}">换届提醒设置</a>`);
  expect(overview).toContain('任期届满前 6 个月、2 个月发送换届提醒；届满前 1 个月为换届请示报送截止日。');
  expect(overview).toContain('2027-10-09 换届提醒（届满前 6 个月）');

  const page = await browser.get(PATH);
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('<h1>换届提醒设置</h1>');
  expect(page.body).toContain('尚未修改，使用系统默认设置。');
  expect(page.body).toContain('name="noticeMonths" value="6，2"');
  expect(page.body).toContain('name="version" value="0"');

  const before = await table();
  const bad = await browser.post(PATH, { _csrf: csrf, noticeMonths: '6，6，abc', requestMonths: '0', version: '0' });
  expect(bad.statusCode).toBe(422);
  expect(bad.body).toContain('“abc”不是月数');
  expect(bad.body).toContain('换届请示截止应为任期届满前 1 至 12 个月的整数（按规定至少提前 1 个月报送），“0”不符合。');
  const duplicate = await browser.post(PATH, { _csrf: csrf, noticeMonths: '6、6', requestMonths: '13', version: '0' });
  expect(duplicate.statusCode).toBe(422);
  expect(duplicate.body).toContain('提醒月数不能重复：6 填写了不止一次。');
  expect(duplicate.body).toContain('“13”不符合');
  expect(duplicate.body).toContain('value="6、6"'); // what was typed is kept
  expect(await table()).toEqual(before);

  const saved = await browser.post(PATH, { _csrf: csrf, noticeMonths: '3', requestMonths: '1', version: '0' });
  expect(saved.statusCode).toBe(303);
  expect(saved.headers?.location).toBe(`${PATH}?saved=1`);
  const after = (await browser.get(`${PATH}?saved=1`)).body ?? '';
  expect(after).toContain('换届提醒设置已保存（第 1 版）。');
  expect(after).toContain('第 1 版，管理员于');
  expect(after).toContain('name="version" value="1"');
  expect(after).toMatch(/<td>第 1 版<\/td><td>管理员<\/td><td>[^<]+<\/td><td>任期届满前 6 个月、2 个月发送换届提醒；[^<]*<\/td><td>任期届满前 3 个月发送换届提醒；/);
  const followed = (await browser.get('/staff/elections')).body ?? '';
  expect(followed).toContain('任期届满前 3 个月发送换届提醒；届满前 1 个月为换届请示报送截止日。');
  expect(followed).toContain('2028-01-09 换届提醒（届满前 3 个月）');
  expect(followed).not.toContain('届满前 6 个月）');

  // Another administrator, still on the form of version 0, saves: refused, the newer setting shown, nothing written.
  const other = await signedIn('admin2', 'pw-admin2-123');
  const unchanged = await table();
  const stale = await other.browser.post(PATH, { _csrf: other.csrf, noticeMonths: '9', requestMonths: '2', version: '0' });
  expect(stale.statusCode).toBe(409);
  expect(stale.body).toContain('换届提醒设置已被他人修改（当前为第 1 版），您看到的是旧版本，本次未保存。');
  expect(stale.body).toContain('任期届满前 3 个月发送换届提醒');
  expect(stale.body).toContain('name="noticeMonths" value="9"');
  expect(stale.body).toContain('name="version" value="1"');
  expect(await table()).toEqual(unchanged);
});
