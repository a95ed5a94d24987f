import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { jumpVirtualClock, reloadUntilVisible, signInAsStaff } from '../support/browser';
import { startBrowserRuntime, type BrowserRuntime } from '../support/browser-runtime';

// Acceptance (issue 16, docs/domain/assessment.md): the party-building target assessment in Chromium against
// `npm start`'s program. The administrator drafts the data administration's 2027 scheme, edits 三会一课 and publishes;
// January 2027 opens on the virtual clock; the office branch reports on time, the business branch a working day
// late; the committee's organizer returns the office's report with a reason and scores the business branch's (its
// late mark and the deduction shown); at the review deadline the circular (通报) reaches the branches with the one
// score, the returned report and the general branch that never reported listed apart. Steps of one story, in order.

const COMMITTEE = 'demo-agency-committee';
const BOARD = `/staff/assessment/boards/${COMMITTEE}/2027`;
const REPORT = (orgId: string) => `/staff/assessment/reports/${COMMITTEE}/2027-M01/${orgId}`;
const OFFICE = 'demo-branch-office';
const BUSINESS = 'demo-branch-business-1';
const SCREENSHOT_DIR = join(tmpdir(), 'dangjian-browser-screenshots');
let runtime: BrowserRuntime;
let admin: Page;
let office: Page;
let business: Page;
let organizer: Page;

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  runtime = await startBrowserRuntime();
  office = await runtime.newPage();
  business = await runtime.newPage();
  organizer = await runtime.newPage();
}, 90_000);

afterEach(async () => runtime?.expectAccessible());

afterAll(async () => {
  await runtime?.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `assessment-${name}.png`), fullPage: true });
const main = async (page: Page) => page.locator('main').innerText();

/** Fills the report form of January's three monthly indicators and submits it. */
async function report(page: Page, meetings: string): Promise<void> {
  await page.getByLabel('次数').first().fill(meetings);
  await page.getByLabel('完成情况').nth(0).fill('1月8日支委会、1月15日党员大会、1月22日党课');
  await page.getByLabel('证明材料（文件名，每行一个）').nth(0).fill('会议记录.pdf\n签到表.jpg');
  await page.getByRole('radio', { name: '已完成' }).check();
  await page.getByLabel('完成情况').nth(1).fill('1月20日主题党日：重温入党誓词，到会 12 人');
  await page.getByLabel('次数').nth(1).fill('2');
  await page.getByLabel('完成情况').nth(2).fill('集中学习 2 次');
  await page.getByRole('button', { name: '报送' }).click();
  await page.getByText('报告已报送，等待审核。').waitFor();
}

test('the administrator drafts the 2027 scheme, edits 三会一课 and publishes it', async () => {
  admin = await runtime.adminPage();
  await admin.goto(BOARD);
  await admin.getByText('2027 年尚无考核方案，考核期不会开始。').waitFor();
  await admin.getByRole('link', { name: '考核方案' }).first().click();
  await admin.getByRole('button', { name: '新建草稿' }).click();
  await admin.getByRole('heading', { name: '第 1 版（草稿，尚未施行）' }).waitFor();
  expect(await main(admin)).toContain('共 24 项指标，合计 100 分。');

  const row = admin.locator('#indicator-I01');
  await row.getByLabel('分值').fill('8');
  await row.getByLabel('上报要求').fill('每月召开支委会、党员大会，每季度上党课，会议记录和签到表齐全。');
  await row.getByRole('button', { name: '保存' }).click();
  await admin.getByText('指标已保存。').waitFor();
  expect(await main(admin)).toContain('共 24 项指标，合计 102 分（合计不是 100 分，请核对各项分值）。');
  await shot(admin, 'scheme-draft');

  await admin.getByRole('button', { name: '发布' }).click(); // the confirmation is required
  expect(await admin.getByRole('heading', { name: '第 1 版（草稿，尚未施行）' }).isVisible()).toBe(true);
  await admin.getByRole('checkbox', { name: /确认发布第 1 版/ }).check();
  await admin.getByRole('button', { name: '发布' }).click();
  await admin.getByText('第 1 版已发布。').waitFor();
  expect(await main(admin)).toContain('第 1 版（已发布，自2027年1月起施行）');
  expect(await admin.locator('#indicator-I01').innerText()).toContain('每月召开支委会、党员大会，每季度上党课');
  await shot(admin, 'scheme-published');
}, 90_000);

test('January 2027 opens on the clock: the branches find their report in 待办', async () => {
  await jumpVirtualClock(admin, '2027-01-01T00:20');
  await signInAsStaff(office, 'bangongshi', 'demo2026');
  await reloadUntilVisible(office, '/staff', (page) => page.getByRole('link', { name: /党建考核：.*2027年1月报告/ }), 60_000);
  expect(await main(office)).toContain('2027-02-05 23:59');
  await shot(office, 'todo-report');
}, 120_000);

test('the office branch reports on time from its 待办', async () => {
  await jumpVirtualClock(admin, '2027-02-01T09:00');
  await office.goto('/staff');
  await office.getByRole('link', { name: /党建考核：.*2027年1月报告/ }).click();
  await office.getByRole('heading', { name: '报送考核报告' }).waitFor();
  expect(await main(office)).toContain('上报要求：每月召开支委会、党员大会，每季度上党课'); // the edited indicator
  expect(await main(office)).toContain('三会一课（8 分，');
  await shot(office, 'report-form');
  await report(office, '3');
  expect(await main(office)).toContain('待审核');
  expect(await office.locator('dl.facts').innerText()).not.toContain('逾期报送');
  await shot(office, 'report-submitted');
}, 90_000);

test('the business branch reports a working day late: marked late', async () => {
  await jumpVirtualClock(admin, '2027-02-08T09:00');
  await signInAsStaff(business, 'yewuyichu', 'demo2026');
  await business.getByRole('link', { name: /党建考核：.*2027年1月报告/ }).click();
  await report(business, '2');
  expect(await business.locator('dl.facts').innerText()).toContain('逾期报送（评分时扣 1 分）');
  await shot(business, 'report-late');
}, 90_000);

test('the committee returns the office report with a reason and scores the late one, the deduction shown', async () => {
  await signInAsStaff(organizer, 'zuzhiyuan', 'demo2026');
  expect(await organizer.getByRole('link', { name: /党建考核审核：/ }).count()).toBe(2);
  await organizer.goto(REPORT(OFFICE));
  await organizer.getByLabel('退回原因').fill('太短');
  await organizer.getByRole('button', { name: '退回' }).click();
  await organizer.getByText('退回须写明原因（至少 4 个字）').first().waitFor(); // refused, nothing written
  await organizer.getByLabel('退回原因').fill('请补充党课的主讲人和签到表');
  await organizer.getByRole('button', { name: '退回' }).click();
  await organizer.getByText('已退回修改。').waitFor();
  expect(await main(organizer)).toContain('请补充党课的主讲人和签到表');

  await organizer.goto(REPORT(BUSINESS));
  await organizer.getByText('该报告逾期报送，评分时将自动扣除 1 分。').waitFor();
  await shot(organizer, 'review-form');
  await organizer.getByLabel(/三会一课/).fill('4');
  await organizer.getByLabel(/主题党日/).fill('4');
  await organizer.getByLabel(/理论学习/).fill('6');
  await organizer.getByRole('button', { name: '确认评分' }).click();
  await organizer.getByText('已评分。').waitFor();
  const facts = await organizer.locator('dl.facts').innerText();
  expect(facts).toContain('逾期报送');
  expect(facts).toContain('13 分（满分 18 分，已扣逾期 1 分）');
  await shot(organizer, 'scored-late');

  await organizer.goto(BOARD);
  const board = await main(organizer);
  expect(board).toContain('已退回');
  expect(board).toContain('13 分');
  expect(board).toContain('待报送'); // the general branch
  await shot(organizer, 'board');

  await office.goto(REPORT(OFFICE));
  expect(await main(office)).toContain('请补充党课的主讲人和签到表');
  await office.getByRole('heading', { name: '报送考核报告' }).waitFor(); // it may report again
}, 120_000);

test('at the review deadline the circular reaches the branches: the score ranked, the reports not scored listed apart', async () => {
  await jumpVirtualClock(admin, '2027-02-13T00:20'); // the review deadline: the end of 12 February
  const title = '中共示例市数据管理局机关委员会2027年1月党建工作目标考核通报';
  await reloadUntilVisible(office, '/staff/notices', (page) => page.getByRole('link', { name: new RegExp(title) }), 60_000);
  await shot(office, 'notices');
  await office.getByRole('link', { name: new RegExp(title) }).first().click();
  const text = await main(office);
  expect(text).toContain('第 1 名　中共示例市数据管理局业务一处支部委员会　13 分（满分 18 分）');
  expect(text).toContain('二、逾期报送');
  expect(text).toContain('中共示例市数据管理局办公室支部委员会（退回 1 次）');
  expect(text).toContain('四、审核期限届满时尚未评分（不参加本期排名）');
  expect(text).toContain('中共示例市数据管理局业务总支部委员会（未报送）');
  await shot(office, 'circular');

  // The report page leads to it too, for the branch and for the committee.
  await organizer.goto(REPORT(BUSINESS));
  await organizer.getByRole('link', { name: '查看2027年1月考核通报' }).click();
  await organizer.getByRole('heading', { name: title }).waitFor();
  expect(await main(organizer)).toContain('第 1 名　中共示例市数据管理局业务一处支部委员会　13 分（满分 18 分）');
}, 120_000);
