import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { DEMO_ORG_IDS } from '../../infra/local/seed-data';
import { signInAsStaff } from '../support/browser';
import { startBrowserRuntime, type BrowserRuntime } from '../support/browser-runtime';
import { csvText, personRow } from '../shared/services/roster/support/roster-fixtures';

// Acceptance (issue 3): an administrator imports a roster through the pages and sees the tree and the people;
// a branch secretary sees only their branch. Against `npm start`'s program, in Chromium. Steps run in order.

const OFFICE = '中共示例市数据管理局办公室支部委员会';
const BUSINESS = '中共示例市数据管理局业务一处支部委员会';
const rows = [
  personRow(701, { 姓名: '韩晓峰', 所在党组织: OFFICE }),
  personRow(702, { 姓名: '邓雅琴', 所在党组织: OFFICE, 党员状态: '预备党员', 状态日期: '2026-06-30' }),
  personRow(703, { 姓名: '贺振宇', 所在党组织: BUSINESS }),
  personRow(704, { 姓名: '错号码', 所在党组织: BUSINESS, 身份证号: '11010519900101123' }),
];

let runtime: BrowserRuntime;

async function staffPage(username: string): Promise<Page> {
  const page = await runtime.newPage();
  await signInAsStaff(page, username, 'demo2026');
  return page;
}

beforeAll(async () => {
  runtime = await startBrowserRuntime();
}, 90_000);

afterEach(async () => runtime?.expectAccessible());

afterAll(async () => {
  await runtime?.stop();
});

test('an administrator uploads a GB18030 roster, reads the preview, confirms, and finds the people in the tree', async () => {
  const admin = await staffPage('admin');
  await admin.getByRole('link', { name: '花名册导入' }).click();
  await admin.getByRole('heading', { name: '花名册导入' }).waitFor();
  await admin.getByLabel('花名册文件').setInputFiles({ name: '数据局花名册.csv', mimeType: 'text/csv', buffer: iconv.encode(csvText(rows), 'gb18030') });
  await admin.getByRole('button', { name: '上传并预览' }).click();
  await admin.getByRole('heading', { name: '花名册导入预览' }).waitFor();
  const status = await admin.getByRole('status').innerText();
  expect(status).toContain('新增 3 人');
  expect(status).toContain('有问题 1 行');
  expect(await admin.locator('tr.problem').innerText()).toContain('身份证号应为 18 位');
  await admin.getByRole('button', { name: '确认导入 3 行' }).click();
  await admin.getByRole('heading', { name: '花名册导入结果' }).waitFor();
  expect(await admin.getByRole('status').innerText()).toContain('新增 3 人');

  await admin.goto('/staff/orgs');
  const tree = await admin.locator('main').innerText();
  expect(tree).toContain(OFFICE);
  expect(tree).toContain(BUSINESS);
  await admin.goto(`/staff/orgs/${DEMO_ORG_IDS.office}/people`);
  const office = await admin.locator('main').innerText();
  expect(office).toContain('韩晓峰');
  expect(office).toContain('邓雅琴');
  expect(office).not.toContain(rows[0].身份证号);
});

test('a branch secretary sees only their branch, and may not import', async () => {
  const secretary = await staffPage('bangongshi');
  await secretary.goto('/staff/orgs');
  const tree = await secretary.locator('main').innerText();
  expect(tree).toContain(OFFICE);
  expect(tree).not.toContain(BUSINESS);
  await secretary.goto('/staff/people');
  const people = await secretary.locator('main').innerText();
  expect(people).toContain('韩晓峰');
  expect(people).not.toContain('贺振宇');
  expect(await secretary.getByRole('link', { name: '花名册导入' }).count()).toBe(0);
  const refused = await secretary.goto('/staff/roster/import');
  expect(refused?.status()).toBe(403);
  expect((await secretary.goto(`/staff/orgs/${DEMO_ORG_IDS.business}/people`))?.status()).toBe(403);
});
