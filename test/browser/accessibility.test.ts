/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { demoPerson } from '../../infra/local/seed-data';
import { accessibilityProblems, expectFocusedErrorSummary, reloadUntilVisible, signInAsStaff } from '../support/browser';
import { startBrowserRuntime, type BrowserRuntime } from '../support/browser-runtime';

// Issue 19: usable by keyboard, screen reader and phone (WCAG 2.1 AA). Against `npm start`'s program with its demo data
// (three notices, 孙婷's case with the talk overdue), in Chromium with the site's CSP on. Every page kind visited is also
// checked with axe-core (afterEach). The tests below are steps of one story and run in order.

const SCREENSHOT_DIR = join(tmpdir(), 'dangjian-browser-screenshots');
const PHONE = { width: 375, height: 812 };
const OBJECTION_TEXT = '该同志在单位考勤中多次迟到，请组织核实。';

let runtime: BrowserRuntime;
let staff: Page;
let visitor: Page;
let phone: Page;
let noticeId: string;
let caseId: string;

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  runtime = await startBrowserRuntime({ demo: true });
  staff = await runtime.newPage();
  visitor = await runtime.newPage();
  phone = await runtime.newPage(PHONE);
}, 150_000);

afterEach(async () => runtime?.expectAccessible());

afterAll(async () => {
  await runtime?.stop();
});

/** The element that has the focus, as tag#id or tag "text". */
const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const element = document.activeElement!;
    return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} ${(element.textContent ?? '').trim().slice(0, 20)}`.trim();
  });

/** Presses Tab until the focus is on `selector` (at most `max` times); returns how many it took. */
async function tabTo(page: Page, selector: string, max = 30): Promise<number> {
  for (let n = 1; n <= max; n += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return n;
  }
  throw new Error(`${max} Tabs did not reach ${selector}; the focus is on ${await focused(page)}`);
}

test('every page starts with a skip link to the main content; the public footer is on public pages only', async () => {
  await reloadUntilVisible(visitor, '/', (p) => p.locator('.notice-card a'));
  await visitor.keyboard.press('Tab');
  await expect(focused(visitor)).resolves.toBe('a 跳到主要内容');
  await visitor.keyboard.press('Enter');
  await expect(focused(visitor)).resolves.toMatch(/^main#main/);
  await expect(visitor.locator('footer.site-footer').innerText()).resolves.toContain('公示期间如有情况反映');

  await signInAsStaff(staff, 'yewuyichu', 'demo2026');
  await staff.keyboard.press('Tab');
  await expect(focused(staff)).resolves.toBe('a 跳到主要内容');
  await expect(staff.locator('footer.site-footer').count()).resolves.toBe(0);
}, 60_000);

test('keyboard only: the objection form, refused empty (the summary takes the focus, its link leads to the field), then filed', async () => {
  const person = demoPerson('office-01');
  await visitor.goto('/');
  await visitor.getByRole('link', { name: new RegExp(person.name) }).first().click();
  noticeId = new URL(visitor.url()).pathname.split('/').pop()!;

  await tabTo(visitor, 'button[type=submit]', 40);
  await visitor.keyboard.press('Enter');
  await visitor.waitForLoadState();
  await expectFocusedErrorSummary(visitor);
  const content = visitor.locator('#f-content');
  await expect(content.getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(content.getAttribute('aria-describedby')).resolves.toContain('f-content-error');
  await expect(visitor.locator('#f-content-error').innerText()).resolves.toBe('请填写异议内容。');
  await expect(visitor.locator('#f-content-error').getAttribute('role')).resolves.toBeNull();

  await visitor.keyboard.press('Tab');
  await expect(focused(visitor)).resolves.toContain('异议内容：请填写异议内容');
  await visitor.keyboard.press('Enter');
  await expect(focused(visitor)).resolves.toBe('textarea#f-content');
  await visitor.keyboard.type(OBJECTION_TEXT);
  await tabTo(visitor, 'button[type=submit]');
  await visitor.keyboard.press('Enter');
  await visitor.getByText('您的意见已收到').waitFor();
}, 60_000);

/** On the phone: the page does not scroll sideways; a table wider than the screen scrolls inside its wrapper, no column squeezed. */
async function expectFitsPhone(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `phone-${name}.png`), fullPage: true });
  const layout = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
    tables: [...document.querySelectorAll('main table')].map((table) => {
      const wrap = table.parentElement!;
      return {
        width: table.getBoundingClientRect().width,
        wrapWidth: wrap.clientWidth,
        wrapScrolls: getComputedStyle(wrap).overflowX === 'auto',
        narrowestCell: Math.min(...[...table.querySelectorAll('th, td')].map((cell) => cell.getBoundingClientRect().width)),
      };
    }),
    tableLinks: [...document.querySelectorAll('main td a')].map((link) => link.getBoundingClientRect()).map((box) => Math.min(box.width, box.height)),
  }));
  expect({ name, scrollWidth: layout.scrollWidth }).toEqual({ name, scrollWidth: layout.innerWidth });
  for (const table of layout.tables) {
    if (table.width > table.wrapWidth) expect(table.wrapScrolls).toBe(true);
    expect(table.narrowestCell).toBeGreaterThanOrEqual(60);
  }
  for (const size of layout.tableLinks) expect(size).toBeGreaterThanOrEqual(24);
}

test('on a 375×812 phone: a step form, and the same form refused, fit the screen', async () => {
  const secretary = await runtime.newPage(PHONE);
  await signInAsStaff(secretary, 'yewuyichu', 'demo2026');
  await secretary.goto('/staff/cases');
  await secretary.getByRole('link', { name: '孙婷' }).first().click();
  caseId = new URL(secretary.url()).pathname.split('/').pop()!;
  await reloadUntilVisible(secretary, `/staff/cases/${caseId}/steps/talk`, (p) => p.getByRole('button', { name: '提交' }), 30_000);
  await expectFitsPhone(secretary, 'step-form');
  // A talk dated tomorrow, without the overdue reason: two rules refuse it, each under its field.
  await secretary.getByLabel(/^谈话日期/).fill('2026-09-24');
  await secretary.getByLabel(/^谈话人/).fill('赵书记');
  await secretary.getByLabel(/^谈话内容/).fill('了解入党动机。');
  await secretary.getByRole('button', { name: '提交' }).click();
  await secretary.locator('.error-summary').waitFor();
  await expect(secretary.locator('#f-talkDate-error').innerText()).resolves.toContain('晚于今天');
  await expect(secretary.locator('#f-lateReason-error').innerText()).resolves.toContain('请填写超期原因');
  await expectFitsPhone(secretary, 'step-form-refused');
  await secretary.context().close();
}, 60_000);

test('keyboard only: the overdue talk without a reason is refused with the message under the reason field, then recorded', async () => {
  await reloadUntilVisible(staff, `/staff/cases/${caseId}/steps/talk`, (p) => p.getByRole('button', { name: '提交' }), 30_000);

  await staff.keyboard.press('Tab');
  await staff.keyboard.press('Enter'); // the skip link
  await tabTo(staff, '#f-talkDate');
  // Reached by Tab; filled as a whole (the order of the date control's segments follows the browser's own locale).
  await staff.locator('#f-talkDate').fill('2026-09-22');
  await expect(staff.locator('#f-talkDate').inputValue()).resolves.toBe('2026-09-22');
  await tabTo(staff, '#f-talker'); // Tab first walks the date's own parts
  await staff.keyboard.type('赵书记（业务一处党支部书记）');
  await staff.keyboard.press('Tab');
  await staff.keyboard.type('了解入党动机，介绍党的基本知识。');
  await tabTo(staff, 'button[type=submit]');
  await staff.keyboard.press('Enter');
  await staff.waitForLoadState();

  await expectFocusedErrorSummary(staff);
  const reason = staff.locator('#f-lateReason');
  await expect(reason.getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(reason.getAttribute('aria-describedby')).resolves.toContain('f-lateReason-error');
  await expect(staff.locator('#f-lateReason-error').innerText()).resolves.toBe('谈话已超过 1 个月期限，请填写超期原因。');
  await expect(staff.locator('.error-summary a[href="#f-lateReason"]').innerText()).resolves.toContain('谈话已超过 1 个月期限');
  await staff.screenshot({ path: join(SCREENSHOT_DIR, 'a11y-late-talk-refused.png'), fullPage: true });

  await staff.keyboard.press('Tab');
  await staff.keyboard.press('Enter');
  await expect(focused(staff)).resolves.toBe('textarea#f-lateReason');
  await staff.keyboard.type('申请人在外地挂职，返京后即谈话。');
  await tabTo(staff, 'button[type=submit]');
  await staff.keyboard.press('Enter');
  await staff.getByText('已登记。').waitFor();
}, 150_000);

test('the person page: each of its forms has its own field ids, every date field one label', async () => {
  const admin = await runtime.newPage();
  await signInAsStaff(admin, 'admin', 'demo2026');
  await admin.goto(`/staff/people/${demoPerson('office-01').id}`);
  await admin.getByRole('heading', { name: '变更党员状态' }).waitFor();
  await expect(accessibilityProblems(admin)).resolves.toEqual([]);
  const dates = await admin.locator('form input[type=date]').evaluateAll((inputs) => inputs.map((input) => [input.id, (input as HTMLInputElement).labels?.length ?? 0]));
  expect(dates.length).toBeGreaterThanOrEqual(3);
  for (const [, labels] of dates) expect(labels).toBe(1);
  await admin.context().close();
}, 60_000);

test('on a 375×812 phone: the board, a notice, its objection for staff, the approval page and the staff tables fit', async () => {
  await phone.goto('/');
  await expectFitsPhone(phone, 'board');
  await phone.goto(`/notices/${noticeId}`);
  await expectFitsPhone(phone, 'notice');

  await signInAsStaff(phone, 'zuzhiyuan', 'demo2026');
  await phone.goto(`/staff/notices/${noticeId}`);
  await expect(phone.locator('main').innerText()).resolves.toContain(OBJECTION_TEXT);
  await expectFitsPhone(phone, 'notice-with-objection');
  await phone.goto('/staff/people');
  await expectFitsPhone(phone, 'people');
  await phone.goto('/staff/orgs');
  await expectFitsPhone(phone, 'org-tree');
  await phone.goto('/staff/development');
  await expectFitsPhone(phone, 'development-dashboard');
  await phone.goto(`/staff/cases/${caseId}`);
  await expectFitsPhone(phone, 'case-file');

  // The demo approval and the outbox are for administrators only.
  const admin = await runtime.adminPage();
  await admin.goto('/dev/outbox');
  const csrf = await admin.locator('input[name="_csrf"]').first().getAttribute('value');
  const started = await admin.request.post('/dev/approvals/demo', { form: { _csrf: csrf ?? '' }, maxRedirects: 0 });
  expect(started.status()).toBe(303);
  const mail = (p: Page) => p.locator('article.mail', { has: p.getByRole('heading', { name: /^【审批】/ }) });
  await reloadUntilVisible(admin, '/dev/outbox', mail);
  const href = await mail(admin).first().locator('a[href*="/approvals/"]').first().getAttribute('href');

  const approver = await runtime.newPage(PHONE);
  await approver.goto(new URL(href!).pathname);
  await approver.getByRole('button', { name: '同意', exact: true }).waitFor();
  await expectFitsPhone(approver, 'approval');
  await approver.context().close();
}, 120_000);

test('the printable notice is set in Noto Serif CJK SC, a face this machine has (README: fonts-noto-cjk)', async () => {
  await visitor.goto(`/notices/${noticeId}/print`);
  const title = visitor.locator('.print-page').first();
  await expect(title.evaluate((element) => getComputedStyle(element).fontFamily)).resolves.toMatch(/^"Noto Serif CJK SC"/);
  const cdp = await visitor.context().newCDPSession(visitor);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '.print-page p' });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  expect(fonts.map((font) => font.familyName)).toContain('Noto Serif CJK SC');
  await cdp.detach();
});
