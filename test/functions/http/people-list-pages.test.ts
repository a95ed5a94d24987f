import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createStaffSite } from '../../../functions/http/staff-site';
import type { HttpHandlerFn } from '../../../functions/http/edge/types';
import { putTestOrg, putTestPerson, testOrg, testPerson } from '../../support/registry-fixtures';
import { visibleProblems, visibleText } from '../../support/visible-text';
import { Browser, signInWithForm } from './support/http-client';
import { addAccount, createTestDeps, type TestDeps } from './support/test-deps';

let deps: TestDeps;
let site: HttpHandlerFn;
const X_NUMBER = '11010519950312005X';

beforeAll(async () => {
  deps = await createTestDeps();
  site = createStaffSite(deps);
  const { store } = deps;
  await putTestOrg(store, testOrg({ id: 'wc', kind: 'working-committee', name: '市直机关工委' }));
  await putTestOrg(store, testOrg({ id: 'c1', kind: 'committee', parentId: 'wc', name: '数据局机关党委' }));
  await putTestOrg(store, testOrg({ id: 'b1', kind: 'branch', parentId: 'c1', name: '办公室党支部' }));
  await putTestOrg(store, testOrg({ id: 'b2', kind: 'branch', parentId: 'c1', name: '业务一处党支部' }));
  await putTestPerson(store, testPerson({ orgId: 'b1', name: '何芳', gender: '男', birthDate: '1995-03-12', idNumber: X_NUMBER }));
  for (let k = 0; k < 55; k++) await putTestPerson(store, testPerson({ orgId: 'b2', name: `胡${'一二三四五六七八九十'[k % 10]}${'甲乙丙丁戊己'[Math.floor(k / 10)]}` }));
  await putTestPerson(store, testPerson({ orgId: 'b2', name: '离开者', status: 'transferred-out', statusHistory: [{ value: 'full', from: '2015-07-01' }, { value: 'transferred-out', from: '2026-01-15' }] }));
  await addAccount(store, { username: 'wang', password: 'pw-wang-123', role: 'committee-staff', orgId: 'c1', displayName: '王组织员' });
  await addAccount(store, { username: 'li', password: 'pw-li-123', orgId: 'b1', displayName: '李书记' });
});

async function signedIn(username: string, password: string): Promise<{ browser: Browser; csrf: string }> {
  const browser = new Browser(site);
  return { browser, csrf: await signInWithForm(browser, username, password) };
}

const hrefs = (page: string, label: string) => [...page.matchAll(new RegExp(`<a[^>]*href="([^"]+)"[^>]*>${label}</a>`, 'g'))].map((m) => m[1].replace(/&amp;/g, '&'));
const names = (page: string) => [...page.matchAll(/<td><a href="\/staff\/people\/[^"]+">([^<]+)<\/a><\/td>/g)].map((m) => m[1]);

describe('党员名册 a page at a time', () => {
  test('grouped under each organization, 50 a page; 下一页 and 回到第一页 work; Chinese only, ID numbers masked', async () => {
    const { browser } = await signedIn('wang', 'pw-wang-123');
    const first = (await browser.get('/staff/orgs/c1/people')).body ?? '';
    expect(visibleProblems(first)).toEqual([]);
    expect(visibleText(first)).toContain('按组织排列（本组织及下级共 3 个组织），每页最多 50 人。本页为第 1–50 人。');
    expect(first).toMatch(/<th colspan="7" scope="rowgroup"><a href="\/staff\/orgs\/b1">办公室党支部<\/a>（本页 1 人）<\/th>/);
    expect(first).toContain('>业务一处党支部</a>（本页 49 人）');
    expect(first).toContain('110***********005X');
    expect(first).not.toContain(X_NUMBER);
    expect(names(first)).toHaveLength(50);
    expect(hrefs(first, '回到第一页')).toEqual([]);
    const [next] = hrefs(first, '下一页');
    expect(next).toMatch(/^\/staff\/orgs\/c1\/people\?cursor=[A-Za-z0-9_-]+&from=51$/);

    const second = (await browser.get(next)).body ?? '';
    expect(visibleProblems(second)).toEqual([]);
    expect(visibleText(second)).toContain('本页为第 51–56 人。');
    expect(visibleText(second)).toContain('已是最后一页。');
    expect(names(second)).toHaveLength(6);
    expect(new Set([...names(first), ...names(second)]).size).toBe(56);
    expect(names(second)).not.toContain('离开者');
    expect(hrefs(second, '回到第一页')).toEqual(['/staff/orgs/c1/people']);
    expect(hrefs(second, '下一页')).toEqual([]);
  });

  test('a branch\'s whole roster on one page keeps its counts; those who left are listed on their own', async () => {
    const { browser } = await signedIn('li', 'pw-li-123');
    const page = (await browser.get('/staff/orgs/b1/people')).body ?? '';
    expect(visibleText(page)).toContain('共 1 人，其中有表决权的正式党员 1 人。');
    expect(hrefs(page, '下一页')).toEqual([]);
    const admin = await signedIn('wang', 'pw-wang-123');
    const roster = (await admin.browser.get('/staff/orgs/c1/people')).body ?? '';
    const [leftLink] = hrefs(roster, '已转出本系统的人员（不计入名册）');
    expect(leftLink).toBe('/staff/orgs/c1/people?list=left');
    const left = (await admin.browser.get(leftLink)).body ?? '';
    expect(visibleProblems(left)).toEqual([]);
    expect(names(left)).toEqual(['离开者']);
    expect(visibleText(left)).toContain('2026年1月15日');
  });

  test('JSON: the page\'s people and `next`, the next page\'s address', async () => {
    const { browser } = await signedIn('wang', 'pw-wang-123');
    const json = { headers: { accept: 'application/json' } };
    const first = JSON.parse((await browser.get('/staff/orgs/c1/people', json)).body ?? '{}');
    expect(first.people).toHaveLength(50);
    expect(first.next).toMatch(/^\/staff\/orgs\/c1\/people\?cursor=/);
    const second = JSON.parse((await browser.get(first.next, json)).body ?? '{}');
    expect(second.people).toHaveLength(6);
    expect(second.next).toBeUndefined();
    expect(JSON.stringify([first, second])).not.toContain(X_NUMBER);
  });
});

describe('人员查找', () => {
  test('the box on the roster posts; a name is found, an ID number with a lower-case x and spaces too; out of scope not found', async () => {
    const { browser, csrf } = await signedIn('li', 'pw-li-123');
    const roster = (await browser.get('/staff/orgs/b1/people')).body ?? '';
    expect(roster).toContain('<form class="search" method="post" action="/staff/people/search" role="search">');
    expect(roster).toContain('<a href="/staff/people/search">人员查找</a>'); // in the staff navigation

    const byName = await browser.post('/staff/people/search', { _csrf: csrf, orgId: 'b1', q: '何 芳' });
    expect(byName.statusCode).toBe(200);
    expect(visibleProblems(byName.body ?? '')).toEqual([]);
    expect(visibleText(byName.body ?? '')).toContain('按姓名“何芳”查找：找到 1 人。');
    expect(names(byName.body ?? '')).toEqual(['何芳']);

    const spaced = `${X_NUMBER.slice(0, 6)} ${X_NUMBER.slice(6, 14)} ${X_NUMBER.slice(14).toLowerCase()}`;
    const byNumber = (await browser.post('/staff/people/search', { _csrf: csrf, orgId: 'b1', q: spaced })).body ?? '';
    expect(names(byNumber)).toEqual(['何芳']);
    expect(visibleText(byNumber)).toContain('按身份证号 110***********005X 查找');
    expect(byNumber).not.toContain(X_NUMBER);

    const outside = (await browser.post('/staff/people/search', { _csrf: csrf, orgId: 'b1', q: '胡一甲' })).body ?? '';
    expect(visibleText(outside)).toContain('未找到姓名“胡一甲”的人员');
    expect((await browser.post('/staff/people/search', { _csrf: csrf, orgId: 'b2', q: '胡一甲' })).statusCode).toBe(403);

    const byAddress = (await browser.get('/staff/people/search?q=%E4%BD%95%E8%8A%B3')).body ?? ''; // 何芳, in the actor's own organization
    expect(names(byAddress)).toEqual(['何芳']);
  });

  test('bad input: a Chinese message (422), the number typed not shown back, nothing written', async () => {
    const { browser, csrf } = await signedIn('wang', 'pw-wang-123');
    const count = async () => (await deps.store.doc.send(new ScanCommand({ TableName: deps.store.tableName, Select: 'COUNT' }))).Count;
    const before = await count();
    const short = await browser.post('/staff/people/search', { _csrf: csrf, orgId: 'c1', q: '何' });
    expect(short.statusCode).toBe(422);
    expect(visibleProblems(short.body ?? '')).toEqual([]);
    expect(short.body).toContain('请输入完整姓名（至少 2 个字）或完整的 18 位身份证号。');
    const partial = await browser.post('/staff/people/search', { _csrf: csrf, orgId: 'c1', q: X_NUMBER.slice(0, 17) });
    expect(partial.statusCode).toBe(422);
    expect(partial.body).toContain('按身份证号查找须输入完整的 18 位号码');
    expect(partial.body).not.toContain(X_NUMBER.slice(0, 17));
    const inAddress = await browser.get(`/staff/people/search?q=${X_NUMBER}`);
    expect(inAddress.statusCode).toBe(422);
    expect(inAddress.body).toContain('身份证号不能放在网址中查找');
    expect(inAddress.body).not.toContain(X_NUMBER);
    const json = await browser.request('POST', '/staff/people/search', { body: { orgId: 'c1', q: '何' }, json: true, headers: { 'x-csrf-token': csrf } });
    expect(json.statusCode).toBe(422);
    expect(await count()).toBe(before);
  });
});
