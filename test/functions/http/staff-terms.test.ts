import { createStaffSite } from '../../../functions/http/staff-site';
import type { HttpHandlerFn } from '../../../functions/http/edge/types';
import { putTestOrg, testOrg } from '../../support/registry-fixtures';
import { Browser, signInWithForm } from './support/http-client';
import { addAccount, createTestDeps, type TestDeps } from './support/test-deps';

/** The clock is on 2026-03-02 (China time): b1's term ended 2025-12-31, b2's ends 2026-04-30, c1's 2028-04-09. */
let deps: TestDeps;
let site: HttpHandlerFn;

beforeAll(async () => {
  deps = await createTestDeps();
  site = createStaffSite(deps);
  const { store } = deps;
  await putTestOrg(store, testOrg({ id: 'c1', kind: 'committee', name: '数据局机关党委', termStart: '2023-04-10', termEnd: '2028-04-09' }));
  await putTestOrg(store, testOrg({ id: 'b1', kind: 'branch', parentId: 'c1', name: '办公室党支部', termStart: '2022-12-31', termEnd: '2025-12-31' }));
  await putTestOrg(store, testOrg({ id: 'b2', kind: 'branch', parentId: 'c1', name: '业务一处党支部', termStart: '2023-05-01', termEnd: '2026-04-30' }));
  await putTestOrg(store, testOrg({ id: 'g1', kind: 'party-group', parentId: 'b1', name: '第一党小组' }));
  await addAccount(store, { username: 'wang', password: 'pw-wang-123', role: 'committee-staff', orgId: 'c1', displayName: '王组织员' });
  await addAccount(store, { username: 'zhao', password: 'pw-zhao-123', orgId: 'b2', displayName: '赵书记' });
});

async function signedIn(username: string, password: string): Promise<Browser> {
  const browser = new Browser(site);
  await signInWithForm(browser, username, password);
  return browser;
}

test('committee staff: the overview lists every term in scope, overdue first and highlighted, with the next reminder', async () => {
  const browser = await signedIn('wang', 'pw-wang-123');
  const page = (await browser.get('/staff/elections')).body ?? '';
  expect(page).toContain('<a href="/staff/elections">换届选举</a>');
  expect(page).toContain('有 1 个组织任期已届满');
  const order = ['办公室党支部', '业务一处党支部', '数据局机关党委'].map((name) => page.indexOf(`>${name}</a>`));
  expect(order).toEqual([...order].sort((a, b) => a - b));
  expect(page).toMatch(/<tr class="overdue">\s*<td><a href="\/staff\/orgs\/b1">办公室党支部<\/a>/);
  expect(page).toContain('换届逾期 61 天');
  // b2: the 2-month reminder (2026-02-28) is due; next is the request deadline 2026-03-30
  expect(page).toContain('2026-03-30 换届请示截止（届满前 1 个月）');
  expect(page).toContain('2027-10-09 换届提醒（届满前 6 个月）');
  expect(page).not.toContain('第一党小组');
});

test('the staff home warns of the overdue election and the term that ends soon', async () => {
  const browser = await signedIn('wang', 'pw-wang-123');
  const home = (await browser.get('/staff')).body ?? '';
  expect(home).toContain('换届预警');
  expect(home).toContain('<strong>办公室党支部</strong>：任期已于 2025-12-31 届满，已逾期 61 天');
  expect(home).toContain('业务一处党支部：任期将于 2026-04-30 届满；2026-02-28 换届提醒（届满前 2 个月）');
  expect(home).not.toContain('数据局机关党委：');
});

test('branch staff see only their own branch, in the overview, the home page and JSON', async () => {
  const browser = await signedIn('zhao', 'pw-zhao-123');
  const page = (await browser.get('/staff/elections')).body ?? '';
  expect(page).toContain('业务一处党支部');
  expect(page).not.toContain('办公室党支部');
  expect(page).not.toContain('有 1 个组织任期已届满');
  const home = (await browser.get('/staff')).body ?? '';
  expect(home).not.toContain('办公室党支部');
  const json = await browser.get('/staff/elections', { headers: { accept: 'application/json' } });
  const data = JSON.parse(json.body ?? '{}') as { terms: { org: { id: string } }[] };
  expect(data.terms.map((t) => t.org.id)).toEqual(['b2']);
});

test('signed out, the overview is not shown', async () => {
  const response = await new Browser(site).get('/staff/elections');
  expect(response.statusCode).toBe(303);
});
