import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { demoPerson } from '../../infra/local/seed-data';
import { expectFocusedErrorSummary, jumpVirtualClock, reloadUntilVisible, signInAsStaff } from '../support/browser';
import { startBrowserRuntime, type BrowserRuntime } from '../support/browser-runtime';

// Acceptance: a visitor files an objection on the board; staff sign in, see the pending step, record the outcome;
// the notice closes. Everything goes through the pages in Chromium, against `npm start`'s program (main.ts).
// The tests below are steps of one story and run in order.

const SCREENSHOT_DIR = join(tmpdir(), 'dangjian-browser-screenshots');
const person = demoPerson('office-01');
const TITLE = `关于${person.name}同志拟确定为发展对象的公示`;
const OBJECTION_TEXT = '该同志曾在单位年度考核中被评为不称职，请组织核实。';
const OUTCOME_NOTE = '经查阅人事档案，该同志近三年年度考核均为称职，反映情况不属实。';

let runtime: BrowserRuntime;
let staff: Page;
let visitor: Page;
let noticeId: string;

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Wednesday 23 Sep 2026, 09:00 China time. 5 working days (25 Sep is 中秋节): 23, 24, 28, 29, 30 Sep.
  runtime = await startBrowserRuntime();
  staff = await runtime.newPage();
  visitor = await runtime.newPage();
}, 90_000);

afterEach(async () => runtime?.expectAccessible());

afterAll(async () => {
  await runtime?.stop();
});

test('staff sign in and publish a 5-working-day notice through 发布公示', async () => {
  await signInAsStaff(staff, 'bangongshi', 'demo2026');
  await staff.getByRole('navigation', { name: '工作人员导航' }).getByRole('link', { name: '发布公示' }).click();
  await staff.getByRole('heading', { name: '发布公示' }).waitFor();

  const personSelect = staff.getByLabel('公示对象');
  await expect(personSelect.locator(`option[value="${person.id}"]`).innerText()).resolves.toContain(person.name);
  await personSelect.selectOption(person.id);
  await staff.getByLabel('公示事项').selectOption({ label: '发展对象' });
  await expect(staff.getByLabel('公开（公示栏）').isChecked()).resolves.toBe(true);
  await staff.getByLabel('拟办事项').fill('拟确定为发展对象');
  await expect(staff.getByLabel('公示期计算方式').inputValue()).resolves.toBe('workingDays');
  await staff.getByLabel('公示期天数').fill('5');
  await staff.getByLabel('受理部门').fill('机关党委组织科（办公楼 305 室）');
  await staff.getByLabel('联系方式').fill('电话 010-65550305');
  await staff.getByRole('button', { name: '发布' }).click();

  await staff.getByText('公示已提交发布').waitFor();
  noticeId = new URL(staff.url()).searchParams.get('published')!;
  expect(noticeId).toBeTruthy();
  // The workflow creates the notice in the background: reload until the list has it.
  const row = (page: Page) => page.locator('tr', { has: page.getByRole('link', { name: person.name }) });
  await reloadUntilVisible(staff, '/staff/notices', row);
  await expect(row(staff).innerText()).resolves.toMatch(/发展对象[\s\S]*2026-09-30 23:59[\s\S]*公示中/);
}, 60_000);

test('a visitor reads the notice on the board: the facts it must show, nothing private', async () => {
  await visitor.goto('/');
  await expect(visitor.locator('main').innerText()).resolves.toContain('正在公示');
  await visitor.screenshot({ path: join(SCREENSHOT_DIR, 'board-open.png'), fullPage: true });
  await visitor.getByRole('link', { name: TITLE }).click();

  await visitor.getByRole('heading', { name: TITLE }).waitFor();
  const facts = visitor.locator('dl.facts').first();
  const fact = (term: string) => facts.locator(`dt:text-is("${term}") + dd`).innerText();
  await expect(fact('姓名')).resolves.toBe(person.name);
  await expect(fact('性别')).resolves.toBe(person.gender);
  await expect(fact('出生年月')).resolves.toBe('1995年3月');
  await expect(fact('公示事项')).resolves.toBe('发展对象');
  await expect(fact('公示期')).resolves.toContain('2026年9月23日至2026年9月30日');
  const text = await visitor.locator('body').innerText();
  expect(text).toContain('公示中');
  expect(text).toContain('截止时间');
  expect(text).toContain('2026-09-30 23:59');
  const html = await visitor.content();
  for (const secret of [person.idNumber, person.phone, person.address, person.email]) {
    expect(text).not.toContain(secret);
    expect(html).not.toContain(secret);
  }
  expect(text).not.toContain(person.birthDate);
});

test('an empty objection is refused with the field message and files nothing', async () => {
  await visitor.getByRole('button', { name: '提交意见' }).click();
  await expect(visitor.locator('.field-error').innerText()).resolves.toBe('请填写异议内容。');
  await expect(visitor.getByRole('alert').first().innerText()).resolves.toContain('异议内容：请填写异议内容。');
  await expectFocusedErrorSummary(visitor);
  await expect(visitor.getByLabel('异议内容').getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(visitor.getByRole('alert').getByRole('link', { name: /异议内容/ }).getAttribute('href')).resolves.toBe('#f-content');
  await expect(visitor.getByText('您的意见已收到').count()).resolves.toBe(0);
  await visitor.screenshot({ path: join(SCREENSHOT_DIR, 'notice-empty-objection.png'), fullPage: true });
  // Nothing was filed: staff still see no objection (the count is checked again at the end).
  await staff.goto(`/staff/notices/${noticeId}`);
  await expect(staff.getByRole('heading', { name: '异议（0 条）' }).isVisible()).resolves.toBe(true);
});

test('the visitor files an objection and sees the confirmation', async () => {
  await visitor.getByLabel('异议内容').fill(OBJECTION_TEXT);
  await visitor.getByLabel('姓名').fill('王群众');
  await visitor.getByLabel('联系方式').fill('13700000000');
  await visitor.getByRole('button', { name: '提交意见' }).click();
  await visitor.getByText('您的意见已收到，我们将认真核实。感谢您的监督！').waitFor();
  expect(new URL(visitor.url()).searchParams.get('objection')).toBe('received');
  await expect(visitor.locator('textarea[name="content"]').inputValue()).resolves.toBe('');
});

test('after the end staff see the pending step 公示异议处理 and record 不属实', async () => {
  await jumpVirtualClock(await runtime.adminPage(), '2026-10-01T00:05');
  const taskLink = (page: Page) => page.getByRole('link', { name: /^公示异议处理：张伟/ });
  await reloadUntilVisible(staff, '/staff', taskLink);
  await expect(taskLink(staff).innerText()).resolves.toBe(`公示异议处理：${person.name}（发展对象公示，1 条异议）`);
  await taskLink(staff).click();

  await staff.getByRole('heading', { name: /^公示异议处理：张伟/ }).waitFor();
  const objection = staff.locator('section.objection');
  await expect(objection.count()).resolves.toBe(1);
  await expect(objection.locator('blockquote').innerText()).resolves.toBe(OBJECTION_TEXT);
  await expect(objection.innerText()).resolves.toContain('署名：王群众');
  await objection.getByLabel('不属实').check();
  await objection.getByLabel('调查情况说明').fill(OUTCOME_NOTE);
  await staff.screenshot({ path: join(SCREENSHOT_DIR, 'objection-form.png'), fullPage: true });
  await staff.getByRole('button', { name: '提交调查结论' }).click();

  await staff.getByText('调查结论已记录：全部异议不属实，程序继续推进。').waitFor();
  expect(new URL(staff.url()).pathname).toBe(`/staff/notices/${noticeId}`);
}, 60_000);

test('the notice is closed with the result 继续推进, its file shows the objection and the outcome', async () => {
  await staff.goto(`/staff/notices/${noticeId}`);
  await expect(staff.locator('main .tag').first().innerText()).resolves.toBe('公示期满，继续推进');
  await expect(staff.getByRole('heading', { name: '异议（1 条）' }).isVisible()).resolves.toBe(true);
  const objection = staff.locator('section.objection');
  await expect(objection.innerText()).resolves.toMatch(new RegExp(`调查结论：[^\\n]*不属实[^\\n]*\\n[\\s\\S]*${OUTCOME_NOTE}[\\s\\S]*黄丽 于 2026-10-01`));
  await expect(staff.getByRole('heading', { name: '撤回公示' }).count()).resolves.toBe(0);

  const rows = await staff.locator('h2:text-is("全程纪实") + .table-wrap tbody tr').allInnerTexts();
  const actions = rows.map((row) => row.split('\t')[1]);
  expect(actions).toEqual(['发布公示', '收到异议', '公示期满', '生成待办', '记录异议调查结论']);
  expect(rows[1]).toContain('公众');
  const actors = rows.map((row) => row.split('\t')[2]);
  expect([actors[0], actors[4]]).toEqual(['黄丽', '黄丽']);
  expect(rows[4]).toMatch(/结果：继续推进[\s\S]*各异议结论：经调查不属实/);
  await staff.screenshot({ path: join(SCREENSHOT_DIR, 'staff-notice-closed.png'), fullPage: true });
});

test('the board lists the notice under ended notices, neutrally', async () => {
  await visitor.goto('/');
  await expect(visitor.getByText('目前没有正在公示的事项。').isVisible()).resolves.toBe(true);
  const ended = visitor.locator('h2:text-is("近 30 天已结束的公示") ~ article.notice-card');
  await expect(ended.count()).resolves.toBe(1);
  const card = await ended.innerText();
  expect(card).toContain(TITLE);
  expect(card).toContain('公示期满');
  expect(card).not.toContain('继续推进');
  await visitor.screenshot({ path: join(SCREENSHOT_DIR, 'board-ended.png'), fullPage: true });

  await visitor.getByRole('link', { name: TITLE }).click();
  await visitor.getByText('不再受理异议').waitFor();
  await expect(visitor.getByRole('button', { name: '提交意见' }).count()).resolves.toBe(0);
});

test('the outbox has the mail that told staff about the pending step', async () => {
  const admin = await runtime.adminPage();
  await admin.goto('/dev/outbox');
  const mail = admin.locator('article.mail', { has: admin.getByRole('heading', { name: `【待办】公示异议处理：${person.name}` }) });
  await expect(mail.count()).resolves.toBe(1);
  const text = await mail.innerText();
  expect(text).toContain('收件人：bangongshi@demo.example.org');
  expect(text).toContain('收到 1 条异议');
  expect(text).toContain(`/staff/tasks/notice-objections-${noticeId}`);
});
