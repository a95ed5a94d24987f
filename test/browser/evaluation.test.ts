import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { approveFromOutbox, jumpVirtualClock, reloadUntilVisible, signInAsStaff } from '../support/browser';
import { startBrowserRuntime, type BrowserRuntime } from '../support/browser-runtime';

// Acceptance (issue 18): the annual democratic evaluation (民主评议党员) of the demo office branch, in Chromium against
// `npm start`'s program. Branch staff start it, print the code slips; three raters rate on a phone with the codes of
// the slips; the proposal and the general meeting; the higher committee approves from the link in the outbox; the
// grades are posted as an internal notice, the notice period passes on the virtual clock, the grades go to the
// members' records and the improvement talk is recorded. Steps of one story, in order.

const ORG = '中共示例市数据管理局办公室支部委员会';
const SCREENSHOT_DIR = join(tmpdir(), 'dangjian-browser-screenshots');
const PHONE = { width: 390, height: 844 };
let runtime: BrowserRuntime;
let staff: Page;
let approver: Page;
let evaluationPath = '';
let codes: string[] = [];

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  runtime = await startBrowserRuntime(); // Wednesday 23 Sep 2026, 09:00 China time
  staff = await runtime.newPage();
  approver = await runtime.newPage();
}, 90_000);

afterEach(async () => runtime?.expectAccessible());

afterAll(async () => {
  await runtime?.stop();
});

/** Waits on the evaluation's file for the form of `step` (the workflow opens it in the background). */
async function waitForStep(label: string): Promise<void> {
  await reloadUntilVisible(staff, evaluationPath, (page) => page.getByRole('heading', { name: `办理：${label}` }), 30_000);
}

/** The page's main text has no English words, raw keys or ISO timestamps. */
async function expectChinese(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:|\b(excellent|qualified|basic|unqualified|member|mass|undefined|null|rating|proposal|follow-up)\b/);
}

test('branch staff start the year\'s evaluation, record the plan and close the self-evaluations', async () => {
  await signInAsStaff(staff, 'bangongshi', 'demo2026');
  await staff.getByRole('link', { name: '民主评议' }).first().click();
  await staff.getByRole('heading', { name: '2025年度民主评议党员' }).waitFor();
  const row = staff.locator('tr', { hasText: ORG });
  await row.getByRole('button', { name: '开始评议' }).click();
  await staff.getByText('民主评议已开始。').waitFor();
  evaluationPath = new URL(staff.url()).pathname;
  const facts = await staff.locator('dl.facts').innerText();
  expect(facts).toContain('何芳（出国出境半年以上）');
  await expectChinese(staff);

  await waitForStep('制定方案、学习教育');
  await staff.getByLabel('学习教育日期').fill('2026-09-23');
  await staff.getByLabel(/评议方案要点/).fill('结合组织生活会开展民主评议，9 月 23 日集中学习。');
  await staff.getByRole('button', { name: '提交方案' }).click();
  await staff.getByText('已提交。').waitFor();

  await waitForStep('个人自评');
  await staff.getByLabel('党员').selectOption({ label: '黄丽' });
  await staff.getByLabel('自评内容').fill('认真履行党员义务，按时参加组织生活。');
  await staff.getByRole('button', { name: '登记自评' }).click();
  await staff.getByText('个人自评已登记。').waitFor();
  await staff.getByRole('button', { name: '结束自评收集' }).click();
  await staff.getByText(/尚未收到 .* 的个人自评/).first().waitFor(); // refused without the confirmation
  await staff.getByLabel('确认结束自评收集').check();
  await staff.getByRole('button', { name: '结束自评收集' }).click();
  await staff.getByText('已提交。').waitFor();
}, 120_000);

test('three codes are issued; the slips print page shows each code with its QR code', async () => {
  await waitForStep('民主评议');
  await staff.getByLabel('发放数量').fill('3');
  await staff.getByRole('button', { name: '生成评议码' }).click();
  await staff.getByText('评议码已生成，请打印纸条后随机发放。').waitFor();
  expect(await staff.locator('main').innerText()).toContain('已发放评议码：党员 3 个');

  const slips = await runtime.newPage();
  await signInAsStaff(slips, 'bangongshi', 'demo2026');
  await slips.goto(`${evaluationPath}/slips`);
  expect(await slips.locator('div.slip').count()).toBe(3);
  expect(await slips.locator('div.slip svg').count()).toBe(3);
  codes = (await slips.locator('.slip-code').allInnerTexts()).map((c) => c.trim());
  expect(codes).toHaveLength(3);
  for (const code of codes) expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  const slip = await slips.locator('div.slip').first().innerText();
  expect(slip).toContain(`${ORG}2025年度民主评议党员（党员评议）`);
  expect(slip).toContain('/rate');
  expect(slip).toMatch(/有效期至 \d{4}-\d\d-\d\d，只能使用一次/);
  await expectChinese(slips);
  await slips.screenshot({ path: join(SCREENSHOT_DIR, 'evaluation-slips.png'), fullPage: true });
  await slips.close();
}, 60_000);

/** A rater on a phone: the address of the slip, the code typed in, a grade for every member, confirmed. */
async function rateOnPhone(code: string, grades: Record<string, string>, index: number): Promise<void> {
  const phone = await runtime.newPage(PHONE);
  await phone.goto('/rate');
  await phone.getByLabel('评议码').fill(code.toLowerCase());
  await phone.getByRole('button', { name: '开始评议' }).click();
  await phone.getByRole('heading', { name: `${ORG}2025年度民主评议党员` }).waitFor();
  // The page fits the phone: nothing wider than the screen.
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await expectChinese(phone);
  if (index === 0) {
    await phone.screenshot({ path: join(SCREENSHOT_DIR, 'evaluation-rate-phone.png'), fullPage: true });
    // Confirming with a member left out is refused; the code is not spent.
    await phone.locator('form').evaluate((form: HTMLFormElement) => form.setAttribute('novalidate', ''));
    await phone.getByRole('button', { name: '确认提交' }).click();
    await phone.getByText('还有党员没有选择等次，请补选后再提交。').waitFor();
    await phone.screenshot({ path: join(SCREENSHOT_DIR, 'evaluation-rate-phone-missing.png'), fullPage: true });
  }
  for (const [name, grade] of Object.entries(grades)) {
    await phone.getByRole('group', { name: new RegExp(`^${name}`) }).getByLabel(grade, { exact: true }).check();
  }
  await phone.getByRole('button', { name: '确认提交' }).click();
  await phone.getByRole('heading', { name: '评议已提交' }).waitFor();
  if (index === 0) await phone.screenshot({ path: join(SCREENSHOT_DIR, 'evaluation-rate-phone-done.png'), fullPage: true });
  // The code is spent: a second try is told so and rates nothing.
  await phone.goto(`/rate?code=${code}`);
  await phone.getByText('此评议码已经使用过，每个评议码只能评议一次。').waitFor();
  await phone.close();
}

test('three raters rate on a phone with the codes of the slips; each code rates once', async () => {
  const grades = { 黄丽: '优秀', 周强: '合格', 陈静: '合格', 高远: '基本合格' };
  for (const [index, code] of codes.entries()) await rateOnPhone(code, grades, index);
  await staff.goto(evaluationPath);
  const main = await staff.locator('main').innerText();
  expect(main).toContain('已收回网上评议：党员 3 份');
  expect(main).toMatch(/黄丽\s+3（100%）/);
  await staff.getByRole('button', { name: '结束民主评议' }).click();
  await staff.getByText('已提交。').waitFor();
}, 120_000);

test('the branch committee proposes, the general meeting adopts; the higher committee approves from the outbox link', async () => {
  await waitForStep('支部委员会提出评定意见');
  expect(await staff.getByLabel('高远的评定等次').inputValue()).toBe('basic'); // the majority, proposed
  await staff.getByRole('button', { name: '提交评定意见' }).click();
  await staff.getByText('已提交。').waitFor();

  await waitForStep('支部大会审议');
  await staff.getByLabel('支部大会日期').fill('2026-09-23');
  await staff.getByLabel('实到会有表决权的正式党员').fill('2');
  await staff.getByLabel('赞成票').fill('2');
  await staff.getByRole('button', { name: '提交表决结果' }).click();
  await staff.getByText('已提交。').waitFor().catch(async (error: Error) => {
    throw new Error(`${error.message}\n${await staff.locator('main').innerText()}`);
  });
  await staff.screenshot({ path: join(SCREENSHOT_DIR, 'evaluation-file-meeting.png'), fullPage: true });

  await approveFromOutbox(await runtime.adminPage(), approver, '民主评议党员定档结果', '2026-09-24');
  await reloadUntilVisible(staff, evaluationPath, (page) => page.getByRole('link', { name: '查看定档结果公示' }), 30_000);
}, 120_000);

test('the grades are posted on the internal board; after 5 working days they are on the members\' records, and the talk is recorded', async () => {
  await staff.getByRole('link', { name: '查看定档结果公示' }).click();
  await staff.getByText('本组织内部（不在公示栏公开）').waitFor();
  const notice = await staff.locator('main').innerText();
  expect(notice).toContain('黄丽：优秀');
  expect(notice).toContain('高远：基本合格');
  await expectChinese(staff);
  await staff.screenshot({ path: join(SCREENSHOT_DIR, 'evaluation-grades-notice.png'), fullPage: true });
  const board = await runtime.newPage();
  await board.goto('/');
  expect(await board.locator('body').innerText()).not.toContain('定档结果公示'); // internal: not on the public board
  await board.close();

  await jumpVirtualClock(await runtime.adminPage(), '2026-10-10T00:05'); // past 5 working days (the National Day holiday between)
  await waitForStep('组织处置');
  const file = await staff.locator('main').innerText();
  expect(file).toContain('谈心谈话');
  await staff.goto('/staff/people/p-demo-office-05'); // 黄丽
  expect(await staff.locator('main').innerText()).toMatch(/2025\s*年度?.*优秀|优秀/);
  await staff.goto(evaluationPath);
  await staff.screenshot({ path: join(SCREENSHOT_DIR, 'evaluation-file-follow-up.png'), fullPage: true });

  // The improvement talk with 高远 (基本合格), recorded on its own; then the follow-up step asks nothing more.
  await staff.getByLabel('谈话日期').first().waitFor();
  const talk = staff.locator('form', { has: staff.getByRole('button', { name: '登记谈心谈话' }) });
  await talk.getByLabel('谈话日期').fill('2026-10-09');
  await talk.getByLabel('谈话人（姓名、职务）').fill('黄丽 支部书记');
  await talk.getByLabel('谈话情况').fill('指出参加学习不够经常，约定每月交流一次。');
  await talk.getByRole('button', { name: '登记谈心谈话' }).click();
  await staff.getByText('谈心谈话已登记。').waitFor();
  expect(await staff.locator('main').innerText()).toContain('已于 2026-10-09 谈话（谈话人：黄丽 支部书记；指出参加学习不够经常');
  await staff.screenshot({ path: join(SCREENSHOT_DIR, 'evaluation-file-talk.png'), fullPage: true });
  await staff.getByRole('button', { name: '提交组织处置结果' }).click();
  await staff.getByText('已提交。').waitFor();
  await reloadUntilVisible(staff, evaluationPath, (page) => page.getByText('已完成'), 30_000);
  await staff.getByRole('link', { name: '打印全程纪实（归档）' }).click();
  expect(await staff.locator('article.print-page').innerText()).toContain('谈话人：黄丽 支部书记');
}, 120_000);
