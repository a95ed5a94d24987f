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
