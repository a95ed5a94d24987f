import type { Page } from 'playwright-core';
import { reloadUntilVisible, signInAsStaff } from '../support/browser';
import { startBrowserRuntime, type BrowserRuntime } from '../support/browser-runtime';

// Transfer of membership in Chromium against `npm start`'s program: the office branch transfers 周强 (its 组织委员) to
// the business branch; the committee's organizer issues and prints the letter; the business branch accepts from its
// 待办 list; 周强 is then on the business branch's roster. (Across two committees with a development case moving:
// transfer-across-committees.test.ts.) Steps of one story, in order.

let runtime: BrowserRuntime;
let office: Page;
let organizer: Page;
let business: Page;
let transferPath = '';

beforeAll(async () => {
  runtime = await startBrowserRuntime();
  office = await runtime.newPage();
  organizer = await runtime.newPage();
  business = await runtime.newPage();
}, 90_000);

afterEach(async () => runtime?.expectAccessible());

afterAll(async () => {
  await runtime?.stop();
});

test('the office branch asks for 周强 to go to the business branch', async () => {
  await signInAsStaff(office, 'bangongshi', 'demo2026');
  await office.getByRole('navigation', { name: '工作人员导航' }).getByRole('link', { name: '组织关系转接' }).click();
  await office.getByRole('link', { name: '申请转出组织关系' }).click();
  await office.getByRole('button', { name: '列出该支部人员' }).click();
  await office.getByLabel('周强（正式党员）').check();
  await office.getByLabel('转入组织（系统内）').selectOption({ label: '中共示例市数据管理局业务一处支部委员会' });
  await office.getByLabel(/转接原因/).fill('工作调动');
  await office.getByLabel(/离开原单位日期/).fill('2026-09-22');
  await office.getByLabel(/党费交至/).fill('2026-09');
  await office.getByRole('button', { name: '提交转接申请' }).click();
  await office.getByText('转接申请已提交，已通知上级党委开具介绍信。').waitFor();
  transferPath = new URL(office.url()).pathname;
});

test('the organizer issues the letter from the 待办 list and prints it with its receipt slip', async () => {
  await signInAsStaff(organizer, 'zuzhiyuan', 'demo2026');
  await reloadUntilVisible(organizer, '/staff', (p) => p.getByRole('link', { name: '组织关系转接：周强 开具介绍信' }));
  await organizer.getByRole('link', { name: '组织关系转接：周强 开具介绍信' }).click();
  await organizer.getByRole('button', { name: '开具介绍信' }).click();
  await organizer.getByText('介绍信已开具。').waitFor();
  await organizer.getByRole('link', { name: '打印介绍信' }).click();
  await organizer.getByText('中国共产党党员组织关系介绍信（存根）').waitFor();
  await organizer.getByText('中国共产党党员组织关系介绍信', { exact: true }).waitFor();
  await organizer.getByText('〔2026〕第1号').first().waitFor();
  await organizer.getByText('该同志党费已交到2026年9月。').first().waitFor();
  expect(await organizer.getByText('（剪 裁 线）').count()).toBe(2);
});

test('the business branch accepts from its 待办 list; the person page of 周强 shows the transfer and the sender sees it received', async () => {
  await signInAsStaff(business, 'yewuyichu', 'demo2026');
  await reloadUntilVisible(business, '/staff', (p) => p.getByRole('link', { name: '组织关系转接：周强 报到接收' }));
  await business.getByRole('link', { name: '组织关系转接：周强 报到接收' }).click();
  await business.getByRole('button', { name: '确认接收' }).click();
  await business.getByText('已接收，该同志已转入本支部。').waitFor();
  await business.goto(transferPath);
  await business.getByRole('link', { name: '周强' }).first().click();
  await business.getByText(/由中共示例市数据管理局办公室支部委员会转往中共示例市数据管理局业务一处支部委员会/).waitFor();
  await office.goto('/staff/transfers');
  await office.getByRole('cell', { name: '已接收' }).waitFor();
});
