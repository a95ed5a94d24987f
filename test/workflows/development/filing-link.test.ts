import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createPublicSite } from '../../../functions/http/public-site';
import { getCaseFile } from '../../../shared/services/development';
import { listAudit } from '../../../shared/store/audit';
import { casePk } from '../../../shared/store/cases-repo';
import { startTestRuntime, type TestRuntime } from '../../support/local-runtime';
import { Browser, csrfFrom, makeEvent } from '../../functions/http/support/http-client';
import { CaseDriver, committeeStaff, setUpWorld } from './development-fixtures';

let runtime: TestRuntime;
let driver: CaseDriver;
beforeEach(async () => {
  runtime = await startTestRuntime('2026-01-05T02:00:00.000Z');
  driver = new CaseDriver(runtime, await setUpWorld(runtime));
});
afterEach(async () => {
  await runtime.shutdown();
});

async function scan() {
  const { Items } = await runtime.store.doc.send(new ScanCommand({ TableName: runtime.store.tableName, ConsistentRead: true }));
  return (Items ?? []).sort((a, b) => `${a.pk}${a.sk}`.localeCompare(`${b.pk}${b.sk}`));
}

test('a filing is mailed to the higher committee with a link: GET shows and changes nothing, POST acknowledges once; the workflow does not wait', async () => {
  await driver.open();
  await driver.stage1();
  await driver.start(2);
  await driver.submit('activistDecision', { decisionDate: driver.today(), memberRecommendations: 3, massRecommendations: 1, decidedBy: 'branch-committee', minutes: '同意' });
  await driver.endNotice('activist');
  expect(await driver.openSteps()).toEqual(['contacts']); // filed, not waiting for the acknowledgment
  const mail = runtime.mailer.sent.find((m) => m.subject.startsWith('【备案】'))!;
  expect(mail.to).toEqual(['zuzhi@example.org']);
  expect(mail.subject).toBe('【备案】办公室党支部：张三 — 报上级党委备案');
  const rawId = /\/filings\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1];
  expect(JSON.stringify(await scan())).not.toContain(rawId);

  const site = createPublicSite(runtime.deps);
  const before = await scan();
  for (let i = 0; i < 3; i++) {
    const page = await site(makeEvent('GET', `/filings/${rawId}`));
    expect(page.statusCode).toBe(200);
    expect(page.headers?.['cache-control']).toBe('no-store');
    expect(page.body).toContain('确认收到备案');
    expect(page.body).toContain('张三：报上级党委备案');
  }
  expect(await scan()).toEqual(before);

  // A scanner's or another site's POST (no token, or a token without its cookie) acknowledges nothing.
  const browser = new Browser(site);
  const token = csrfFrom((await browser.get(`/filings/${rawId}`)).body);
  for (const forged of [makeEvent('POST', `/filings/${rawId}`), makeEvent('POST', `/filings/${rawId}`, { body: { _csrf: token } })]) {
    const refused = await site(forged);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('备案尚未确认收到');
  }
  expect((await browser.post(`/filings/${rawId}`, { _csrf: 'x'.repeat(43) })).statusCode).toBe(403);
  expect(await scan()).toEqual(before);

  const posted = await browser.post(`/filings/${rawId}`, { _csrf: token });
  expect(posted.body).toContain('已确认收到备案');
  const again = await browser.post(`/filings/${rawId}`, { _csrf: token });
  expect(again.body).toContain('该备案已确认收到');
  const acks = (await listAudit(runtime.store, casePk(driver.caseId))).filter((e) => e.action === 'case.filing-acknowledged');
  expect(acks).toHaveLength(1);
  expect((await site(makeEvent('GET', `/filings/${rawId.slice(0, -1)}x`))).statusCode).toBe(404);
  expect((await getCaseFile(runtime.deps, committeeStaff, driver.caseId)).filings).toEqual([{ stepKey: 'activistFiling', filedWith: '机关党委', filedAt: expect.any(String) }]);
});

test('an unused filing link expires after 30 days', async () => {
  await driver.open();
  await driver.stage1();
  await driver.start(2);
  await driver.submit('activistDecision', { decisionDate: driver.today(), memberRecommendations: 3, massRecommendations: 1, decidedBy: 'branch-committee', minutes: '同意' });
  await driver.endNotice('activist');
  const rawId = /\/filings\/([A-Za-z0-9_-]{43})/.exec(runtime.mailer.sent.find((m) => m.subject.startsWith('【备案】'))!.text)![1];
  await driver.at('2026-03-01T00:00:00.000Z');
  const site = createPublicSite(runtime.deps);
  expect((await site(makeEvent('GET', `/filings/${rawId}`))).statusCode).toBe(410);
  expect((await site(makeEvent('POST', `/filings/${rawId}`))).statusCode).toBe(403);
});
