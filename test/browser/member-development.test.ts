import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { demoPerson } from '../../infra/local/seed-data';
import { approveFromOutbox, jumpVirtualClock, reloadUntilVisible, signInAsStaff } from '../support/browser';
import { startBrowserRuntime, type BrowserRuntime } from '../support/browser-runtime';
import { fieldByLabel, openCaseStep, startNextCaseStage, submitCaseStep } from '../support/development-pages';

// Acceptance (issue 5): a branch secretary takes a person from application to probationary member through the forms,
// on the virtual clock; the higher committee's steps are done by its organizer, the approvals from the outbox links;
// one objection is filed on the public notice and handled by staff. Against `npm start`'s program, in Chromium.
// The tests below are steps of one story and run in order.

const SCREENSHOT_DIR = join(tmpdir(), 'dangjian-browser-screenshots');
const person = demoPerson('office-04'); // 杨帆, applicant
const OBJECTION_TEXT = '该同志上班经常迟到，请组织核实。';

let runtime: BrowserRuntime;
let secretary: Page;
let organizer: Page;
let visitor: Page;
let caseId: string;

const casePath = () => `/staff/cases/${caseId}`;

const openStep = (page: Page, label: string) => openCaseStep(page, casePath(), label);
const field = fieldByLabel;
const submitStep = submitCaseStep;
const startNextStage = (page: Page, stage: number) => startNextCaseStage(page, casePath(), stage);

/** The stage's workflow publishes the notice after the step is recorded: wait for it on the board before time jumps past it. */
async function waitForNotice(page: Page, kind: string): Promise<void> {
  await reloadUntilVisible(page, '/', (p) => p.getByRole('link', { name: new RegExp(`${person.name}.*${kind}`) }), 30_000);
}

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  runtime = await startBrowserRuntime(); // Wednesday 23 Sep 2026, 09:00 China time
  secretary = await runtime.newPage();
  organizer = await runtime.newPage();
  visitor = await runtime.newPage();
}, 90_000);

afterEach(async () => runtime?.expectAccessible());

afterAll(async () => {
  await runtime?.stop();
});

test('stage I: the secretary opens the case from the dashboard and records the talk', async () => {
  await signInAsStaff(secretary, 'bangongshi', 'demo2026');
  await secretary.getByRole('navigation', { name: '工作人员导航' }).getByRole('link', { name: '发展党员' }).click();
  await secretary.getByRole('heading', { name: /^发展党员工作台/ }).waitFor();
  await secretary.getByRole('link', { name: '案件列表和新建案件' }).click();
  await secretary.getByLabel('入党申请人').selectOption(person.id);
  await secretary.getByLabel('收到入党申请书日期').fill('2026-09-23');
  await secretary.getByRole('button', { name: '建立案件' }).click();
  await secretary.getByText('案件已建立，第一阶段已开始。').waitFor();
  caseId = /\/staff\/cases\/([^/?]+)/.exec(secretary.url())![1];

  await openStep(secretary, '派人谈话');
  await expect(secretary.locator('.rules').innerText()).resolves.toContain('即 2026-10-23 前派人谈话');
  await secretary.screenshot({ path: join(SCREENSHOT_DIR, 'development-talk.png'), fullPage: true });
  await submitStep(secretary, { 谈话日期: '2026-09-23', '谈话人（姓名、职务）': '黄丽 支部书记', 谈话内容: '了解入党动机，提出努力方向。' });
}, 90_000);

test('stage II: the activist decision is published; a visitor objects; staff record 不属实 after the end', async () => {
  await startNextStage(secretary, 2);
  await openStep(secretary, '推荐和确定入党积极分子');
  await submitStep(
    secretary,
    { 确定入党积极分子日期: '2026-09-23', 党员推荐票数: '3', 群团组织推优票数: '1', 研究决定情况: '支部委员会研究，同意确定为入党积极分子。' },
    { selects: { 决定机构: '支部委员会' } },
  );

  const title = (p: Page) => p.getByRole('link', { name: new RegExp(`${person.name}.*入党积极分子`) });
  await reloadUntilVisible(visitor, '/', title, 30_000);
  await title(visitor).first().click();
  await visitor.getByLabel('异议内容').fill(OBJECTION_TEXT);
  await visitor.getByRole('button', { name: '提交意见' }).click();
  await visitor.getByText('您的意见已收到').waitFor();

  await jumpVirtualClock(await runtime.adminPage(), '2026-10-01T00:05'); // 5 working days: 23, 24, 28, 29, 30 Sep
  const task = (p: Page) => p.getByRole('link', { name: new RegExp(`^公示异议处理：${person.name}`) });
  await reloadUntilVisible(secretary, '/staff', task, 30_000);
  await task(secretary).click();
  const objection = secretary.locator('section.objection');
  await expect(objection.locator('blockquote').innerText()).resolves.toBe(OBJECTION_TEXT);
  await objection.getByLabel('不属实').check();
  await objection.getByLabel('调查情况说明').fill('经查考勤记录，该同志近一年无迟到记录，反映不属实。');
  await secretary.getByRole('button', { name: '提交调查结论' }).click();
  await secretary.getByText(/调查结论已记录/).waitFor();
}, 120_000);

test('stage II: cultivation contact and an evaluation; stage III is refused before the year is up, with its date', async () => {
  await openStep(secretary, '指定培养联系人');
  await submitStep(secretary, { 指定日期: '2026-10-01' }, { selects: { '第 1 人': '黄丽（正式党员）' } });
  await secretary.goto(casePath());
  await secretary.getByRole('link', { name: '登记：培养教育考察' }).click();
  await submitStep(secretary, { 考察日期: '2026-10-01', 考察意见: '学习认真，工作积极。' });

  await secretary.goto(`/staff/development`);
  await secretary.screenshot({ path: join(SCREENSHOT_DIR, 'development-dashboard.png'), fullPage: true });
  const button = (p: Page) => p.getByRole('button', { name: '开始第3阶段' });
  await reloadUntilVisible(secretary, casePath(), button, 30_000);
  await button(secretary).click();
  await expect(secretary.getByRole('alert').first().innerText()).resolves.toContain('第3阶段须在 2026-09-23 以后开始'.replace('2026-09-23', '2027-09-23'));
}, 90_000);

test('stage III a year later: development target, sponsors; the organizer records political review and training', async () => {
  await jumpVirtualClock(await runtime.adminPage(), '2027-09-24T09:00');
  await startNextStage(secretary, 3);
  await openStep(secretary, '确定发展对象');
  await expect(secretary.locator('.rules').innerText()).resolves.toContain('今天已满，可以确定为发展对象');
  await submitStep(secretary, {
    确定发展对象日期: '2027-09-24', 党小组意见: '同意。', 培养联系人意见: '同意。', 党员和群众意见: '普遍认可。', 支部委员会研究决定情况: '同意列为发展对象。',
  });
  await waitForNotice(visitor, '发展对象');
  await jumpVirtualClock(await runtime.adminPage(), '2027-10-01T00:05'); // the notice (no objection) ends; 2027 has no holiday calendar yet: weekends only
  await openStep(secretary, '确定入党介绍人');
  await expect(secretary.locator('.rules').innerText()).resolves.toContain('须为正式党员');
  // 高远 is under 留党察看: the form says so in the list, and the step is refused with the rule, nothing recorded.
  await field(secretary, '确定日期').fill('2027-10-01');
  await field(secretary, '第 1 人').selectOption({ label: '黄丽（正式党员）' });
  await field(secretary, '第 2 人').selectOption({ label: '高远（留党察看，不符合条件）' });
  await secretary.getByRole('button', { name: '提交' }).click();
  await expect(secretary.getByRole('alert').first().innerText()).resolves.toMatch(/不符合规定，未予登记[\s\S]*入党介绍人不能是受党纪处分/);
  await submitStep(secretary, { 确定日期: '2027-10-01' }, { selects: { '第 1 人': '黄丽（正式党员）', '第 2 人': '周强（正式党员）' } });

  await signInAsStaff(organizer, 'zuzhiyuan', 'demo2026');
  await openStep(organizer, '进行政治审查');
  await submitStep(organizer, { 政治审查日期: '2027-10-01', '政治审查综合材料（书面结论）': '政治历史清楚，现实表现良好。' }, { selects: { 政审结论: '合格' } });
  await openStep(organizer, '开展集中培训');
  await submitStep(organizer, { 培训开始日期: '2027-09-27', 培训结束日期: '2027-09-29', 培训天数: '3', 培训学时: '24', 举办单位: '机关党委' });
}, 180_000);

test('stage IV: pre-review and approval from the outbox links; the general meeting vote explained; probationary member', async () => {
  await startNextStage(secretary, 4);
  await openStep(secretary, '支部委员会审查');
  await submitStep(secretary, { 支部委员会审查日期: '2027-10-01', 审查意见: '符合条件，同意报上级党委预审。' });
  await approveFromOutbox(await runtime.adminPage(), organizer, person.name, '2027-10-01');

  await waitForNotice(visitor, '拟接收为中共预备党员');
  await jumpVirtualClock(await runtime.adminPage(), '2027-10-09T00:05'); // the admission notice has ended
  await openStep(secretary, '填写入党志愿书');
  await submitStep(secretary, { 填写入党志愿书日期: '2027-10-09' });
  await openStep(secretary, '支部大会讨论');
  await secretary.screenshot({ path: join(SCREENSHOT_DIR, 'development-general-meeting.png'), fullPage: true });
  const rules = await secretary.locator('.rules').innerText();
  expect(rules).toContain('应到会有表决权的正式党员 3 人');
  expect(rules).toContain('即至少 2 人');
  // Issue 13 item 1: a meeting without its quorum is no vote; a real failed vote is confirmed before it ends the stage.
  const meeting = { 支部大会日期: '2027-10-09', 不计入应到会人数的党员及原因: '无', 实到会有表决权的正式党员人数: '1', 会上赞成票数: '1', 讨论情况: '逐个讨论，无记名投票。' };
  for (const [label, value] of Object.entries(meeting)) await field(secretary, label).fill(value);
  await secretary.getByRole('checkbox', { name: '逐个讨论、逐个表决（无记名投票）' }).check();
  await secretary.getByRole('button', { name: '提交' }).click();
  await secretary.getByText('会议未达到法定人数，不能表决，请重新召开').waitFor();
  await secretary.screenshot({ path: join(SCREENSHOT_DIR, 'development-general-meeting-no-quorum.png'), fullPage: true });
  await expect(secretary.getByRole('checkbox', { name: '确认表决未通过，结束本阶段' }).count()).resolves.toBe(0);
  await field(secretary, '实到会有表决权的正式党员人数').fill('3');
  await secretary.getByRole('button', { name: '提交' }).click();
  await secretary.getByRole('checkbox', { name: '确认表决未通过，结束本阶段' }).waitFor();
  await expect(secretary.locator('.problems').innerText()).resolves.toContain('表决未通过将结束本阶段');
  await secretary.screenshot({ path: join(SCREENSHOT_DIR, 'development-general-meeting-confirm-failed.png'), fullPage: true });
  await secretary.goto(casePath()); // nothing was written: the step is still to do
  await openStep(secretary, '支部大会讨论');
  await submitStep(secretary, { ...meeting, 实到会有表决权的正式党员人数: '3', 会上赞成票数: '3' }, { checks: ['逐个讨论、逐个表决（无记名投票）'] });
  await openStep(organizer, '上级党委派人谈话');
  await submitStep(organizer, { 谈话日期: '2027-10-09', '谈话人（上级党委委员或组织员）': '王红 组织委员', 谈话情况: '入党动机端正。' });
  await approveFromOutbox(await runtime.adminPage(), organizer, `接收${person.name}`, '2027-10-09');

  const probation = (p: Page) => p.getByText('开始第5阶段');
  await reloadUntilVisible(secretary, casePath(), probation, 30_000);
  const file = await secretary.locator('main').innerText();
  expect(file).toContain('2028-10-09 起可以开始');
  expect(file).toContain('支部大会讨论');
  expect(file).toContain('超过应到会人数的半数，通过');
  expect(file).toContain(OBJECTION_TEXT);
  expect(file).toContain('经查考勤记录');
  expect(file).toMatch(/接收杨帆为中共预备党员：同意/);
  await secretary.goto(`/staff/people/${person.id}`);
  await expect(secretary.locator('main').innerText()).resolves.toMatch(/起：预备党员/);
}, 240_000);

test('the printable archive lists the steps and the notices', async () => {
  await secretary.screenshot({ path: join(SCREENSHOT_DIR, 'development-case-file.png'), fullPage: true });
  await secretary.goto(`${casePath()}/archive`);
  await secretary.screenshot({ path: join(SCREENSHOT_DIR, 'development-archive.png'), fullPage: true });
  const text = await secretary.locator('article.print-page').innerText();
  expect(text).toContain(`${person.name}同志发展党员全程纪实材料`);
  expect(text).toContain('支部大会讨论');
  expect(text).toContain('入党积极分子公示');
  expect(text).toContain('异议1：经调查不属实，继续推进');
});
