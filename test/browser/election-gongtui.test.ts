import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { demoIdNumber } from '../../infra/local/seed-data';
import { approveFromOutbox, jumpVirtualClock, reloadUntilVisible, signInAsStaff } from '../support/browser';
import { startBrowserRuntime, type BrowserRuntime } from '../support/browser-runtime';

// Acceptance (issue 6): a 公推直选 election of the demo office branch from the written request to approved results,
// through the staff pages, with every decision of the higher committee taken from the e-mail link in the outbox and
// the candidate notice ended by jumping the virtual clock. Against `npm start`'s program, in Chromium. The tests
// below are steps of one story and run in order.

const ORG = '中共示例市数据管理局办公室支部委员会';
const SCREENSHOT_DIR = join(tmpdir(), 'dangjian-browser-screenshots');
let runtime: BrowserRuntime;
let staff: Page;
let approver: Page;
/** Committee staff: adds a member, reads the outbox (a staff page). */
let committee: Page;
let electionPath: string;

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  runtime = await startBrowserRuntime();
  staff = await runtime.newPage();
  approver = await runtime.newPage();
}, 90_000);

afterEach(async () => runtime?.expectAccessible());

afterAll(async () => {
  await runtime?.stop();
});

/** Waits for the step in 待办 and opens it. */
async function openStep(label: string): Promise<void> {
  await reloadUntilVisible(staff, '/staff', (page) => page.getByRole('link', { name: new RegExp(label) }), 30_000);
  await staff.getByRole('link', { name: new RegExp(label) }).first().click();
}

/** Committee staff add a full member to the demo office branch through the people form. */
async function addMember(name: string, seq: number, gender: '男' | '女', birthDate: string): Promise<void> {
  await committee.goto('/staff/people/new');
  const csrf = (await committee.locator('input[name="_csrf"]').first().getAttribute('value'))!;
  const created = await committee.request.post('/staff/people', {
    maxRedirects: 0,
    form: {
      _csrf: csrf, orgId: 'demo-branch-office', name, gender, ethnicity: '汉族', birthDate,
      idNumber: demoIdNumber('110105', birthDate, seq, gender), education: '大学本科', unitPost: '综合科 科员', phone: `139000000${seq}`,
      status: 'full', statusFrom: '2010-07-01',
    },
  });
  expect(created.status()).toBe(303);
}

/** Fills the request form of a 3-seat 公推直选 election and submits it. */
async function requestElection(): Promise<void> {
  await staff.goto('/staff/elections/new');
  await staff.getByLabel('组织').selectOption({ label: ORG });
  await staff.getByLabel('选举方式').selectOption({ label: '公推直选' });
  await staff.getByLabel('委员名额').fill('3');
  await staff.getByLabel('副书记职数').fill('1');
  await staff.getByLabel('计划召开党员大会日期').fill('2026-10-20');
  await staff.getByLabel('委员会结构（职数、分工）').fill('书记 1 名、副书记 1 名、组织委员 1 名');
  await staff.getByLabel('选举办法要点').fill('差额选举，无记名投票');
  await staff.getByRole('button', { name: '提交换届选举请示' }).click();
}

test('issue 13: a branch of 3 voting members cannot elect a committee of 3: refused at creation, saying what to do', async () => {
  await signInAsStaff(staff, 'bangongshi', 'demo2026');
  await requestElection();
  await staff.getByText('本支部有表决权的正式党员 3 名，不足 7 名，不设支部委员会').first().waitFor();
  await staff.screenshot({ path: join(SCREENSHOT_DIR, 'election-too-small.png'), fullPage: true });
  expect(new URL(staff.url()).pathname).toBe('/staff/elections'); // the form again, nothing created
}, 60_000);

test('the committee adds four voting members to the branch (7: a branch committee; 3 seats need 4 candidates)', async () => {
  committee = await runtime.newPage();
  await signInAsStaff(committee, 'zuzhiyuan', 'demo2026');
  await addMember('孙立', 77, '男', '1984-04-04');
  await addMember('马明', 78, '男', '1985-05-05');
  await addMember('冯雪', 79, '女', '1986-06-06');
  await addMember('韩梅', 80, '女', '1987-07-07');
}, 60_000);

test('branch staff see the term warning and request the election (公推直选, 3 seats)', async () => {
  await staff.getByRole('link', { name: '换届选举' }).first().click();
  await staff.getByRole('heading', { name: '各组织任期' }).waitFor();
  expect(await staff.locator('main').innerText()).toContain('2027-01-07');
  await requestElection();
  await staff.getByText('换届选举已发起').waitFor();
  electionPath = new URL(staff.url()).pathname;
  expect(await staff.locator('main').innerText()).toContain('公推直选');
}, 60_000);

test('the higher committee approves the request from the outbox link', async () => {
  await approveFromOutbox(await runtime.adminPage(), approver, '召开党员大会进行换届选举的请示', '2026-09-24');
}, 60_000);

test('steps 1–3 through the generic step forms, from 待办', async () => {
  // The announcement: proposed from the election (title, text, the rules' 5 working days), edited, published internally.
  await openStep('向党员公告选举事项');
  expect(await staff.getByLabel('公告标题').inputValue()).toBe(`关于${ORG}召开党员大会进行换届选举的公告`);
  expect(await staff.getByLabel('公告正文').inputValue()).toContain('一、选举方式：公推直选。');
  expect(await staff.getByLabel('公告期天数').inputValue()).toBe('5');
  await staff.getByLabel('公告正文').fill('全体党员：\n支部委员会任期将满，定于 10 月 20 日召开党员大会进行换届选举。');
  await staff.getByRole('button', { name: '提交' }).click();
  await staff.getByText('已提交。').waitFor();
  await reloadUntilVisible(staff, electionPath, (page) => page.getByRole('link', { name: /召开党员大会进行换届选举的公告/ }), 30_000);
  await staff.getByRole('link', { name: /召开党员大会进行换届选举的公告/ }).click();
  await staff.getByText('本组织内部（不在公示栏公开）').waitFor();
  expect(await staff.locator('main').innerText()).toContain('定于 10 月 20 日召开党员大会进行换届选举');
  await staff.getByRole('link', { name: /打印版/ }).click();
  await staff.locator('article.print-page').waitFor();
  expect(await staff.locator('article.print-page').innerText()).toContain('定于 10 月 20 日召开党员大会进行换届选举');
  const board = await runtime.newPage();
  await board.goto('/');
  expect(await board.locator('body').innerText()).not.toContain('召开党员大会进行换届选举的公告');
  await board.close();

  await openStep('召开动员大会');
  await staff.getByLabel('动员大会日期').fill('2026-09-25');
  await staff.getByLabel('参会人数').fill('4');
  await staff.getByRole('button', { name: '提交' }).click();
  await staff.getByText('已提交。').waitFor();

  await openStep('述职与民主评议');
  await staff.getByLabel('述职评议会日期').fill('2026-09-25');
  await staff.getByLabel('参加评议人数').fill('4');
  await staff.getByLabel('班子评价“好”票数').fill('3');
  await staff.getByLabel('班子评价“较好”票数').fill('1');
  await staff.getByLabel('班子评价“一般”票数').fill('0');
  await staff.getByLabel('班子评价“差”票数').fill('0');
  await staff.getByLabel('委员个人评议').fill('黄丽 3 1 0 0');
  await staff.getByRole('button', { name: '提交' }).click();
  await staff.getByText('已提交。').waitFor();

  await openStep('民主推荐');
  await staff.getByLabel('组织推荐人选').fill('黄丽、周强、何芳、孙立');
  await staff.getByLabel('参加推荐的党员人数').fill('4');
  await staff.getByLabel('参加推荐的群众人数').fill('0');
  await staff.getByLabel('推荐票').fill('黄丽 4 0\n周强 4 0\n孙立 4 0\n何芳 3 0');
  await staff.getByRole('button', { name: '提交' }).click();
  await staff.getByText('已提交。').waitFor();
}, 120_000);

test('the candidate list is approved from the outbox; the 7-day candidate notice ends on the virtual clock', async () => {
  await approveFromOutbox(await runtime.adminPage(), approver, '候选人预备人选', '2026-09-24');
  await reloadUntilVisible(staff, electionPath, (page) => page.getByRole('link', { name: /委员候选人预备人选的公示/ }), 30_000);
  // The rounds are held on the planned day of the general meeting (a round may not be dated before it).
  await jumpVirtualClock(await runtime.adminPage(), '2026-10-20T00:05');
  await openStep('选举委员（计票）');
}, 120_000);

test('ballot papers print in stroke order; the round is entered as summary counts and tallied', async () => {
  const ballot = await runtime.newPage();
  await signInAsStaff(ballot, 'bangongshi', 'demo2026');
  await ballot.goto(`${electionPath}/ballot?copies=2`);
  expect(await ballot.locator('article.ballot-paper').count()).toBe(2);
  const names = await ballot.locator('article.ballot-paper').first().locator('td.name').allInnerTexts();
  expect(names).toEqual(['孙立', '何芳', '周强', '黄丽']); // 孙 6, 何 7, 周 8, 黄 11 strokes

  await staff.getByLabel('投票日期').fill('2026-10-20');
  await staff.getByLabel('应到会有选举权的党员人数').fill('6');
  await staff.getByLabel('实到会有选举权的党员人数').fill('4');
  await staff.getByLabel('发出选票张数').fill('4');
  await staff.getByLabel('收回选票张数').fill('4');
  await staff.getByLabel('无效票张数').fill('0');
  await staff.getByLabel('废票张数').fill('0');
  await staff.getByLabel('黄丽').fill('4');
  await staff.getByLabel('周强').fill('4');
  await staff.getByLabel('孙立').fill('4');
  await staff.getByLabel('何芳').fill('0');
  // 4 of 6 present is below 4/5 (the roster: 7 voting members, one excluded with a reason): not a vote; refused, the step stays open.
  await staff.getByRole('button', { name: '核对并提交计票结果' }).click();
  await staff.getByText('会议未达到法定人数，不能表决，请重新召开').first().waitFor();
  await staff.getByLabel('实到会有选举权的党员人数').fill('6');
  await staff.getByLabel('发出选票张数').fill('6');
  await staff.getByLabel('收回选票张数').fill('6');
  await staff.getByLabel('黄丽').fill('6');
  await staff.getByLabel('周强').fill('6');
  await staff.getByLabel('孙立').fill('6');
  await staff.getByRole('button', { name: '核对并提交计票结果' }).click();
  await staff.getByText('计票结果已记录。').waitFor().catch(async (error: Error) => {
    throw new Error(`${error.message}\n${await staff.locator('main').innerText()}`);
  });
  expect(await staff.locator('main').innerText()).toContain('当选：');
}, 120_000);

/**
 * Issue 13 item 3: the secretary's (deputy's) ballot is never printed empty. 打印选票 asks for its candidates first
 * (the newly elected members, in stroke order); the ballot then lists them and the round entry offers them.
 */
async function officersRound(name: string, post: '书记' | '副书记'): Promise<void> {
  await openStep('大会选举书记、副书记');
  const ballot = await runtime.newPage();
  await signInAsStaff(ballot, 'bangongshi', 'demo2026');
  await ballot.goto(`${electionPath}/ballot`);
  await ballot.getByRole('heading', { name: `确定${post}候选人` }).waitFor();
  await ballot.getByRole('button', { name: '确定候选人并打印选票' }).click();
  await ballot.getByText(`请选择${post}候选人。`).first().waitFor();
  await ballot.screenshot({ path: join(SCREENSHOT_DIR, `election-${post === '书记' ? 'secretary' : 'deputy'}-candidates.png`), fullPage: true });
  await ballot.getByRole('checkbox', { name }).check();
  await ballot.getByRole('button', { name: '确定候选人并打印选票' }).click();
  await ballot.locator('article.ballot-paper').waitFor();
  expect(await ballot.locator('article.ballot-paper p.seats').innerText()).toContain('候选人 1 名');
  expect(await ballot.locator('article.ballot-paper td.name').allInnerTexts()).toEqual([name]);
  await ballot.screenshot({ path: join(SCREENSHOT_DIR, `election-${post === '书记' ? 'secretary' : 'deputy'}-ballot.png`), fullPage: true });
  await ballot.close();
  await staff.reload();
  for (const [label, value] of [['投票日期', '2026-10-20'], ['应到会有选举权的党员人数', '6'], ['实到会有选举权的党员人数', '6'], ['发出选票张数', '6'], ['收回选票张数', '6'], ['无效票张数', '0'], ['废票张数', '0']]) {
    await staff.getByLabel(label).fill(value);
  }
  expect(await staff.getByLabel('候选人（每行一人）').inputValue()).toBe(name);
  await staff.getByLabel('得票人 1 姓名').fill(name);
  await staff.getByLabel('得票人 1 得票数').fill('6');
  await staff.getByRole('button', { name: '核对并提交计票结果' }).click();
  await staff.getByText('计票结果已记录。').waitFor();
}

test('the meeting elects the secretary and the deputy; the results are approved from the outbox', async () => {
  await officersRound('黄丽', '书记');
  await officersRound('周强', '副书记');
  await approveFromOutbox(await runtime.adminPage(), approver, '换届选举结果', '2026-09-24');
  await reloadUntilVisible(staff, electionPath, (page) => page.getByText('已完成（结果已批准并记入组织）'), 30_000);
  const file = await staff.locator('main').innerText();
  expect(file).toContain('书记');
  expect(file).toContain('黄丽');
  expect(file).toContain('六、选举结果报批');
  expect(file).toMatch(/民主推荐（提名与推荐票）.*（候选人预备人选：/); // the recommendation's outcome, in Chinese
  expect(file).not.toMatch(/(^|\s)(short|list|needed|stepKey)：|步骤：[a-z]/m); // the file speaks Chinese
  // The registry has the new committee and term; the term table no longer shows the old term end.
  await staff.goto('/staff/orgs/demo-branch-office');
  const org = await staff.locator('main').innerText();
  expect(org).toContain('黄丽');
  expect(org).toMatch(/2029-\d\d-\d\d/);
  await staff.goto('/staff/elections');
  expect(await staff.locator('main').innerText()).not.toContain('2027-01-07');
}, 120_000);

test('issue 13: committee staff end a new election (终止) with a reason; approved from the outbox, it is ended and the branch may start again', async () => {
  await requestElection();
  await staff.getByText('换届选举已发起').waitFor();
  const path = new URL(staff.url()).pathname;
  await committee.goto(path);
  await committee.getByText('终止本次选举').click();
  await committee.getByLabel('终止原因').fill('党支部将与综合处党支部合并，本次换届不再进行。');
  await committee.getByRole('button', { name: '报请上级党组织批准终止' }).click();
  await committee.getByText('终止选举的请示已报上级党组织审批。').waitFor();
  await committee.screenshot({ path: join(SCREENSHOT_DIR, 'election-end-requested.png'), fullPage: true });
  await approveFromOutbox(await runtime.adminPage(), approver, '关于终止', '2026-10-20');
  await jumpVirtualClock(await runtime.adminPage(), '2026-10-21T12:00'); // the scheduler applies the decision
  await reloadUntilVisible(staff, path, (page) => page.getByText('本次选举已终止。终止原因：党支部将与综合处党支部合并'), 60_000);
  await staff.screenshot({ path: join(SCREENSHOT_DIR, 'election-ended.png'), fullPage: true });
  expect(await staff.locator('main').innerText()).toContain('已终止');
  await requestElection();
  await staff.getByText('换届选举已发起').waitFor();
}, 180_000);
