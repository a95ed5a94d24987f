import { createStaffSite } from '../../../functions/http/staff-site';
import type { HttpHandlerFn } from '../../../functions/http/edge/types';
import { demoIdNumber } from '../../../infra/local/seed-data';
import { personIdFor } from '../../../shared/store/people-repo';
import { putTestOrg, putTestPerson, testOrg, testPerson } from '../../support/registry-fixtures';
import { Browser, signInWithForm } from './support/http-client';
import { addAccount, createTestDeps, type TestDeps } from './support/test-deps';

let deps: TestDeps;
let site: HttpHandlerFn;
const MEMBER_ID_NUMBER = demoIdNumber('110105', '1985-02-21', 46, '女');

beforeAll(async () => {
  deps = await createTestDeps();
  site = createStaffSite(deps);
  const { store } = deps;
  await putTestOrg(store, testOrg({ id: 'wc', kind: 'working-committee', name: '市直机关工委' }));
  await putTestOrg(store, testOrg({ id: 'c1', kind: 'committee', parentId: 'wc', name: '数据局机关党委', termEnd: '2028-04-09', committee: [{ name: '钱明', post: 'secretary' }] }));
  await putTestOrg(store, testOrg({ id: 'gb', kind: 'general-branch', parentId: 'c1', name: '业务党总支' }));
  await putTestOrg(store, testOrg({ id: 'b1', kind: 'branch', parentId: 'c1', name: '办公室党支部', termEnd: '2025-12-31' }));
  await putTestOrg(store, testOrg({ id: 'b2', kind: 'branch', parentId: 'gb', name: '业务一处党支部' }));
  await putTestOrg(store, testOrg({ id: 'g1', kind: 'party-group', parentId: 'b1', name: '第一党小组' }));
  await putTestPerson(store, testPerson({ orgId: 'b1', name: '何芳', gender: '女', birthDate: '1985-02-21', idNumber: MEMBER_ID_NUMBER }));
  await putTestPerson(store, testPerson({ orgId: 'b2', name: '胡军' }));
  await addAccount(store, { username: 'admin', password: 'pw-admin-123', role: 'admin', orgId: 'wc', displayName: '管理员' });
  await addAccount(store, { username: 'li', password: 'pw-li-123', orgId: 'b1', displayName: '李书记' });
  await addAccount(store, { username: 'wang', password: 'pw-wang-123', role: 'committee-staff', orgId: 'c1', displayName: '王组织员' });
});

async function signedIn(username: string, password: string): Promise<{ browser: Browser; csrf: string }> {
  const browser = new Browser(site);
  return { browser, csrf: await signInWithForm(browser, username, password) };
}

describe('组织管理 pages', () => {
  test('the administrator sees the whole tree: indented, kind labels, term end, approving organization; nav links', async () => {
    const { browser } = await signedIn('admin', 'pw-admin-123');
    const page = (await browser.get('/staff/orgs')).body ?? '';
    expect(page).toContain('<a href="/staff/orgs">组织管理</a>');
    expect(page).toContain('<a href="/staff/people">党员名册</a>');
    for (const name of ['市直机关工委', '数据局机关党委', '业务党总支', '办公室党支部', '第一党小组']) expect(page).toContain(name);
    expect(page).toMatch(/业务一处党支部<\/a><\/td>\s*<td>党支部<\/td>\s*<td><\/td>\s*<td>数据局机关党委<\/td>/); // the general branch does not approve
    expect(page).toContain('data-depth="3"');
    expect(page).toContain('已届满'); // b1's term ended 2025-12-31
    expect(page).toContain('新建组织');
  });

  test('a branch secretary sees only their branch and its party group; another organization is 403', async () => {
    const { browser } = await signedIn('li', 'pw-li-123');
    const page = (await browser.get('/staff/orgs')).body ?? '';
    expect(page).toContain('办公室党支部');
    expect(page).toContain('第一党小组');
    expect(page).not.toContain('业务一处党支部');
    expect(page).not.toContain('新建组织');
    expect((await browser.get('/staff/orgs/b2')).statusCode).toBe(403);
    expect((await browser.get('/staff/orgs/b2/people')).statusCode).toBe(403);
    const own = (await browser.get('/staff/orgs/b1')).body ?? '';
    expect(own).not.toContain('修改组织信息');
    expect(own).not.toContain('撤销组织');
  });

  test('create through the form; a bad form comes back with Chinese messages (422); a stale edit is 409', async () => {
    const { browser, csrf } = await signedIn('admin', 'pw-admin-123');
    const form = (await browser.get('/staff/orgs/new?parentId=b1')).body ?? '';
    expect(form).toContain('<option value="b1" selected>办公室党支部（党支部）</option>');
    expect(form).not.toContain('<option value="g1"'); // nothing goes under a party group
    expect((await (await signedIn('wang', 'pw-wang-123')).browser.get('/staff/orgs/new')).statusCode).toBe(403);
    const bad = await browser.post('/staff/orgs', { _csrf: csrf, name: '新党小组', kind: 'party-group', parentId: 'c1' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('党小组不能设在机关党委之下。');
    expect(bad.body).toContain('value="新党小组"');
    const created = await browser.post('/staff/orgs', { _csrf: csrf, name: '新党支部', kind: 'branch', parentId: 'c1', 'committee.0.name': '孙书记', 'committee.0.post': 'secretary' });
    expect(created.statusCode).toBe(303);
    const location = created.headers?.location as string;
    const page = (await browser.get(location)).body ?? '';
    expect(page).toContain('组织已建立。');
    expect(page).toContain('建立组织'); // the 全程纪实
    expect(page).toContain('孙书记');
    const orgPath = location.split('?')[0];
    expect((await browser.post(orgPath, { _csrf: csrf, name: '改名党支部', version: '1' })).statusCode).toBe(303);
    const stale = await browser.post(orgPath, { _csrf: csrf, name: '旧表单', version: '1' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('该记录已被他人修改');
    const closed = await browser.post(`${orgPath}/close`, { _csrf: csrf, reason: '合并', version: '2' });
    expect(closed.statusCode).toBe(303);
    expect((await browser.get(orgPath)).body).toContain('撤销');
  });

  test('JSON: the tree and a creation answer JSON; a missing CSRF header is refused', async () => {
    const { browser, csrf } = await signedIn('admin', 'pw-admin-123');
    const tree = await browser.get('/staff/orgs', { headers: { accept: 'application/json' } });
    expect(JSON.parse(tree.body ?? '{}').nodes[0]).toMatchObject({ depth: 0, org: { id: 'wc', kind: 'working-committee' } });
    const body = { name: 'JSON 党小组', kind: 'party-group', parentId: 'b1' };
    expect((await browser.request('POST', '/staff/orgs', { body, json: true })).statusCode).toBe(403);
    const created = await browser.request('POST', '/staff/orgs', { body, json: true, headers: { 'x-csrf-token': csrf } });
    expect(created.statusCode).toBe(201);
    expect(JSON.parse(created.body ?? '{}').organization).toMatchObject({ name: 'JSON 党小组', parentId: 'b1', version: 1 });
  });
});

describe('党员名册 pages', () => {
  const personId = personIdFor(MEMBER_ID_NUMBER);

  test('lists mask the ID number; the person page shows it in full to committee staff and admins only', async () => {
    const admin = await signedIn('admin', 'pw-admin-123');
    const list = (await admin.browser.get('/staff/orgs/c1/people')).body ?? '';
    expect(list).toContain('何芳');
    expect(list).toContain('胡军');
    expect(list).toContain(`${MEMBER_ID_NUMBER.slice(0, 3)}***********${MEMBER_ID_NUMBER.slice(14)}`);
    expect(list).not.toContain(MEMBER_ID_NUMBER);
    expect((await admin.browser.get(`/staff/people/${personId}`)).body).toContain(MEMBER_ID_NUMBER);
    const wang = await signedIn('wang', 'pw-wang-123');
    expect((await wang.browser.get(`/staff/people/${personId}`)).body).toContain(MEMBER_ID_NUMBER);
    const li = await signedIn('li', 'pw-li-123');
    const branchPage = await li.browser.get(`/staff/people/${personId}`);
    expect(branchPage.statusCode).toBe(200);
    expect(branchPage.body).not.toContain(MEMBER_ID_NUMBER);
    expect(branchPage.body).toContain('（已隐藏）');
    expect(branchPage.body).not.toContain('编辑人员信息');
    expect((await li.browser.get(`/staff/people/${personId}`, { headers: { accept: 'application/json' } })).body).not.toContain(MEMBER_ID_NUMBER);
    expect((await li.browser.get('/staff/people')).headers?.location).toBe('/staff/orgs/b1/people');
  });

  test('add a person through the form: the ID number is checked against birth date and gender; duplicates refused', async () => {
    const { browser, csrf } = await signedIn('wang', 'pw-wang-123');
    const form = { _csrf: csrf, orgId: 'b1', name: '杨帆', gender: '男', ethnicity: '汉族', birthDate: '1998-01-19', education: '大学本科', unitPost: '机要科 科员', phone: '13910015034', status: 'applicant', statusFrom: '2025-09-03' };
    const wrongGender = await browser.post('/staff/people', { ...form, idNumber: demoIdNumber('110105', '1998-01-19', 43, '女') });
    expect(wrongGender.statusCode).toBe(422);
    expect(wrongGender.body).toContain('身份证号显示的性别与填写的性别不一致。');
    const idNumber = demoIdNumber('110105', '1998-01-19', 43, '男');
    const created = await browser.post('/staff/people', { ...form, idNumber });
    expect(created.statusCode).toBe(303);
    expect(created.headers?.location).toBe(`/staff/people/${personIdFor(idNumber)}?done=created`);
    const duplicate = await browser.post('/staff/people', { ...form, idNumber });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.body).toContain('该身份证号已在党员名册中登记');
  });

  test('status, rights and exclusion forms on the person page; a bad date comes back on the page (422)', async () => {
    const { browser, csrf } = await signedIn('wang', 'pw-wang-123');
    const rights = await browser.post(`/staff/people/${personId}/rights`, { _csrf: csrf, rightsState: 'probation-within-party', from: '2026-02-01', note: '留党察看一年', version: '1' });
    expect(rights.statusCode).toBe(303);
    const page = (await browser.get(rights.headers?.location as string)).body ?? '';
    expect(page).toContain('权利状态已保存。');
    expect(page).toContain('2026-02-01 起：留党察看（留党察看一年）');
    expect(page).toContain('无表决权');
    const bad = await browser.post(`/staff/people/${personId}/exclusions`, { _csrf: csrf, reason: 'abroad', from: '2026-02-30', version: '2' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('开始日期不是有效的日期。');
    const li = await signedIn('li', 'pw-li-123');
    expect((await li.browser.post(`/staff/people/${personId}/exclusions`, { _csrf: li.csrf, reason: 'abroad', from: '2026-02-01', version: '2' })).statusCode).toBe(303);
    expect((await li.browser.post(`/staff/people/${personId}/status`, { _csrf: li.csrf, status: 'probationary', from: '2026-02-01', version: '3' })).statusCode).toBe(403);
  });
});
