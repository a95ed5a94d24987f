/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AxeResults, RunOptions } from 'axe-core';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/**
 * Browser tests drive Debian's Chromium through playwright-core (ARCHITECTURE §7).
 * `chromium.launch` gives the browser a new, empty temporary profile (user-data-dir) and removes it on close.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
}

/**
 * Opens `path` again and again until `ready(page)` is visible, at most `timeoutMs`;
 * for what the runtime does in the background (the workflow publishing a notice, opening a pending step).
 */
export async function reloadUntilVisible(page: Page, path: string, ready: (page: Page) => Locator, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.goto(path);
    if (await ready(page).first().isVisible()) return;
    if (Date.now() > deadline) {
      const text = await page.locator('main').innerText().catch(() => '(no main element)');
      throw new Error(`Waited ${timeoutMs} ms on ${path} for ${ready(page).toString()}; the page shows:\n${text}`);
    }
    await page.waitForTimeout(250);
  }
}

/** Staff sign-in through the sign-in form; ends on the staff home (待办事项). */
export async function signInAsStaff(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/staff/sign-in');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '待办事项' }).waitFor();
}

/**
 * Jumps the local runtime's virtual clock with the form on /dev/clock (the page needs an administrator's session).
 * `chinaTime` is Beijing time as a datetime-local field takes it, e.g. 2026-10-01T00:05.
 */
export async function jumpVirtualClock(page: Page, chinaTime: string): Promise<void> {
  await page.goto('/dev/clock');
  const form = page.locator('form', { has: page.getByRole('button', { name: '跳转' }) });
  await form.getByLabel('目标时间（北京时间）').fill(chinaTime);
  await form.getByRole('button', { name: '跳转' }).click();
  await page.waitForURL('**/dev/clock');
  const shown = page.locator('dl.facts dd').first();
  const expected = chinaTime.replace('T', ' ');
  if (!(await shown.innerText()).startsWith(expected)) {
    throw new Error(`The clock page shows ${await shown.innerText()} after jumping to ${expected}`);
  }
}

/**
 * Reads the newest approval mail whose subject contains `subject` in the outbox (an administrator's page, on `outbox`), then
 * opens its link on `approver` and approves with the committee meeting's date.
 */
export async function approveFromOutbox(outbox: Page, approver: Page, subject: string, meetingDate: string): Promise<void> {
  const mail = (page: Page) => page.locator('article.mail', { has: page.getByRole('heading', { name: new RegExp(`^【审批】.*${subject}`) }) });
  await reloadUntilVisible(outbox, '/dev/outbox', mail, 30_000);
  const href = await mail(outbox).first().locator('a[href*="/approvals/"]').first().getAttribute('href');
  await approver.goto(new URL(href!).pathname);
  await approver.getByLabel('会议日期').fill(meetingDate);
  await approver.getByLabel('意见说明').fill('经机关党委会议研究，同意。');
  await approver.getByRole('button', { name: '同意', exact: true }).click();
  await approver.getByRole('heading', { name: '您的审批意见已提交' }).waitFor();
}

/** axe-core's source, evaluated in a page through the test's own channel (the site's CSP stays as it is). */
const AXE_SOURCE = readFileSync(fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)), 'utf8');
const AXE_OPTIONS: RunOptions = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] };

/**
 * What is wrong with the document `page` shows: axe-core's WCAG 2.1 A/AA violations, duplicate ids, and for a page
 * with an error summary a title not starting with "错误：" or an alert besides the summary. Empty when nothing is.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (options) => {
    // One axe run at a time in a page (the watch and a test may ask at once): each waits for the one before.
    const page = window as unknown as { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> }; axeQueue?: Promise<unknown> };
    const previous = page.axeQueue ?? Promise.resolve();
    const run = previous.then(() => page.axe.run(document, options));
    page.axeQueue = run.catch(() => undefined);
    const problems: string[] = [];
    const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
    for (const id of new Set(ids.filter((id, index) => ids.indexOf(id) !== index))) problems.push(`duplicate id "${id}"`);
    if (document.querySelector('.error-summary')) {
      if (!document.title.startsWith('错误：')) problems.push(`a page with an error summary is titled "${document.title}"`);
      const alerts = [...document.querySelectorAll('[role="alert"]')].filter((element) => !element.classList.contains('error-summary'));
      if (alerts.length > 0) problems.push(`alerts besides the error summary: ${alerts.map((element) => element.outerHTML.slice(0, 80)).join(', ')}`);
    }
    const results = await run;
    for (const violation of results.violations) {
      problems.push(`${violation.id} (${violation.help}): ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(', ')}`);
    }
    return problems;
  }, AXE_OPTIONS);
}

/** A page's kind: its path with ids left out (a segment with a digit, or a long one), and whether it shows a failed form. */
function pageKind(url: string, failed: boolean): string {
  const path = new URL(url).pathname.split('/').map((segment) => (/\d/.test(segment) || segment.length >= 20 ? ':id' : segment)).join('/');
  return `${path}${failed ? ' (failed submit)' : ''}`;
}

/**
 * Checks every kind of page a test's pages load, once each (axe is not cheap): `watch` a page, and `expectNone` after
 * each test fails it with what was found. A check cut short by the test navigating on is tried again on the next visit.
 */
export class AccessibilityWatch {
  private readonly checked = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  private found: string[] = [];

  watch(page: Page): void {
    page.on('load', () => {
      const check = this.check(page).finally(() => this.running.delete(check));
      this.running.add(check);
    });
  }

  async expectNone(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
    const found = this.found;
    this.found = [];
    if (found.length > 0) throw new Error(`Accessibility problems (WCAG 2.1 A/AA):\n${found.join('\n')}`);
  }

  private async check(page: Page): Promise<void> {
    let kind: string | undefined;
    const url = page.url();
    try {
      kind = pageKind(page.url(), await page.evaluate(() => document.querySelector('.error-summary') !== null));
      if (this.checked.has(kind)) return;
      this.checked.add(kind);
      const problems = await accessibilityProblems(page);
      this.found.push(...problems.map((problem) => `${kind}: ${problem}`));
    } catch (error) {
      // The page navigated or closed during the check: this kind is checked on its next visit. Anything else is a finding.
      if (kind) this.checked.delete(kind);
      const navigated = page.isClosed() || page.url() !== url;
      if (!navigated && !/context was destroyed|has been closed|navigat/i.test(String(error))) this.found.push(`${kind ?? page.url()}: the check failed: ${String(error)}`);
    }
  }
}

/**
 * After a refused submission: the title starts with "错误：" and the error summary has the focus (autofocus, so
 * without scripts), the one alert on the page.
 */
export async function expectFocusedErrorSummary(page: Page): Promise<void> {
  await page.locator('.error-summary:focus').waitFor();
  const state = await page.evaluate(() => ({
    title: document.title,
    focused: document.activeElement?.className,
    alerts: document.querySelectorAll('[role="alert"]').length,
  }));
  if (!state.title.startsWith('错误：') || state.focused !== 'alert error-summary' || state.alerts !== 1) {
    throw new Error(`After a refused submission: ${JSON.stringify(state)}`);
  }
}
