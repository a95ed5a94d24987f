import { writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStaffSite } from '../../../functions/http/staff-site';
import type { HttpHandlerFn } from '../../../functions/http/edge/types';
import { createLocalAuthenticator } from '../../../shared/services/auth';
import { getTransfer } from '../../../shared/store/transfers-repo';
import { startTestRuntime, type TestRuntime } from '../../support/local-runtime';
import { visibleProblems } from '../../support/visible-text';
import { CaseDriver, setUpWorld, type World } from '../../workflows/development/development-fixtures';
import { letterOutside, toPreReviewAsked } from '../../workflows/transfer/outside-case-fixtures';
import { Browser, signInWithForm } from './support/http-client';
import { addAccount } from './support/test-deps';

// The pages of a transfer outside the system with an open development case (docs/domain/transfer.md T8b, T8c): the
// receipt form says what it waits for, then what it does to the case; the case's file and the letter after.
// The pages are also written to a temporary folder (TRANSFER_PAGES_DIR) to be looked at.

let runtime: TestRuntime;
let world: World;
let driver: CaseDriver;
let site: HttpHandlerFn;
const pagesDir = process.env.TRANSFER_PAGES_DIR ?? join(tmpdir(), 'dangjian-transfer-pages');

beforeAll(async () => {
  mkdirSync(pagesDir, { recursive: true });
  runtime = await startTestRuntime('2026-01-05T01:00:00.000Z');
  world = await setUpWorld(runtime);
  driver = new CaseDriver(runtime, world);
  site = createStaffSite({ ...runtime.deps, authenticator: createLocalAuthenticator(runtime.store) });
  await addAccount(runtime.store, { username: 'song', password: 'pw-song-123', orgId: 'branch-1', displayName: '宋组织委员' });
});
afterAll(async () => runtime.shutdown());

function page(name: string, body: string | undefined): string {
  writeFileSync(join(pagesDir, `${name}.html`), body ?? '');
  expect(visibleProblems(body ?? '')).toEqual([]);
  return body ?? '';
}

test('the receipt waits for the pre-review and the notice, then closes the case; the case file and the letter say so', async () => {
  await toPreReviewAsked(driver);
  const requested = { id: await letterOutside(runtime, driver, world) };
  const fileUrl = `/staff/transfers/${requested.id}`;
  const browser = new Browser(site);
  const csrf = await signInWithForm(browser, 'song', 'pw-song-123');

  const waiting = page('1-receipt-waiting', (await browser.get(fileUrl)).body);
  expect(waiting).toContain('该同志的发展党员材料尚有未结束的事项，现在还不能登记回执');
  expect(waiting).not.toContain(`action="${fileUrl}/receipt"`);
  const version = async () => String((await getTransfer(runtime.store, requested.id))?.version);
  const refused = await browser.post(`${fileUrl}/receipt`, { _csrf: csrf, receiptDate: driver.today(), version: await version() });
  expect(refused.statusCode).toBe(409);
  expect(page('2-receipt-refused', refused.body)).toContain('请待其结束后再登记回执');
  // The offer to wait: chosen, shown, taken back.
  expect(waiting).toContain('待上述事项结束后自动登记回执');
  const chosen = await browser.post(`${fileUrl}/wait-receipt`, { _csrf: csrf, receiptDate: driver.today(), version: await version() });
  expect(chosen.statusCode).toBe(303);
  const chosenPage = page('2b-receipt-wait-chosen', (await browser.get(chosen.headers?.location as string)).body);
  expect(chosenPage).toContain('已登记：发展党员材料中的事项结束后，系统即按所填日期登记回执并办结。');
  expect(chosenPage).toContain('已登记自动登记回执（宋组织委员');
  const cancelled = await browser.post(`${fileUrl}/wait-receipt-cancel`, { _csrf: csrf, version: await version() });
  expect(cancelled.statusCode).toBe(303);

  await driver.decide('approved');
  await driver.endNotice('admission');
  const again = await signInWithForm(browser, 'song', 'pw-song-123'); // a week later: signed in again
  const ready = page('3-receipt-ready', (await browser.get(fileUrl)).body);
  expect(ready).toContain('该同志的发展党员案件（正在办理第四阶段：预备党员的接收）将随组织关系转出本系统而办结');
  const recorded = await browser.post(`${fileUrl}/receipt`, { _csrf: again, receiptDate: driver.today(), version: await version() });
  expect(recorded.statusCode).toBe(303);
  await runtime.stepFunctions.settled();

  const file = page('4-transfer-received', (await browser.get(fileUrl)).body);
  expect(file).toContain('已随组织关系转出本系统（本系统存档备查）');
  const devCase = page('5-case-closed', (await browser.get(`/staff/cases/${driver.caseId}`)).body);
  expect(devCase).toContain('已随组织关系转出本系统');
  expect(devCase).toContain('随组织关系转往中共某县委组织部（本系统外），本系统存档备查');
  expect(devCase).not.toContain('终止发展（本人撤回');
  const letter = page('6-letter', (await browser.get(`${fileUrl}/letter`)).body);
  expect(letter).toContain('发展党员材料随本介绍信转交');
  expect(letter).toContain(`/staff/cases/${driver.caseId}/archive`);
}, 120_000);
