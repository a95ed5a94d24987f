import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_ORG_IDS, demoPerson } from '../../infra/local/seed-data';
import { reloadUntilVisible, signInAsStaff } from '../support/browser';
import { startBrowserRuntime, type BrowserRuntime } from '../support/browser-runtime';

// Acceptance (issue 11, item 3): an administrator creates a branch staff account in 账号管理; its owner signs in with
// the first password, is kept on 修改密码 until they choose their own, then records a development step; disabled
// mid-session by the administrator, their next page is the sign-in form. Against `npm start`'s program, in Chromium.
// The tests below are steps of one story and run in order.

const SCREENSHOT_DIR = join(tmpdir(), 'dangjian-browser-screenshots');
const person = demoPerson('office-04'); // 杨帆, applicant
const FIRST_PASSWORD = 'Chushi2026x';
const OWN_PASSWORD = 'Hongqi2026mm';

let runtime: BrowserRuntime;
let admin: Page;
let secretary: Page;

/** A form control by the start of its label (labels of required fields end with （必填）). */
const field = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label}`));

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  runtime = await startBrowserRuntime();
  admin = await runtime.newPage();
  secretary = await runtime.newPage();
}, 90_000);

afterAll(async () => {
  await runtime?.stop();
});

test('the administrator creates a branch staff account', async () => {
  await signInAsStaff(admin, 'admin', 'demo2026');
  await admin.getByRole('navigation', { name: '工作人员导航' }).getByRole('link', { name: '账号管理' }).click();
  await admin.getByRole('heading', { name: '账号管理' }).waitFor();
  await field(admin, '姓名').fill('周新');
  await field(admin, '用户名').fill('zhouxin');
  await field(admin, '角色').selectOption({ label: '支部工作人员' });
  await field(admin, '所在党组织').selectOption(DEMO_ORG_IDS.office);
  await field(admin, '电子邮箱').fill('zhouxin@demo.example.org');
  await field(admin, '初始密码').fill('short');
  await admin.getByRole('button', { name: '创建账号' }).click();
  await admin.getByText('密码至少需要 10 个字符').first().waitFor(); // a weak first password is refused, the form kept
  await expect(field(admin, '姓名').inputValue()).resolves.toBe('周新');
  await field(admin, '初始密码').fill(FIRST_PASSWORD);
  await admin.getByRole('button', { name: '创建账号' }).click();
  await admin.getByText('账号已创建。').waitFor();
  const row = admin.locator('tr', { hasText: 'zhouxin' });
  await expect(row.innerText()).resolves.toMatch(/周新[\s\S]*支部工作人员[\s\S]*待首次登录修改密码[\s\S]*从未登录/);
  await admin.screenshot({ path: join(SCREENSHOT_DIR, 'accounts-created.png'), fullPage: true });
}, 60_000);

test('the new account signs in and must choose its own password before anything else', async () => {
  await secretary.goto('/staff/sign-in');
  await field(secretary, '用户名').fill('zhouxin');
  await field(secretary, '密码').fill(FIRST_PASSWORD);
  await secretary.getByRole('button', { name: '登录' }).click();
  await secretary.getByRole('heading', { name: '修改密码' }).waitFor();
  await secretary.getByText('请先设置您自己的密码').waitFor();
  await secretary.goto('/staff/development');
  await secretary.getByRole('heading', { name: '修改密码' }).waitFor(); // nothing else opens yet
  await secretary.screenshot({ path: join(SCREENSHOT_DIR, 'accounts-forced-change.png'), fullPage: true });

  await field(secretary, '初始密码').fill(FIRST_PASSWORD);
  await field(secretary, '新密码').fill(OWN_PASSWORD);
  await field(secretary, '再次输入新密码').fill(OWN_PASSWORD);
  await secretary.getByRole('button', { name: '保存新密码' }).click();
  await secretary.getByRole('heading', { name: '待办事项' }).waitFor();
}, 60_000);

test('and records a development step as its branch', async () => {
  await secretary.getByRole('navigation', { name: '工作人员导航' }).getByRole('link', { name: '发展党员' }).click();
  await secretary.getByRole('link', { name: '案件列表和新建案件' }).click();
  await secretary.getByLabel('入党申请人').selectOption(person.id);
  await secretary.getByLabel('收到入党申请书日期').fill('2026-09-23');
  await secretary.getByRole('button', { name: '建立案件' }).click();
  await secretary.getByText('案件已建立，第一阶段已开始。').waitFor();
  const casePath = new URL(secretary.url()).pathname;
  const step = (p: Page) => p.locator('main ul li a', { hasText: '派人谈话' });
  await reloadUntilVisible(secretary, casePath, step, 30_000);
  await step(secretary).first().click();
  await field(secretary, '谈话日期').fill('2026-09-23');
  await field(secretary, '谈话人（姓名、职务）').fill('周新 支部书记');
  await field(secretary, '谈话内容').fill('了解入党动机，提出努力方向。');
  await secretary.getByRole('button', { name: '提交' }).click();
  await secretary.getByText('已登记。').waitFor();
  await secretary.goto(casePath);
  await expect(secretary.locator('main').innerText()).resolves.toContain('周新');
  await secretary.screenshot({ path: join(SCREENSHOT_DIR, 'accounts-step-recorded.png'), fullPage: true });

  await admin.goto('/staff/accounts');
  await expect(admin.locator('tr', { hasText: 'zhouxin' }).innerText()).resolves.toMatch(/正常[\s\S]*2026-\d\d-\d\d \d\d:\d\d/);
}, 90_000);

test('disabled mid-session, the account is signed out at its next page', async () => {
  await admin.locator('tr', { hasText: 'zhouxin' }).getByRole('button', { name: '停用' }).click();
  await admin.getByText('账号已停用').waitFor();
  await secretary.goto('/staff');
  await secretary.getByRole('heading', { name: '工作人员登录' }).waitFor();
  await admin.screenshot({ path: join(SCREENSHOT_DIR, 'accounts-disabled.png'), fullPage: true });
}, 60_000);
