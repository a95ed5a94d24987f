import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { demoPerson } from '../../infra/local/seed-data';
import { jumpVirtualClock, reloadUntilVisible, signInAsStaff } from '../support/browser';
import { startBrowserRuntime, type BrowserRuntime } from '../support/browser-runtime';
import { openCaseStep, startNextCaseStage, submitCaseStep } from '../support/development-pages';

// Acceptance (issue 13, item 10): a case is ended mid-stage (终止发展) while the higher committee's pre-review link is
// pending: the secretary gives the reason, confirms on a second page, sees the ending in the file and the archive; the
// approver's link then says the case was ended and offers nothing to decide. Against `npm start`'s program, in Chromium.
// The case is opened with past dates (application a year ago) so stage IV is reached without a year of virtual time.

const SCREENSHOT_DIR = join(tmpdir(), 'dangjian-browser-screenshots');
const person = demoPerson('office-04'); // 杨帆, applicant since 2025-09-03
const REASON = '本人已于 2026年10月 调往示例市财政局工作，组织关系随转。';

let runtime: BrowserRuntime;
let secretary: Page;
let organizer: Page;
let approver: Page;
let caseId: string;
let approvalPath: string;

const casePath = () => `/staff/cases/${caseId}`;

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  runtime = await startBrowserRuntime(); // Wednesday 23 Sep 2026, 09:00 China time
  secretary = await runtime.newPage();
  organizer = await runtime.newPage();
  approver = await runtime.newPage();
}, 90_000);

afterAll(async () => {
  await runtime?.stop();
});

test('the case reaches the pre-review: the approval link is pending', async () => {
  await signInAsStaff(secretary, 'bangongshi', 'demo2026');
  await secretary.goto('/staff/cases');
  await secretary.getByLabel('入党申请人').selectOption(person.id);
  await secretary.getByLabel('收到入党申请书日期').fill('2025-09-03');
  await secretary.getByRole('button', { name: '建立案件' }).click();
  await secretary.getByText('案件已建立，第一阶段已开始。').waitFor();
  caseId = /\/staff\/cases\/([^/?]+)/.exec(secretary.url())![1];
  await openCaseStep(secretary, casePath(), '派人谈话');
  await submitCaseStep(secretary, { 谈话日期: '2025-09-10', '谈话人（姓名、职务）': '黄丽 支部书记', 谈话内容: '了解入党动机。' });

  await startNextCaseStage(secretary, casePath(), 2);
  await openCaseStep(secretary, casePath(), '推荐和确定入党积极分子');
  await submitCaseStep(
    secretary,
    { 确定入党积极分子日期: '2025-09-20', 党员推荐票数: '3', 群团组织推优票数: '1', 研究决定情况: '支部委员会研究，同意确定为入党积极分子。' },
    { selects: { 决定机构: '支部委员会' } },
  );
  await reloadUntilVisible(secretary, '/', (p) => p.getByRole('link', { name: new RegExp(`${person.name}.*入党积极分子`) }), 30_000);
  await jumpVirtualClock(await runtime.adminPage(), '2026-10-01T00:05');
  await openCaseStep(secretary, casePath(), '指定培养联系人');
  await submitCaseStep(secretary, { 指定日期: '2026-10-01' }, { selects: { '第 1 人': '黄丽（正式党员）' } });

  await startNextCaseStage(secretary, casePath(), 3);
  await openCaseStep(secretary, casePath(), '确定发展对象');
  await submitCaseStep(secretary, {
    确定发展对象日期: '2026-10-01', 党小组意见: '同意。', 培养联系人意见: '同意。', 党员和群众意见: '普遍认可。', 支部委员会研究决定情况: '同意列为发展对象。',
  });
  await reloadUntilVisible(secretary, '/', (p) => p.getByRole('link', { name: new RegExp(`${person.name}.*发展对象`) }), 30_000);
  await jumpVirtualClock(await runtime.adminPage(), '2026-10-20T09:00');
  await openCaseStep(secretary, casePath(), '确定入党介绍人');
  await submitCaseStep(secretary, { 确定日期: '2026-10-20' }, { selects: { '第 1 人': '黄丽（正式党员）', '第 2 人': '周强（正式党员）' } });
  await signInAsStaff(organizer, 'zuzhiyuan', 'demo2026');
  await openCaseStep(organizer, casePath(), '进行政治审查');
  await submitCaseStep(organizer, { 政治审查日期: '2026-10-20', '政治审查综合材料（书面结论）': '政治历史清楚。' }, { selects: { 政审结论: '合格' } });
  await openCaseStep(organizer, casePath(), '开展集中培训');
  await submitCaseStep(organizer, { 培训开始日期: '2026-10-12', 培训结束日期: '2026-10-14', 培训天数: '3', 培训学时: '24', 举办单位: '机关党委' });

  await startNextCaseStage(secretary, casePath(), 4);
  await openCaseStep(secretary, casePath(), '支部委员会审查');
  await submitCaseStep(secretary, { 支部委员会审查日期: '2026-10-20', 审查意见: '同意报上级党委预审。' });
  const mail = (p: Page) => p.locator('article.mail', { has: p.getByRole('heading', { name: new RegExp(`^【审批】.*${person.name}`) }) });
  const outbox = await runtime.adminPage(); // the outbox holds every approval link: administrators only
  await reloadUntilVisible(outbox, '/dev/outbox', mail, 30_000);
  approvalPath = new URL((await mail(outbox).first().locator('a[href*="/approvals/"]').first().getAttribute('href'))!).pathname;
  await approver.goto(approvalPath);
  await approver.getByRole('button', { name: '同意', exact: true }).waitFor();
}, 300_000);

test('the secretary ends the case: the reason, a confirmation page, then the ending in the file', async () => {
  await secretary.goto(casePath());
  await secretary.getByRole('link', { name: /^终止发展/ }).click();
  await secretary.getByRole('heading', { name: `终止发展：${person.name}` }).waitFor();
  await secretary.getByLabel('调离或离开本单位').check();
  await secretary.getByLabel(/^具体情况/).fill(REASON);
  await secretary.getByRole('button', { name: '下一步：核对并确认' }).click();
  await secretary.getByText('请核对：终止后不能恢复。').waitFor();
  await secretary.screenshot({ path: join(SCREENSHOT_DIR, 'development-ending-confirm.png'), fullPage: true });
  const confirm = await secretary.locator('main').innerText();
  expect(confirm).toContain('调离或离开本单位');
  expect(confirm).toContain(REASON);
  await secretary.getByRole('button', { name: '确认终止' }).click();
  await secretary.getByText('案件已终止，终止原因已记入全程纪实。').waitFor();
  await secretary.screenshot({ path: join(SCREENSHOT_DIR, 'development-ending-file.png'), fullPage: true });
  const file = await secretary.locator('main').innerText();
  expect(file).toMatch(/状态\s*已终止发展/);
  expect(file).toContain('调离或离开本单位');
  expect(file).toContain(REASON);
  expect(file).not.toContain('待办理');
  expect(file).toMatch(/已撤销（案件已终止）/);

  await secretary.goto(`${casePath()}/archive`);
  await secretary.screenshot({ path: join(SCREENSHOT_DIR, 'development-ending-archive.png'), fullPage: true });
  const archive = await secretary.locator('article.print-page').innerText();
  expect(archive).toContain('三、终止发展');
  expect(archive).toContain(REASON);
  await secretary.goto(`/staff/people/${person.id}`);
  await expect(secretary.locator('main').innerText()).resolves.toContain('已终止发展');
}, 90_000);

test('the approver opens the pre-review link afterwards: the case was ended, nothing to decide', async () => {
  await approver.goto(approvalPath);
  await approver.getByRole('heading', { name: '此审批事项已撤销' }).waitFor();
  await approver.screenshot({ path: join(SCREENSHOT_DIR, 'development-ending-approval-link.png'), fullPage: true });
  const text = await approver.locator('main').innerText();
  expect(text).toContain(`${person.name}的发展党员案件已终止（调离或离开本单位）`);
  expect(await approver.getByRole('button').count()).toBe(0);
});
