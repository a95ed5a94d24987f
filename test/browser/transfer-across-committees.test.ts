import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { demoPerson } from '../../infra/local/seed-data';
import { DEMO_HISTORY_CASE_ID } from '../../infra/local/seed-history';
import { reloadUntilVisible, signInAsStaff } from '../support/browser';
import { startBrowserRuntime, type BrowserRuntime } from '../support/browser-runtime';
import { openCaseStep, startNextCaseStage, submitCaseStep } from '../support/development-pages';

// A transfer across committees with the development case moving (issue 15), in Chromium against `npm start`'s program
// with its demo: 刘洋 of the office branch (数据管理局机关党委) is a development target, her case built with its history
// (activist 15 April 2025, development target 16 April 2026, stage III done). The office branch transfers her to the
// 预算处 branch of another committee (财政局机关党委); the first committee's organizer issues the letter, which states her
// case; the 预算处 branch accepts from its 待办 list, the file shows the handover with her dates unchanged, and the new
// branch records her next step (stage IV, 支部委员会审查), whose pre-review goes to its own committee. Steps of one story.

const person = demoPerson('office-02'); // 刘洋, development target
const casePath = `/staff/cases/${DEMO_HISTORY_CASE_ID}`;
const shots = join(tmpdir(), 'dangjian-transfer-shots');
let runtime: BrowserRuntime;
let office: Page;
let organizer: Page;
let budget: Page;

const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  runtime = await startBrowserRuntime({ demo: true }); // Wednesday 23 Sep 2026, 09:00 China time
  office = await runtime.newPage();
  organizer = await runtime.newPage();
  budget = await runtime.newPage();
}, 180_000);

afterEach(async () => runtime.expectAccessible());

afterAll(async () => {
  await runtime?.stop();
});

test('the office branch sees 刘洋 a development target with her history, and asks for her to go to the 预算处 branch', async () => {
  await signInAsStaff(office, 'bangongshi', 'demo2026');
  await office.goto(casePath);
  await office.getByRole('heading', { name: '刘洋：发展党员全程纪实' }).waitFor();
  await office.getByRole('button', { name: '开始第4阶段' }).waitFor();
  await shot(office, '1-office-case');

  await office.goto('/staff/transfers/new');
  await office.getByRole('button', { name: '列出该支部人员' }).click();
  await office.getByLabel(`${person.name}（发展对象）`).check();
  await office.getByLabel('转入组织（系统内）').selectOption({ label: '中共示例市财政局预算处支部委员会' });
  await office.getByLabel(/转接原因/).fill('工作调动');
  await office.getByLabel(/离开原单位日期/).fill('2026-09-22');
  await office.getByLabel(/党费交至/).fill('2026-09');
  await office.getByRole('button', { name: '提交转接申请' }).click();
  await office.getByText('转接申请已提交，已通知上级党委开具介绍信。').waitFor();
}, 90_000);

test('the organizer issues the letter from the 待办 list; the letter states her case and its dates', async () => {
  await signInAsStaff(organizer, 'zuzhiyuan', 'demo2026');
  const task = (p: Page) => p.getByRole('link', { name: `组织关系转接：${person.name} 开具介绍信` });
  await reloadUntilVisible(organizer, '/staff', task);
  await task(organizer).click();
  await organizer.getByRole('button', { name: '开具介绍信' }).click();
  await organizer.getByText('介绍信已开具。').waitFor();
  await organizer.getByRole('link', { name: '打印介绍信' }).click();
  const letter = organizer.locator('article.transfer-letter');
  await letter.getByText('刘洋同志（女，29岁，汉族）系发展对象').waitFor();
  await letter.getByText('该同志2025年3月10日递交入党申请书，2025年4月15日确定为入党积极分子，2026年4月16日确定为发展对象；发展党员工作已完成第三阶段').waitFor();
  await letter.getByText('发展党员材料随本介绍信转交').waitFor();
  await letter.getByText('刘洋同志的组织关系及发展党员材料已转达我处').waitFor();
  await organizer.getByRole('link', { name: '打印发展党员材料（随介绍信转交）' }).waitFor();
  await shot(organizer, '2-letter');
}, 90_000);

test('the 预算处 branch accepts from its 待办 list; the file shows the handover, her dates unchanged; it records her next step', async () => {
  await signInAsStaff(budget, 'yusuanchu', 'demo2026');
  const task = (p: Page) => p.getByRole('link', { name: `组织关系转接：${person.name} 报到接收` });
  await reloadUntilVisible(budget, '/staff', task);
  await task(budget).click();
  await budget.getByRole('button', { name: '确认接收' }).click();
  await budget.getByText('已接收，该同志已转入本支部。').waitFor();
  await budget.getByRole('link', { name: '已随转接移交接收支部' }).click();
  await budget.getByText('发展党员材料随组织关系移交').first().waitFor();
  // The file's facts: the handover, and her cultivation and decision dates as recorded at the office branch.
  const facts = budget.locator('dl.facts').first();
  await facts.getByText('由中共示例市数据管理局办公室支部委员会移交中共示例市财政局预算处支部委员会').waitFor();
  expect(await facts.innerText()).toMatch(/确定积极分子日期\s+2025-04-15\s+确定发展对象日期\s+2026-04-16/);
  await shot(budget, '3-budget-case-after-handover');

  await startNextCaseStage(budget, casePath, 4);
  await openCaseStep(budget, casePath, '支部委员会审查');
  await submitCaseStep(budget, { 支部委员会审查日期: '2026-09-23', 审查意见: '经支部委员会审查，该同志具备党员条件，同意报上级党委预审。' });
  await budget.goto(casePath);
  await budget.getByText('经支部委员会审查，该同志具备党员条件，同意报上级党委预审。').first().waitFor();
  await shot(budget, '4-budget-case-next-step');
  // The office branch no longer reaches the case.
  const response = await office.goto(casePath);
  expect(response?.status()).toBe(403);
}, 120_000);
