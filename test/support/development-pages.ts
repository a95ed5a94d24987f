import type { Page } from 'playwright-core';
import { reloadUntilVisible } from './browser';

/** Member-development pages in Chromium: a case's steps opened from its file, forms filled by label. */

/** Opens the step `label` from the case file's 待办理 list once the stage workflow has opened it. */
export async function openCaseStep(page: Page, casePath: string, label: string): Promise<void> {
  const link = (p: Page) => p.locator('main ul li a', { hasText: label });
  await reloadUntilVisible(page, casePath, link, 30_000);
  await link(page).first().click();
  await page.getByRole('heading', { name: new RegExp(`第 \\d+ 步：${label}`) }).waitFor();
}

/** A form control by the start of its label (labels of required fields end with （必填）). */
export const fieldByLabel = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));

/** Fills a step form by field label and submits; ends back on the case file. */
export async function submitCaseStep(page: Page, fields: Record<string, string>, options: { checks?: string[]; selects?: Record<string, string> } = {}): Promise<void> {
  for (const [label, value] of Object.entries(fields)) await fieldByLabel(page, label).fill(value);
  for (const [label, value] of Object.entries(options.selects ?? {})) await fieldByLabel(page, label).selectOption({ label: value });
  for (const label of options.checks ?? []) await page.getByRole('checkbox', { name: label }).check();
  await page.getByRole('button', { name: '提交' }).click();
  await page.getByText('已登记。').waitFor();
}

/** Starts the next stage with the case file's button. */
export async function startNextCaseStage(page: Page, casePath: string, stage: number): Promise<void> {
  const button = (p: Page) => p.getByRole('button', { name: `开始第${stage}阶段` });
  await reloadUntilVisible(page, casePath, button, 30_000);
  await button(page).click();
  await page.getByText('新的阶段已开始。').waitFor();
}
