import type { Page } from 'playwright-core';
import { demoPerson } from '../../infra/local/seed-data';
import { jumpVirtualClock, reloadUntilVisible, signInAsStaff } from '../support/browser';
import { startBrowserRuntime, type BrowserRuntime } from '../support/browser-runtime';
import { openCaseStep, startNextCaseStage, submitCaseStep } from '../support/development-pages';

// A transfer across committees with the development case moving (issue 15), in Chromium against `npm start`'s program:
// the office branch (数据管理局机关党委) takes 杨帆 to activist, then transfers him, mid-cultivation, to the 预算处 branch of
// another committee (财政局机关党委); the first committee's organizer issues the letter; the 预算处 branch accepts from
// its 待办 list and records the next entry of his case (培养教育考察). Steps of one story, in order.

const person = demoPerson('office-04'); // 杨帆, applicant
let runtime: BrowserRuntime;
let office: Page;
let organizer: Page;
let budget: Page;
let caseId = '';
const casePath = () => `/staff/cases/${caseId}`;

beforeAll(async () => {
  runtime = await startBrowserRuntime(); // Wednesday 23 Sep 2026, 09:00 China time
  office = await runtime.newPage();
  organizer = await runtime.newPage();
  budget = await runtime.newPage();
}, 90_000);

afterEach(async () => runtime?.expectAccessible());

afterAll(async () => {
  await runtime?.stop();
});

test('the office branch takes 杨帆 to activist (talk, decision, its notice over, a cultivation contact)', async () => {
  await signInAsStaff(office, 'bangongshi', 'demo2026');
  await office.goto('/staff/cases');
  await office.getByLabel('入党申请人').selectOption(person.id);
  await office.getByLabel('收到入党申请书日期').fill('2026-09-23');
  await office.getByRole('button', { name: '建立案件' }).click();
  await office.getByText('案件已建立，第一阶段已开始。').waitFor();
  caseId = /\/staff\/cases\/([^/?]+)/.exec(office.url())![1];
  await openCaseStep(office, casePath(), '派人谈话');
  await submitCaseStep(office, { 谈话日期: '2026-09-23', '谈话人（姓名、职务）': '黄丽 支部书记', 谈话内容: '了解入党动机。' });
  await startNextCaseStage(office, casePath(), 2);
  await openCaseStep(office, casePath(), '推荐和确定入党积极分子');
  await submitCaseStep(
    office,
    { 确定入党积极分子日期: '2026-09-23', 党员推荐票数: '3', 群团组织推优票数: '1', 研究决定情况: '支部委员会研究，同意确定为入党积极分子。' },
    { selects: { 决定机构: '支部委员会' } },
  );
  await reloadUntilVisible(office, '/', (p) => p.getByRole('link', { name: new RegExp(`${person.name}.*入党积极分子`) }), 30_000);
  await jumpVirtualClock(await runtime.adminPage(), '2026-10-01T00:05'); // 5 working days: 23, 24, 28, 29, 30 Sep
  await openCaseStep(office, casePath(), '指定培养联系人');
  await submitCaseStep(office, { 指定日期: '2026-10-01' }, { selects: { '第 1 人': '黄丽（正式党员）' } });
  await reloadUntilVisible(office, casePath(), (p) => p.getByRole('button', { name: '开始第3阶段' }), 30_000);
}, 180_000);

test('the office branch asks for 杨帆 to go to the 预算处 branch of the finance committee; the organizer issues the letter', async () => {
  await office.goto('/staff/transfers/new');
  await office.getByRole('button', { name: '列出该支部人员' }).click();
  await office.getByLabel('杨帆（入党积极分子）').check();
  await office.getByLabel('转入组织（系统内）').selectOption({ label: '中共示例市财政局预算处支部委员会' });
  await office.getByLabel(/转接原因/).fill('工作调动');
  await office.getByLabel(/离开原单位日期/).fill('2026-09-30');
  await office.getByLabel(/党费交至/).fill('2026-09');
  await office.getByRole('button', { name: '提交转接申请' }).click();
  await office.getByText('转接申请已提交，已通知上级党委开具介绍信。').waitFor();

  await signInAsStaff(organizer, 'zuzhiyuan', 'demo2026');
  const task = (p: Page) => p.getByRole('link', { name: '组织关系转接：杨帆 开具介绍信' });
  await reloadUntilVisible(organizer, '/staff', task);
  await task(organizer).click();
  await organizer.getByRole('button', { name: '开具介绍信' }).click();
  await organizer.getByText('介绍信已开具。').waitFor();
}, 90_000);

test('the 预算处 branch accepts from its 待办 list; the case is now its own and it records the next entry', async () => {
  await signInAsStaff(budget, 'yusuanchu', 'demo2026');
  const task = (p: Page) => p.getByRole('link', { name: '组织关系转接：杨帆 报到接收' });
  await reloadUntilVisible(budget, '/staff', task);
  await task(budget).click();
  await budget.getByRole('button', { name: '确认接收' }).click();
  await budget.getByText('已接收，该同志已转入本支部。').waitFor();
  await budget.getByRole('link', { name: '已随转接移交接收支部' }).click();
  await budget.getByText('发展党员材料随组织关系移交').first().waitFor();
  await budget.getByRole('link', { name: '登记：培养教育考察' }).click();
  await submitCaseStep(budget, { 考察日期: '2026-10-01', 考察意见: '到新单位后学习认真，工作积极。' });
  await budget.goto(casePath());
  await budget.getByText('到新单位后学习认真，工作积极。').first().waitFor();
  // The office branch no longer reaches the case.
  const response = await office.goto(casePath());
  expect(response?.status()).toBe(403);
}, 90_000);
