import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createStaffSite } from '../../../functions/http/staff-site';
import type { HttpHandlerFn } from '../../../functions/http/edge/types';
import { DEMO_ORG_IDS, demoPerson, seedDemo } from '../../../infra/local/seed';
import { createLocalAuthenticator } from '../../../shared/services/auth';
import { listCaseRecords, putNewCase } from '../../../shared/store/cases-repo';
import { caseCountItems } from '../../../shared/services/development/case-counts';
import { runScheduledWork } from '../../../shared/services/scheduled/tick';
import { transactWrite } from '../../../shared/store/transact';
import { startTestRuntime, type TestRuntime } from '../../support/local-runtime';
import { putTestPerson, testPerson } from '../../support/registry-fixtures';
import { Browser, signInWithForm } from './support/http-client';

// The member-development pages over DynamoDB Local and the real stage machines (local runtime, hand-driven clock).

let rt: TestRuntime;
let site: HttpHandlerFn;
const applicant = demoPerson('office-04'); // 杨帆, born 1998, applicant
let minorId: string;

async function tableSnapshot(): Promise<string[]> {
  await rt.stepFunctions.settled();
  const items: string[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await rt.store.doc.send(new ScanCommand({ TableName: rt.store.tableName, ExclusiveStartKey }));
    items.push(...(page.Items ?? []).map((item) => JSON.stringify(item, Object.keys(item).sort())));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items.sort();
}

async function signedIn(username: string): Promise<{ browser: Browser; csrf: string }> {
  const browser = new Browser(site);
  return { browser, csrf: await signInWithForm(browser, username, 'demo2026') };
}

const caseIdFrom = (location: unknown) => /\/staff\/cases\/([^/?]+)/.exec(String(location))?.[1] ?? '';

beforeAll(async () => {
  rt = await startTestRuntime('2026-09-23T01:00:00.000Z');
  await seedDemo(rt.deps);
  minorId = (await putTestPerson(rt.store, testPerson({ orgId: DEMO_ORG_IDS.office, name: '王小明', birthDate: '2010-05-01', status: 'applicant', statusHistory: [{ value: 'applicant', from: '2026-09-01' }] }))).id;
  site = createStaffSite({ ...rt.deps, authenticator: createLocalAuthenticator(rt.store) });
}, 120_000);
afterAll(async () => {
  await rt?.shutdown();
});

describe('发展党员 pages', () => {
  let caseId: string;

  test('a branch secretary opens a case through the form; the talk form explains the 1-month rule', async () => {
    const { browser, csrf } = await signedIn('bangongshi');
    const list = (await browser.get('/staff/cases')).body ?? '';
    expect(list).toContain('新建案件：收到入党申请书（第 1 步）');
    expect(list).toContain(`<option value="${applicant.id}">杨帆`);
    const opened = await browser.post('/staff/cases', { _csrf: csrf, personId: applicant.id, applicationDate: '2026-09-23' });
    expect(opened.statusCode).toBe(303);
    caseId = caseIdFrom(opened.headers?.location);
    await rt.stepFunctions.settled();
    const file = (await browser.get(String(opened.headers?.location))).body ?? '';
    expect(file).toContain('杨帆：发展党员全程纪实');
    expect(file).toContain('案件已建立');
    expect(file).toContain('第 1 步 递交入党申请书');
    expect(file).toContain(`href="/staff/cases/${caseId}/steps/talk"`);
    const form = (await browser.get(`/staff/cases/${caseId}/steps/talk`)).body ?? '';
    expect(form).toContain('第 2 步：派人谈话');
    expect(form).toContain('应在 1 个月内、即 2026-10-23 前派人谈话');
    expect(form).toContain('name="talkDate"');
    const home = (await browser.get('/staff')).body ?? '';
    expect(home).toContain(`/staff/cases/${caseId}/steps/talk`); // the 待办 entry links to the step form
  });

  test('bad input: 422 with Chinese per-field messages, nothing written', async () => {
    const { browser, csrf } = await signedIn('bangongshi');
    const before = await tableSnapshot();
    const minor = await browser.post('/staff/cases', { _csrf: csrf, personId: minorId, applicationDate: '2026-09-20' });
    expect(minor.statusCode).toBe(422);
    expect(minor.body).toContain('18');
    const noDate = await browser.post('/staff/cases', { _csrf: csrf, personId: applicant.id, applicationDate: '' });
    expect(noDate.statusCode).toBe(422);
    expect(noDate.body).toContain('收到入党申请书日期应为“年-月-日”格式');
    const talk = await browser.post(`/staff/cases/${caseId}/steps/talk`, { _csrf: csrf, talkDate: '2026-13-01', talker: '', content: '' });
    expect(talk.statusCode).toBe(422);
    expect(talk.body).toContain('谈话日期');
    expect(talk.body).toContain('请填写谈话内容。');
    const future = await browser.post(`/staff/cases/${caseId}/steps/talk`, { _csrf: csrf, talkDate: '2026-09-30', talker: '黄丽 支部书记', content: '了解入党动机' });
    expect(future.statusCode).toBe(422);
    expect(future.body).toContain('晚于今天');
    expect(await tableSnapshot()).toEqual(before);
  });

  test('another branch gets 403 on the case, its forms and the dashboard of the branch; a POST without CSRF token 403; nothing is written', async () => {
    const { browser, csrf } = await signedIn('yewuyichu');
    const own = await signedIn('bangongshi');
    const before = await tableSnapshot();
    expect((await browser.get(`/staff/cases/${caseId}`)).statusCode).toBe(403);
    expect((await browser.get(`/staff/cases/${caseId}/archive`)).statusCode).toBe(403);
    expect((await browser.get(`/staff/cases/${caseId}/steps/talk`)).statusCode).toBe(403);
    expect((await browser.get(`/staff/development?orgId=${DEMO_ORG_IDS.office}`)).statusCode).toBe(403);
    expect((await browser.get(`/staff/cases?orgId=${DEMO_ORG_IDS.office}`)).statusCode).toBe(403);
    expect((await browser.post(`/staff/cases/${caseId}/steps/talk`, { _csrf: csrf, talkDate: '2026-09-23', talker: '赵书记', content: '越权' })).statusCode).toBe(403);
    expect((await browser.post('/staff/cases', { _csrf: csrf, personId: demoPerson('office-01').id, applicationDate: '2026-09-23' })).statusCode).toBe(403);
    expect((await browser.post(`/staff/cases/${caseId}/stages`, { _csrf: csrf, stage: '2' })).statusCode).toBe(403);
    expect((await own.browser.post(`/staff/cases/${caseId}/steps/talk`, { talkDate: '2026-09-23', talker: '李书记', content: '没有 CSRF 令牌' })).statusCode).toBe(403);
    expect(await tableSnapshot()).toEqual(before);
    const dashboard = (await browser.get('/staff/development')).body ?? '';
    expect(dashboard).not.toContain('杨帆');
  });

  test('a double submit records the step once; the second answers who did it', async () => {
    const { browser, csrf } = await signedIn('bangongshi');
    const form = { _csrf: csrf, talkDate: '2026-09-23', talker: '黄丽 支部书记', content: '了解入党动机和对党的认识' };
    const [first, second] = [await browser.post(`/staff/cases/${caseId}/steps/talk`, form), await browser.post(`/staff/cases/${caseId}/steps/talk`, form)];
    expect(first.statusCode).toBe(303);
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('办理完毕');
    await rt.stepFunctions.settled();
    const { steps } = await listCaseRecords(rt.store, caseId);
    expect(steps.filter((s) => s.stepKey === 'talk')).toHaveLength(1);
    const file = (await browser.get(`/staff/cases/${caseId}`)).body ?? '';
    expect(file).toContain('了解入党动机和对党的认识');
    expect(file).toContain('开始第2阶段');
  });

  test('a talk after the 1-month limit: the form says so, a reason is required, the record is flagged 逾期办理', async () => {
    const { browser, csrf } = await signedIn('bangongshi');
    const late = await putTestPerson(rt.store, testPerson({ orgId: DEMO_ORG_IDS.office, name: '孙迟到', birthDate: '1997-02-02', status: 'applicant', statusHistory: [{ value: 'applicant', from: '2026-08-01' }] }));
    const opened = await browser.post('/staff/cases', { _csrf: csrf, personId: late.id, applicationDate: '2026-08-01' });
    const lateCase = caseIdFrom(opened.headers?.location);
    await rt.stepFunctions.settled();
    const form = (await browser.get(`/staff/cases/${lateCase}/steps/talk`)).body ?? '';
    expect(form).toContain('即 2026-09-01 前派人谈话。今天（2026-09-23）已超过期限');
    const values = { _csrf: csrf, talkDate: '2026-09-22', talker: '周强 组织委员', content: '补谈' };
    const refused = await browser.post(`/staff/cases/${lateCase}/steps/talk`, values);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('谈话已超过 1 个月期限，请填写超期原因。');
    expect(refused.body).toContain('value="周强 组织委员"'); // the input is kept
    expect((await browser.post(`/staff/cases/${lateCase}/steps/talk`, { ...values, lateReason: '书记外出学习' })).statusCode).toBe(303);
    const file = (await browser.get(`/staff/cases/${lateCase}`)).body ?? '';
    expect(file).toContain('逾期办理');
    expect(file).toContain('书记外出学习');
  });

  test('starting a stage before its date shows the too-early message with the date; nothing is written', async () => {
    const { browser, csrf } = await signedIn('bangongshi');
    const person = await putTestPerson(rt.store, testPerson({ orgId: DEMO_ORG_IDS.office, name: '钱积极', birthDate: '1996-01-01', status: 'activist', statusHistory: [{ value: 'activist', from: '2026-09-01' }] }));
    const at = '2026-09-23T01:00:00.000Z';
    const waiting = {
      id: 'c-waiting', personId: person.id, personName: person.name, orgId: DEMO_ORG_IDS.office, ruleSetVersion: '2014', status: 'active' as const, stage: 2 as const, attempt: 1,
      stageState: 'between' as const, dates: { applicationDate: '2026-03-01', talkDate: '2026-03-10', activistDate: '2026-09-01' },
      nextStage: { stage: 3 as const, attempt: 1, earliestStart: '2027-09-01' }, outcomeReasons: [], warnings: [], createdAt: at, updatedAt: at, version: 1,
    };
    await transactWrite(rt.store, [...putNewCase(rt.store, waiting), ...(await caseCountItems(rt.deps, undefined, waiting))]);
    const file = (await browser.get('/staff/cases/c-waiting')).body ?? '';
    expect(file).toContain('2027-09-01 起可以开始');
    const before = await tableSnapshot();
    const early = await browser.post('/staff/cases/c-waiting/stages', { _csrf: csrf, stage: '3' });
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('第3阶段须在 2027-09-01 以后开始');
    expect(await tableSnapshot()).toEqual(before);
  });

  test('the dashboard counts cases per stage and lists warnings linking to the step; the scheduler mails them once', async () => {
    await rt.advanceTo('2027-02-20T01:00:00.000Z'); // c-waiting: the half-yearly evaluation is due 2027-03-01
    const { browser } = await signedIn('zuzhiyuan');
    const page = (await browser.get(`/staff/development?orgId=${DEMO_ORG_IDS.office}`)).body ?? '';
    expect(page).toContain('发展党员工作台');
    expect(page).toMatch(/第一阶段：申请入党<\/td><td>2<\/td>/);
    expect(page).toMatch(/第二阶段：入党积极分子的确定和培养教育<\/td><td>1<\/td>/);
    expect(page).toContain('钱积极：2027-03-01 前应完成半年考察（还有 9 天）');
    expect(page).toContain('href="/staff/cases/c-waiting/steps/evaluation"');
    expect(page).toContain('即将到期');
    expect((await runScheduledWork(rt.deps)).developmentWarnings).toBe(1);
    expect((await runScheduledWork(rt.deps)).developmentWarnings).toBe(0);
    const mail = rt.mailer.sent.find((m) => m.subject === '【发展党员预警】钱积极：半年考察即将到期');
    expect(mail?.to).toContain('bangongshi@demo.example.org');
    expect(mail?.text).toContain('/staff/cases/c-waiting');
  });

  test('rule sets: the administrator adds a version; it is never edited; others get 403; bad values 422', async () => {
    const { browser, csrf } = await signedIn('admin');
    const page = (await browser.get('/staff/development/rule-sets')).body ?? '';
    expect(page).toContain('2014');
    expect(page).toContain('已建立的规则版本不能修改');
    const values = Object.fromEntries([...page.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const checked = Object.fromEntries([...page.matchAll(/name="(noticeNodes\.[a-zA-Z]+)" value="on" checked/g)].map((m) => [m[1], 'on']));
    const form = { ...values, ...checked, _csrf: csrf, ruleSetVersion: '2026-local', 'notice.unit': 'calendarDays', 'notice.count': '7', 'notice.audience': 'public' };
    const before = await tableSnapshot();
    const bad = await browser.post('/staff/development/rule-sets', { ...form, talkWithinMonths: 'abc', 'extension.maxMonths': '3' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('收到申请书后谈话期限（月）应为 0 至 1000 的整数。');
    const inconsistent = await browser.post('/staff/development/rule-sets', { ...form, 'extension.maxMonths': '3' });
    expect(inconsistent.statusCode).toBe(422);
    expect(inconsistent.body).toContain('extension.maxMonths');
    expect(await tableSnapshot()).toEqual(before);
    expect((await browser.post('/staff/development/rule-sets', form)).statusCode).toBe(303);
    const again = await browser.post('/staff/development/rule-sets', { ...form, probationMonths: '6' });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('已建立的版本不能修改');
    const list = (await browser.get('/staff/development/rule-sets')).body ?? '';
    expect(list).toContain('2026-local');
    expect(list).toContain('公示 7 个自然日');
    const branch = await signedIn('bangongshi');
    expect((await branch.browser.get('/staff/development/rule-sets')).statusCode).toBe(403);
    expect((await branch.browser.post('/staff/development/rule-sets', { ...form, _csrf: branch.csrf, ruleSetVersion: 'x-1' })).statusCode).toBe(403);
  });
});
