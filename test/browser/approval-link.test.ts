import type { Page } from 'playwright-core';
import { DEMO_APPROVER } from '../../infra/local/dev-pages';
import { reloadUntilVisible, signInAsStaff } from '../support/browser';
import { startBrowserRuntime, type BrowserRuntime } from '../support/browser-runtime';

// Acceptance (issue 4): the approver opens the link from the outbox, sees the case, approves; the workflow moves on;
// opening the link again shows the recorded decision. Against `npm start`'s program (main.ts), in Chromium.
// The tests below are steps of one story and run in order.

const TITLE = '关于张伟同志拟确定为发展对象的预审（演示）';

let runtime: BrowserRuntime;
let staff: Page;
let approver: Page;
let approvalId: string;
let link: string;

beforeAll(async () => {
  runtime = await startBrowserRuntime();
  staff = await runtime.newPage();
  approver = await runtime.newPage();
}, 90_000);

afterEach(async () => runtime?.expectAccessible());

afterAll(async () => {
  await runtime?.stop();
});

test('an administrator starts a demo approval; the approver’s mail with the link is in the outbox', async () => {
  await signInAsStaff(staff, 'zuzhiyuan', 'demo2026');
  const admin = await runtime.adminPage();
  const csrf = await admin.locator('input[name="_csrf"]').first().getAttribute('value');
  const started = await admin.request.post('/dev/approvals/demo', { form: { _csrf: csrf ?? '' }, maxRedirects: 0 });
  expect(started.status()).toBe(303);
  approvalId = new URL(started.headers().location, 'http://x').searchParams.get('approval')!;
  expect(approvalId).toBeTruthy();

  const mail = (page: Page) => page.locator('article.mail', { has: page.getByRole('heading', { name: `【审批】${TITLE}` }) });
  await reloadUntilVisible(admin, '/dev/outbox', mail);
  const text = await mail(admin).innerText();
  expect(text).toContain(`收件人：${DEMO_APPROVER.email}`);
  const href = await mail(admin).locator('a[href*="/approvals/"]').first().getAttribute('href');
  link = new URL(href!).pathname;
  expect(link).toMatch(/^\/approvals\/[A-Za-z0-9_-]{43}$/);
}, 60_000);

test('the approver opens the link: the case, their name, 同意/不同意; opening decides nothing', async () => {
  await approver.goto(link);
  await approver.getByRole('heading', { name: `审批：${TITLE}` }).waitFor();
  const main = await approver.locator('main').innerText();
  expect(main).toContain('打开本页面不会作出任何决定');
  expect(main).toContain(`审批人：${DEMO_APPROVER.name}`);
  expect(main).toContain('预审');
  expect(main).toContain('支部委员会研究同意拟确定为发展对象');
  await expect(approver.getByRole('button', { name: '同意', exact: true }).isVisible()).resolves.toBe(true);
  await expect(approver.getByRole('button', { name: '不同意' }).isVisible()).resolves.toBe(true);

  await staff.goto(`/staff/approvals/${approvalId}`);
  await expect(staff.locator('main').innerText()).resolves.toContain('已发送，待决定');
});

test('the approver approves with the meeting date; the workflow moves on and the approval is approved', async () => {
  await approver.getByLabel('会议日期').fill('2026-09-22');
  await approver.getByLabel('意见说明').fill('经机关党委会议研究，同意。');
  await approver.getByRole('button', { name: '同意', exact: true }).click();
  await approver.getByRole('heading', { name: '您的审批意见已提交' }).waitFor();
  expect(await approver.locator('main').innerText()).toContain('2026年9月22日');

  const approved = (page: Page) => page.locator('main .tag', { hasText: '已同意' });
  await reloadUntilVisible(staff, `/staff/approvals/${approvalId}`, approved);
  const text = await staff.locator('main').innerText();
  expect(text).toContain('已决定');
  expect(text).toContain('审批人作出决定');
  expect(text).toContain('IP 地址');
  expect(text).not.toContain(link.split('/')[2]);
}, 60_000);

test('opening the link again shows the recorded decision, without the form', async () => {
  await approver.goto(link);
  await approver.getByRole('heading', { name: '此审批链接已使用' }).waitFor();
  const main = await approver.locator('main').innerText();
  expect(main).toContain('同意');
  expect(main).toContain(DEMO_APPROVER.name);
  expect(main).toContain('审批通过');
  await expect(approver.getByRole('button', { name: '同意', exact: true }).count()).resolves.toBe(0);
});
