import { createStaffSite } from '../../../functions/http/staff-site';
import type { HttpHandlerFn } from '../../../functions/http/edge/types';
import { demoIdNumber } from '../../../infra/local/seed-data';
import { createHash } from 'node:crypto';
import { putTestOrg, putTestPerson, testOrg, testPerson } from '../../support/registry-fixtures';
import { Browser, signInWithForm } from './support/http-client';
import { addAccount, createTestDeps, type TestDeps } from './support/test-deps';

let deps: TestDeps;
let site: HttpHandlerFn;
const MEMBER_ID_NUMBER = demoIdNumber('110105', '1985-02-21', 46, '女');
let personId: string;

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
  personId = (await putTestPerson(store, testPerson({ orgId: 'b1', name: '何芳', gender: '女', birthDate: '1985-02-21', idNumber: MEMBER_ID_NUMBER }))).id;
  await putTestPerson(store, testPerson({ orgId: 'b2', name: '胡军' }));
  await addAccount(store, { username: 'admin', password: 'pw-admin-123', role: 'admin', orgId: 'wc', displayName: '管理员' });
  await addAccount(store, { username: 'li', password: 'pw-li-123', orgId: 'b1', displayName: '李书记' });
  await addAccount(store, { username: 'wang', password: 'pw-wang-123', role: 'committee-staff', orgId: 'c1', displayName: '王组织员' });
});

async function signedIn(username: string, password: string): Promise<{ browser: Browser; csrf: string }> {
  const browser = new Browser(site);
  return { browser, csrf: await signInWithForm(browser, username, password) };
}

describe('adding a person', () => {
  test('the staff member finds their own organization preselected on /staff/people/new; ?orgId= chooses another', async () => {
    const { browser } = await signedIn('wang', 'pw-wang-123');
    expect((await browser.get('/staff/people/new')).body ?? '').toMatch(/<option value="c1" selected>数据局机关党委/);
    const chosen = (await browser.get('/staff/people/new?orgId=b1')).body ?? '';
    expect(chosen).toMatch(/<option value="b1" selected>办公室党支部/);
    expect(chosen).not.toMatch(/<option value="c1" selected>/);
  });

  test('branch staff: their branch preselected, 入党申请人 the only status; added to their branch, refused elsewhere with nothing written', async () => {
    const { browser, csrf } = await signedIn('li', 'pw-li-123');
    expect((await browser.get('/staff/orgs/b1/people')).body).toContain('/staff/people/new');
    const form = (await browser.get('/staff/people/new')).body ?? '';
    expect(form).toMatch(/<option value="b1" selected>办公室党支部/);
    expect(form).toContain('<option value="g1"');
    expect(form).not.toContain('<option value="c1"');
    expect(form).toMatch(/<option value="applicant" selected>入党申请人<\/option>/);
    expect(form).not.toContain('<option value="full"');
    const person = { _csrf: csrf, orgId: 'b1', name: '林晓', gender: '女', ethnicity: '汉族', birthDate: '1999-03-08', education: '大学本科', unitPost: '综合科 科员', phone: '13910015099', status: 'applicant', statusFrom: '2026-02-20' };
    const idNumber = demoIdNumber('110105', '1999-03-08', 62, '女');
    const full = await browser.post('/staff/people', { ...person, idNumber, status: 'full' });
    expect(full.statusCode).toBe(422);
    expect(full.body).toContain('党支部只能登记入党申请人');
    expect((await browser.post('/staff/people', { ...person, idNumber, orgId: 'b2' })).statusCode).toBe(403);
    const created = await browser.post('/staff/people', { ...person, idNumber });
    expect(created.statusCode).toBe(303);
    const page = (await browser.get(created.headers?.location as string)).body ?? '';
    expect(page).toContain('人员已添加。');
    expect(page).toContain('林晓');
    expect(page).toContain('入党申请人');
  });
});

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
  test('lists and the person page mask the ID number; branch staff have no 显示完整证件号码', async () => {
    const admin = await signedIn('admin', 'pw-admin-123');
    const list = (await admin.browser.get('/staff/orgs/c1/people')).body ?? '';
    expect(list).toContain('何芳');
    expect(list).toContain('胡军');
    expect(list).toContain(`${MEMBER_ID_NUMBER.slice(0, 3)}***********${MEMBER_ID_NUMBER.slice(14)}`);
    expect(list).not.toContain(MEMBER_ID_NUMBER);
    const li = await signedIn('li', 'pw-li-123');
    const branchPage = await li.browser.get(`/staff/people/${personId}`);
    expect(branchPage.statusCode).toBe(200);
    expect(branchPage.body).not.toContain(MEMBER_ID_NUMBER);
    expect(branchPage.body).toContain('（已隐藏）');
    expect(branchPage.body).not.toContain('编辑人员信息');
    expect(branchPage.body).not.toContain('显示完整证件号码');
    expect((await li.browser.get(`/staff/people/${personId}`, { headers: { accept: 'application/json' } })).body).not.toContain(MEMBER_ID_NUMBER);
    expect((await li.browser.get('/staff/people')).headers?.location).toBe('/staff/orgs/b1/people');
  });

  test('显示完整证件号码: a POST with the CSRF token, committee staff over their subtree only, recorded in the file; GET shows nothing', async () => {
    const wang = await signedIn('wang', 'pw-wang-123');
    const page = (await wang.browser.get(`/staff/people/${personId}`)).body ?? '';
    expect(page).not.toContain(MEMBER_ID_NUMBER);
    expect(page).toContain(`<form class="inline" method="post" action="/staff/people/${personId}/id-number">`);
    expect(page).toContain('显示完整证件号码');
    // No GET of the action; without the token refused; nothing recorded.
    expect((await wang.browser.get(`/staff/people/${personId}/id-number`)).statusCode).toBe(404);
    const forged = await wang.browser.post(`/staff/people/${personId}/id-number`, {});
    expect(forged.statusCode).toBe(403);
    expect(forged.body).not.toContain(MEMBER_ID_NUMBER);
    expect(await wang.browser.request('POST', `/staff/people/${personId}/id-number`, { body: {}, json: true }).then((r) => r.statusCode)).toBe(403);
    const shown = await wang.browser.post(`/staff/people/${personId}/id-number`, { _csrf: wang.csrf });
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain(MEMBER_ID_NUMBER);
    expect(shown.body).toContain('本次查看已记入全程纪实');
    expect(shown.headers?.['cache-control']).toBe('no-store');
    const json = await wang.browser.request('POST', `/staff/people/${personId}/id-number`, { body: {}, json: true, headers: { 'x-csrf-token': wang.csrf } });
    expect(JSON.parse(json.body ?? '{}')).toEqual({ personId, idNumber: MEMBER_ID_NUMBER });
    // Recorded, in Chinese, by name; the file never holds the number.
    const file = (await wang.browser.get(`/staff/people/${personId}`)).body ?? '';
    expect(file.match(/查看完整证件号码/g)).toHaveLength(2);
    expect(file).toContain('王组织员');
    expect(file).not.toContain(MEMBER_ID_NUMBER);
    // Branch staff (even of the person's branch) and committee staff of another subtree: 403 without the number.
    const li = await signedIn('li', 'pw-li-123');
    const refused = await li.browser.post(`/staff/people/${personId}/id-number`, { _csrf: li.csrf });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain(MEMBER_ID_NUMBER);
    await addAccount(deps.store, { username: 'zhao', password: 'pw-zhao-123', role: 'committee-staff', orgId: 'gb', displayName: '赵组织员' });
    const zhao = await signedIn('zhao', 'pw-zhao-123');
    expect((await zhao.browser.post(`/staff/people/${personId}/id-number`, { _csrf: zhao.csrf })).statusCode).toBe(403);
    expect(((await wang.browser.get(`/staff/people/${personId}`)).body ?? '').match(/查看完整证件号码/g)).toHaveLength(2);
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
    expect(created.headers?.location).toMatch(/^\/staff\/people\/p-[A-Za-z0-9_-]{22}\?done=created$/);
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

  test('person ids reveal nothing; no page or JSON carries the ID-number index key, nor the full number outside 显示完整证件号码 for committee staff and admins', async () => {
    const admin = await signedIn('admin', 'pw-admin-123');
    const json = { headers: { accept: 'application/json' } };
    const form = { orgId: 'b2', name: '同名', gender: '女', ethnicity: '汉族', birthDate: '1991-06-30', education: '大学本科', unitPost: '综合科 科员', phone: '13910015099', status: 'full', statusFrom: '2016-07-01' };
    const numbers = [demoIdNumber('110105', '1991-06-30', 21, '女'), demoIdNumber('110105', '1991-06-30', 22, '女')];
    const ids: string[] = [];
    const created: Awaited<ReturnType<typeof admin.browser.request>>[] = [];
    for (const idNumber of numbers) {
      created.push(await admin.browser.request('POST', '/staff/people', { body: { ...form, idNumber }, json: true, headers: { 'x-csrf-token': admin.csrf } }));
      expect(created.at(-1)!.statusCode).toBe(201);
      ids.push(JSON.parse(created.at(-1)!.body ?? '{}').person.id);
    }
    const duplicate = await admin.browser.request('POST', '/staff/people', { body: { ...form, idNumber: numbers[0] }, json: true, headers: { 'x-csrf-token': admin.csrf } });
    expect(duplicate.statusCode).toBe(409);
    const listed = JSON.parse((await admin.browser.get('/staff/orgs/b2/people', json)).body ?? '{}').people as { id: string; name: string }[];
    expect(listed.filter((p) => p.name === '同名').map((p) => p.id).sort()).toEqual([...ids].sort());
    const hashes = [...numbers, MEMBER_ID_NUMBER].map((n) => createHash('sha256').update(n).digest('hex'));
    for (const id of ids) {
      expect(id).toMatch(/^p-[A-Za-z0-9_-]{22}$/);
      for (const hash of hashes) expect(hash).not.toContain(id.slice(2, 10));
    }
    expect(ids[0].slice(0, 6)).not.toBe(ids[1].slice(0, 6));

    // Correct the member's number through the edit form, which never shows the stored one.
    const editForm = (await admin.browser.get(`/staff/people/${personId}/edit`)).body ?? '';
    expect(editForm).toContain('更正身份证号');
    expect(editForm).not.toContain(MEMBER_ID_NUMBER);
    const newNumber = demoIdNumber('110105', '1985-02-21', 48, '女');
    const values = { orgId: 'b1', name: '何芳', gender: '女', ethnicity: '汉族', birthDate: '1985-02-21', education: '大学本科', unitPost: '综合科 科员', phone: '13900000000' };
    const version = JSON.parse((await admin.browser.get(`/staff/people/${personId}`, json)).body ?? '{}').person.version as number;
    // A number registered to someone else (born the same day) is refused.
    const sameDay = demoIdNumber('110105', '1985-02-21', 47, '女');
    const other = await admin.browser.request('POST', '/staff/people', { body: { ...form, birthDate: '1985-02-21', idNumber: sameDay }, json: true, headers: { 'x-csrf-token': admin.csrf } });
    expect(other.statusCode).toBe(201);
    const taken = await admin.browser.post(`/staff/people/${personId}`, { _csrf: admin.csrf, ...values, idNumber: sameDay, version: String(version) });
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain('该身份证号已在党员名册中登记');
    const edited = await admin.browser.post(`/staff/people/${personId}`, { _csrf: admin.csrf, ...values, idNumber: newNumber, version: String(version) });
    expect(edited.statusCode).toBe(303);
    const ownPage = (await admin.browser.get(`/staff/people/${personId}`)).body ?? '';
    expect(ownPage).not.toContain(newNumber);
    expect((await admin.browser.post(`/staff/people/${personId}/id-number`, { _csrf: admin.csrf })).body).toContain(newNumber);
    expect(ownPage).toContain('修改的项目：身份证号');
    hashes.push(...[newNumber, sameDay].map((n) => createHash('sha256').update(n).digest('hex')));
    const allNumbers = [...numbers, MEMBER_ID_NUMBER, newNumber, sameDay];

    const wang = await signedIn('wang', 'pw-wang-123');
    const li = await signedIn('li', 'pw-li-123');
    const maskedEverywhere = [
      await admin.browser.get('/staff/orgs/wc/people'), await admin.browser.get('/staff/orgs/wc/people', json), await wang.browser.get('/staff/orgs/c1/people', json),
      await li.browser.get('/staff/orgs/b1/people'), await li.browser.get(`/staff/people/${personId}`), await li.browser.get(`/staff/people/${personId}`, json),
      await admin.browser.get(`/staff/people/${ids[1]}/edit`), duplicate, taken,
      // JSON is masked for everyone, committee staff and administrators too (only 显示完整证件号码 shows the number)
      await admin.browser.get(`/staff/people/${personId}`, json), await wang.browser.get(`/staff/people/${personId}`, json), ...created,
      other, await admin.browser.request('POST', `/staff/people/${ids[0]}/rights`, { body: { rightsState: 'probation-within-party', from: '2026-02-01', note: '留党察看一年', version: '1' }, json: true, headers: { 'x-csrf-token': admin.csrf } }),
    ];
    const reveal = (who: { browser: Browser; csrf: string }, id: string) => who.browser.post(`/staff/people/${id}/id-number`, { _csrf: who.csrf });
    maskedEverywhere.push(await admin.browser.get(`/staff/people/${personId}`), await wang.browser.get(`/staff/people/${personId}`), await admin.browser.get(`/staff/people/${ids[0]}`));
    // The full number only in the answer to 显示完整证件号码.
    const ownPages = [await reveal(admin, personId), await reveal(wang, personId), await reveal(admin, ids[0])];
    for (const page of [...maskedEverywhere, ...ownPages]) {
      const body = page.body ?? '';
      expect(body).not.toContain('IDNUMBER');
      for (const hash of hashes) expect(body).not.toContain(hash.slice(0, 16));
    }
    for (const page of maskedEverywhere) for (const n of allNumbers) expect(page.body ?? '').not.toContain(n);
    expect(ownPages[0].body).toContain(newNumber);
    expect(ownPages[1].body).toContain(newNumber);
    expect(ownPages[2].body).toContain(numbers[0]);
  });
});
