import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { freePort } from '../../infra/local/dynamodb-local';
import { AccessibilityWatch, launchChromium, signInAsStaff } from './browser';
import { killHard, startRuntimeProcess, type RuntimeProcess } from './runtime-process';

/** `npm start`'s program (main.ts) on the run's DynamoDB Local, and Chromium to drive it. */
export interface BrowserRuntime {
  baseURL: string;
  /**
   * A page in a fresh browser context (its own cookies), Chinese locale, 15 s default timeout, 1100×900 unless
   * `viewport` says otherwise; every kind of page it loads is checked for accessibility (see `expectAccessible`).
   */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** Fails with the accessibility problems found on the pages loaded so far (call it after each test). */
  expectAccessible(): Promise<void>;
  /** A page signed in as the demo administrator (the /dev pages are for administrators only); one per runtime. */
  adminPage(): Promise<Page>;
  stop(): Promise<void>;
}

/**
 * Starts the runtime (Wednesday 23 Sep 2026, 09:00 China time, clock ×1) and Chromium; without the demo notices and
 * demo case unless `demo`.
 */
export async function startBrowserRuntime(options: { demo?: boolean } = {}): Promise<BrowserRuntime> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dangjian-browser-'));
  const port = await freePort();
  let runtime: RuntimeProcess | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    if (runtime) await killHard(runtime);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    runtime = await startRuntimeProcess({
      PORT: String(port),
      DANGJIAN_DATA_DIR: dataDir,
      DYNAMODB_ENDPOINT: process.env.TEST_DYNAMODB_ENDPOINT!,
      TABLE_NAME: `browser-${randomUUID()}`,
      DANGJIAN_CLOCK_START: '2026-09-23T01:00:00Z',
      DANGJIAN_CLOCK_RATE: '1',
      DANGJIAN_DEMO_NOTICES: options.demo ? 'on' : 'off',
    });
    browser = await launchChromium();
  } catch (error) {
    await stop();
    throw error;
  }
  const baseURL = `http://127.0.0.1:${port}`;
  const accessibility = new AccessibilityWatch();
  const newPage = async (viewport = { width: 1100, height: 900 }) => {
    const context = await browser!.newContext({ baseURL, locale: 'zh-CN', viewport });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    accessibility.watch(page);
    return page;
  };
  let admin: Promise<Page> | undefined;
  return {
    baseURL,
    newPage,
    adminPage() {
      admin ??= newPage().then(async (page) => (await signInAsStaff(page, 'admin', 'demo2026'), page));
      return admin;
    },
    expectAccessible: () => accessibility.expectNone(),
    stop,
  };
}
