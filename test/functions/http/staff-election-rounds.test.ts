import { createStaffSite } from '../../../functions/http/staff-site';
import type { HttpHandlerFn } from '../../../functions/http/edge/types';
import { openElectionStep } from '../../../shared/services/election';
import type { WorkflowControl } from '../../../shared/services/ports';
import { getElection } from '../../../shared/store/elections-repo';
import { putTestOrg, testOrg } from '../../support/registry-fixtures';
import { Browser, signInWithForm } from './support/http-client';
import { addAccount, createTestDeps, type TestDeps } from './support/test-deps';
import { seedElectionAtVote } from './support/election-fixtures';

/** The Step Functions control plane, recorded; the election is put at its vote (candidates approved and noticed). */
const completed: unknown[] = [];
const workflow: WorkflowControl = {
  async startExecution({ name }) {
    return { executionArn: `arn:local:election:${name}` };
  },
  async sendTaskSuccess({ output }) {
    completed.push(output);
  },
  async sendTaskFailure() {},
  async stopExecution() {},
  executionArnOf: ({ stateMachine, name }) => `arn:local:${stateMachine}:${name}`,
};

let deps: TestDeps;
let site: HttpHandlerFn;
const CANDIDATES = ['王二', '丁一', '张四', '李三'];
let electionId: string;

beforeAll(async () => {
  deps = await createTestDeps();
  deps.workflow = workflow;
  site = createStaffSite(deps);
  await putTestOrg(deps.store, testOrg({ id: 'c1', kind: 'committee', name: '数据局机关党委' }));
  await putTestOrg(deps.store, testOrg({ id: 'b1', kind: 'branch', parentId: 'c1', name: '办公室党支部' }));
  await putTestOrg(deps.store, testOrg({ id: 'b2', kind: 'branch', parentId: 'c1', name: '业务一处党支部' }));
  await addAccount(deps.store, { username: 'li', password: 'pw-li-123', orgId: 'b1', displayName: '李书记' });
  await addAccount(deps.store, { username: 'zhao', password: 'pw-zhao-123', orgId: 'b2', displayName: '赵书记' });
  electionId = await seedElectionAtVote(deps, { orgId: 'b1', orgName: '办公室党支部', seats: 3, candidates: CANDIDATES });
  await openElectionStep(deps, { electionId, stepKey: 'election-round', taskToken: 'token-round-1' });
});

async function signedIn(username: string, password: string): Promise<{ browser: Browser; csrf: string }> {
  const browser = new Browser(site);
  return { browser, csrf: await signInWithForm(browser, username, password) };
}

const MEETING = { meetingDate: '2026-03-02', shouldAttend: '10', present: '10', ballotsIssued: '10' };
const count = (text: string | undefined, part: string) => (text ?? '').split(part).length - 1;

test('ballot papers: N copies in stroke order; a bad number of copies is 422; another branch is 403', async () => {
  const { browser } = await signedIn('li', 'pw-li-123');
  const page = (await browser.get(`/staff/elections/${electionId}/ballot?copies=3`)).body ?? '';
  expect(count(page, '<article class="print-page ballot-paper">')).toBe(3);
  const order = ['丁一', '王二', '李三', '张四'].map((name) => page.indexOf(`<td class="name">${name}</td>`));
  expect(order).toEqual([...order].sort((a, b) => a - b));
  expect(page).toContain('应选 <strong>3</strong> 名');
  const bad = await browser.get(`/staff/elections/${electionId}/ballot?copies=0`);
  expect(bad.statusCode).toBe(422);
  expect(bad.body).toContain('份数须为 1 至 500 的整数。');
  const other = await signedIn('zhao', 'pw-zhao-123');
  expect((await other.browser.get(`/staff/elections/${electionId}/ballot`)).statusCode).toBe(403);
});

test('one ballot at a time: running totals, undo; nothing is written until the sheet reconciles', async () => {
  const { browser, csrf } = await signedIn('li', 'pw-li-123');
  const url = `/staff/elections/${electionId}/round?mode=ballots`;
  expect((await browser.get(url)).body).toContain('录入下一张选票（第 1 张）');
  let ballots = '[]';
  const add = async (marks: Record<string, string>) => {
    const page = (await browser.post(url, { _csrf: csrf, action: 'add', ballots, ...MEETING, ...marks })).body ?? '';
    ballots = /name="ballots" value="([^"]*)"/.exec(page)![1].replaceAll('&quot;', '"');
    return page;
  };
  await add({ 'mark.丁一': '1', 'mark.王二': '1' });
  await add({ 'mark.丁一': '1', 'mark.王二': '1', 'mark.李三': '1', 'mark.张四': '1' }); // more than 3 seats: invalid
  const page = await add({ spoiled: '1' });
  expect(page).toContain('已录入 3 张');
  expect(page).toContain('有效 1 张 · 无效 1 张 · 废票 1 张');
  const undone = (await browser.post(url, { _csrf: csrf, action: 'undo', ballots })).body ?? '';
  expect(undone).toContain('已录入 2 张');
  // The page the undo answered is not used further: the counters carry on with the three ballots.

  const sheet = { 'sheet.returned': '3', 'sheet.invalid': '1', 'sheet.spoiled': '1', 'sheet.votes.丁一': '1', 'sheet.votes.王二': '1' };
  const mismatch = await browser.post(url, { _csrf: csrf, action: 'submit', ballots, ...MEETING, ...sheet, 'sheet.votes.王二': '0' });
  expect(mismatch.statusCode).toBe(422);
  expect(mismatch.body).toContain('汇总表“王二”得 0 票，逐张录入为 1 票');
  expect(mismatch.body).toContain('id="f-sheet-votes-u738bu4e8c"');
  expect(mismatch.body).toContain('已录入 3 张'); // the ballots are kept
  expect(completed).toEqual([]);
  expect((await getElection(deps.store, electionId))?.roundCount).toBe(0);
});

test('summary counts: inconsistent totals 422; consistent ones recorded once, results shown; a double submit is 409', async () => {
  const { browser, csrf } = await signedIn('li', 'pw-li-123');
  const url = `/staff/elections/${electionId}/round?mode=summary`;
  const bad = await browser.post(url, { _csrf: csrf, ...MEETING, returned: '10', invalid: '0', spoiled: '0', 'votes.丁一': '11' });
  expect(bad.statusCode).toBe(422);
  expect(bad.body).toContain('“丁一”得 11 票，多于有效票 10 张');
  expect((await getElection(deps.store, electionId))?.roundCount).toBe(0);
  // 7 of 10 present: not a vote; the page says so, the step stays open, nothing is written.
  const noQuorum = await browser.post(url, { _csrf: csrf, ...MEETING, present: '7', ballotsIssued: '7', returned: '7', invalid: '0', spoiled: '0', 'votes.丁一': '7' });
  expect(noQuorum.statusCode).toBe(422);
  expect(noQuorum.body).toContain('会议未达到法定人数，不能表决，请重新召开');
  // More ballots issued than voters present.
  const tooMany = await browser.post(url, { _csrf: csrf, ...MEETING, present: '9', returned: '9', invalid: '0', spoiled: '0', 'votes.丁一': '7' });
  expect(tooMany.statusCode).toBe(422);
  expect(tooMany.body).toContain('发出选票 10 张，多于实到的 9 人');
  // A date in the future.
  const future = await browser.post(url, { _csrf: csrf, ...MEETING, meetingDate: '2026-03-03', returned: '10', invalid: '0', spoiled: '0', 'votes.丁一': '7' });
  expect(future.statusCode).toBe(422);
  expect(future.body).toContain('晚于今天');
  expect(completed).toEqual([]);
  expect((await getElection(deps.store, electionId))?.roundCount).toBe(0);

  const other = await signedIn('zhao', 'pw-zhao-123');
  const good = { ...MEETING, returned: '10', invalid: '0', spoiled: '1', 'votes.丁一': '9', 'votes.王二': '8', 'votes.李三': '7', 'votes.张四': '2' };
  expect((await other.browser.post(url, { _csrf: other.csrf, ...good })).statusCode).toBe(403);

  const [first, second] = await Promise.all([browser.post(url, { _csrf: csrf, ...good }), browser.post(url, { _csrf: csrf, ...good })]);
  expect([first.statusCode, second.statusCode].sort()).toEqual([303, 409]);
  expect(completed).toHaveLength(1);
  expect((await getElection(deps.store, electionId))?.roundCount).toBe(1);
  const location = [first, second].find((r) => r.statusCode === 303)!.headers?.location as string;
  const file = (await browser.get(location.split('#')[0])).body ?? '';
  for (const text of ['计票结果已记录。', '第 1 轮 · 选举委员（应选 3 名）', '<dt>有效票</dt><dd>9 张</dd>', '<dt>废票</dt><dd>1 张</dd>', '<dt>投票日期</dt><dd>2026年3月2日</dd>', '6 票（超过半数）', '当选：丁一、王二、李三。']) {
    expect(file).toContain(text);
  }
});

test('the secretary\'s ballot is never printed empty: its candidates are entered first, from the elected, in stroke order', async () => {
  // The committee round above elected 丁一, 王二 and 李三; the workflow opens the meeting's officers' round.
  await openElectionStep(deps, { electionId, stepKey: 'officers-round', taskToken: 'token-officers-1' });
  const { browser, csrf } = await signedIn('li', 'pw-li-123');
  const first = await browser.get(`/staff/elections/${electionId}/ballot`);
  expect(first.statusCode).toBe(200);
  expect(first.body).not.toContain('候选人 <strong>0</strong> 名');
  expect(first.body).toContain('确定书记候选人');
  const listed = [...(first.body ?? '').matchAll(/name="candidate\.([^"]+)"/g)].map((m) => m[1]);
  expect(listed).toEqual(['丁一', '王二', '李三']); // 姓氏笔画: 丁 2, 王 4, 李 7

  const url = `/staff/elections/${electionId}/ballot/candidates`;
  const none = await browser.post(url, { _csrf: csrf, contest: 'secretary' });
  expect(none.statusCode).toBe(422);
  expect(none.body).toContain('请选择书记候选人。');
  const outsider = await browser.post(url, { _csrf: csrf, contest: 'secretary', 'candidate.张四': 'on' });
  expect(outsider.statusCode).toBe(422);
  expect(outsider.body).toContain('书记候选人须是新当选的委员：“张四”不是。');
  expect((await getElection(deps.store, electionId))?.ballot).toEqual({ contest: 'secretary', seats: 1, candidates: [] });

  const set = await browser.post(url, { _csrf: csrf, contest: 'secretary', 'candidate.李三': 'on', 'candidate.丁一': 'on' });
  expect(set.statusCode).toBe(303);
  const paper = (await browser.get(`/staff/elections/${electionId}/ballot`)).body ?? '';
  expect(paper).toContain('换届选举书记选举选票');
  expect(paper).toContain('候选人 <strong>2</strong> 名');
  expect(paper.indexOf('丁一')).toBeLessThan(paper.indexOf('李三'));
  // The round entry offers the same candidates.
  expect((await browser.get(`/staff/elections/${electionId}/round`)).body).toMatch(/<textarea[^>]*name="candidates"[^>]*>丁一\n李三<\/textarea>/);
});
