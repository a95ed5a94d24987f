import { createStaffSite } from '../../../functions/http/staff-site';
import type { HttpHandlerFn } from '../../../functions/http/edge/types';
import { listElections, openElectionStep, prepareAnnouncementNotice } from '../../../shared/services/election';
import { recordPublication } from '../../../shared/services/notice';
import { resolveActor } from '../../../shared/services/authorization';
import type { WorkflowControl } from '../../../shared/services/ports';
import { getElection } from '../../../shared/store/elections-repo';
import { putTestOrg, putTestPerson, testOrg, testPerson } from '../../support/registry-fixtures';
import { Browser, csrfFrom, signInWithForm } from './support/http-client';
import { addAccount, createTestDeps, type TestDeps } from './support/test-deps';

/** The Step Functions control plane, recorded (the one mock HTTP tests may use); steps are opened with the workflow's own task. */
const started: { name: string; input: unknown }[] = [];
const completed: unknown[] = [];
const workflow: WorkflowControl = {
  async startExecution({ name, input }) {
    started.push({ name, input });
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

beforeAll(async () => {
  deps = await createTestDeps();
  deps.workflow = workflow;
  site = createStaffSite(deps);
  const { store } = deps;
  await putTestOrg(store, testOrg({ id: 'c1', kind: 'committee', name: '数据局机关党委', termEnd: '2028-04-09' }));
  await putTestOrg(store, testOrg({ id: 'b1', kind: 'branch', parentId: 'c1', name: '办公室党支部', termStart: '2023-03-01', termEnd: '2026-02-28' }));
  await putTestOrg(store, testOrg({ id: 'b2', kind: 'branch', parentId: 'c1', name: '业务一处党支部', termEnd: '2027-03-19' }));
  for (const name of ['丁一', '王二', '李三', '张四', '陈五', '刘六', '杨七']) await putTestPerson(store, testPerson({ orgId: 'b1', name }));
  await addAccount(store, { username: 'wang', password: 'pw-wang-123', role: 'committee-staff', orgId: 'c1', displayName: '王组织员' });
  await addAccount(store, { username: 'li', password: 'pw-li-123', orgId: 'b1', displayName: '李书记' });
  await addAccount(store, { username: 'zhao', password: 'pw-zhao-123', orgId: 'b2', displayName: '赵书记' });
});

async function signedIn(username: string, password: string): Promise<{ browser: Browser; csrf: string }> {
  const browser = new Browser(site);
  return { browser, csrf: await signInWithForm(browser, username, password) };
}

const REQUEST = { orgId: 'b1', form: 'gongtui', seats: '3', deputies: '1', meetingDate: '2026-04-20', structure: '书记 1 名、副书记 1 名、委员 1 名', method: '差额选举，无记名投票', rulesVersion: '2020' };

async function electionsOf(orgId: string) {
  const actor = await resolveActor(deps.store, { id: 'wang', displayName: '王组织员', role: 'committee-staff', orgId: 'c1' });
  return listElections(deps, actor, orgId);
}

describe('换届选举 pages', () => {
  let electionId: string;

  test('bad input: 422 with Chinese per-field messages, the input kept, nothing written; no CSRF: 403', async () => {
    const { browser, csrf } = await signedIn('li', 'pw-li-123');
    const form = (await browser.get('/staff/elections/new?orgId=b1')).body ?? '';
    expect(form).toContain('<option value="b1" selected>办公室党支部</option>');
    expect(form).not.toContain('业务一处党支部');
    const bad = await browser.post('/staff/elections', { _csrf: csrf, ...REQUEST, seats: '', structure: '班子结构' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('请填写委员名额');
    expect(bad.body).toContain('>班子结构</textarea>');
    expect((await browser.post('/staff/elections', { ...REQUEST })).statusCode).toBe(403);
    expect(await electionsOf('b1')).toEqual([]);
    expect(started).toEqual([]);
  });

  test('branch staff of another branch may not create, view or act on the election', async () => {
    const { browser, csrf } = await signedIn('zhao', 'pw-zhao-123');
    expect((await browser.post('/staff/elections', { _csrf: csrf, ...REQUEST })).statusCode).toBe(403);
    expect(await electionsOf('b1')).toEqual([]);
  });

  test('create: the election starts its workflow once; a second request while it runs is refused (409)', async () => {
    const { browser, csrf } = await signedIn('li', 'pw-li-123');
    const created = await browser.post('/staff/elections', { _csrf: csrf, ...REQUEST });
    expect(created.statusCode).toBe(303);
    electionId = /\/staff\/elections\/([^?]+)/.exec(created.headers?.location as string)![1];
    const file = (await browser.get(created.headers?.location as string)).body ?? '';
    expect(file).toContain('换届选举已发起');
    expect(file).toContain('公推直选');
    expect(file).toContain('一、宣传发动');
    expect(started).toHaveLength(1);
    const again = await browser.post('/staff/elections', { _csrf: csrf, ...REQUEST });
    expect(again.statusCode).toBe(409);
    expect(started).toHaveLength(1);
    expect(await electionsOf('b1')).toHaveLength(1);

    const other = await signedIn('zhao', 'pw-zhao-123');
    expect((await other.browser.get(`/staff/elections/${electionId}`)).statusCode).toBe(403);
    const list = (await other.browser.get('/staff/elections')).body ?? '';
    expect(list).not.toContain('办公室党支部');
  });

  test('a step: 待办 links to its form; bad input 422 and nothing written; done once; a double submit is 409', async () => {
    await openElectionStep(deps, { electionId, stepKey: 'announcement', taskToken: 'token-1' });
    const { browser, csrf } = await signedIn('li', 'pw-li-123');
    const home = (await browser.get('/staff')).body ?? '';
    expect(home).toContain(`href="/staff/elections/${electionId}/steps/announcement"`);
    const form = (await browser.get(`/staff/elections/${electionId}/steps/announcement`)).body ?? '';
    // Prefilled from the election and its rules: title, text (organization, seats, form, meeting date), 5 working days.
    expect(form).toContain('value="关于办公室党支部召开党员大会进行换届选举的公告"');
    expect(form).toMatch(/委员名额：新一届委员会设委员 \d+ 名/);
    expect(form).toContain('公推直选');
    expect(form).toMatch(/<option value="workingDays" selected/);
    expect(form).toContain('value="5"');

    const other = await signedIn('zhao', 'pw-zhao-123');
    const forbidden = await other.browser.post(`/staff/elections/${electionId}/steps/announcement`, { _csrf: other.csrf, title: '公告', body: '公告', periodUnit: 'workingDays', periodCount: '5' });
    expect(forbidden.statusCode).toBe(403);

    const bad = await browser.post(`/staff/elections/${electionId}/steps/announcement`, { _csrf: csrf, title: '', body: '公告内容', periodUnit: 'workingDays', periodCount: '31' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('请填写公告标题。');
    expect(bad.body).toContain('公告期天数不能大于 30。');
    expect(bad.body).toContain('公告内容');
    expect(completed).toEqual([]);
    expect((await getElection(deps.store, electionId))?.stepCounts).toEqual({});

    const body = { _csrf: csrf, title: '关于办公室党支部换届选举的公告', body: '定于 4 月召开党员大会进行换届选举。', periodUnit: 'workingDays', periodCount: '5' };
    const [first, second] = await Promise.all([
      browser.post(`/staff/elections/${electionId}/steps/announcement`, body),
      browser.post(`/staff/elections/${electionId}/steps/announcement`, body),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([303, 409]);
    expect(completed).toHaveLength(1);
    expect((await getElection(deps.store, electionId))?.stepCounts).toEqual({ announcement: 1 });
    const file = (await browser.get(`/staff/elections/${electionId}`)).body ?? '';
    expect(file).toContain('向党员公告选举事项');
    // The step is no longer waiting: its form goes back to the file.
    expect((await browser.get(`/staff/elections/${electionId}/steps/announcement`)).statusCode).toBe(303);
    expect(csrfFrom(file)).toBe(csrf);
  });

  test('the file shows the announcement notice the workflow publishes: status, end, staff page and print links', async () => {
    const { browser } = await signedIn('li', 'pw-li-123');
    const { draft } = await prepareAnnouncementNotice(deps, { electionId }); // the workflow's tasks, run by hand here
    expect((await browser.get(`/staff/elections/${electionId}`)).body).toContain('换届选举公告（内部公示）：正在发布');
    await recordPublication(deps, draft);
    const file = (await browser.get(`/staff/elections/${electionId}`)).body ?? '';
    expect(file).toContain(`<a href="/staff/notices/${draft.id}">关于办公室党支部换届选举的公告</a>`);
    expect(file).toContain(`<a href="/staff/notices/${draft.id}/print">打印版</a>`);
    expect(file).toMatch(/换届选举公告（内部公示）：.*（公示中，截至 /s);
    expect(file).toContain('发布换届选举公告（内部公示）');
  });
});

describe('issue 13 item 2: an election that cannot finish is refused; ending one (终止)', () => {
  test('a branch with fewer than 7 voting members: a committee election is refused at creation, in Chinese, nothing written', async () => {
    const { browser, csrf } = await signedIn('zhao', 'pw-zhao-123');
    for (const name of ['甲一', '乙二', '丙三']) await putTestPerson(deps.store, testPerson({ orgId: 'b2', name }));
    const refused = await browser.post('/staff/elections', { _csrf: csrf, ...REQUEST, orgId: 'b2', form: 'haixuan' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('本支部有表决权的正式党员 3 名，不足 7 名，不设支部委员会，只选举书记 1 名、副书记 1 名：委员名额应填 2。');
    expect(await electionsOf('b2')).toEqual([]);
  });

  test('committee staff ask to end the election with a reason (branch staff may not); the request awaits the higher committee', async () => {
    const [election] = await electionsOf('b1');
    const url = `/staff/elections/${election.id}/end`;
    const branch = await signedIn('li', 'pw-li-123');
    expect((await branch.browser.get(`/staff/elections/${election.id}`)).body).not.toContain('终止本次选举');
    expect((await branch.browser.post(url, { _csrf: branch.csrf, reason: '组织调整' })).statusCode).toBe(403);
    const committee = await signedIn('wang', 'pw-wang-123');
    expect((await committee.browser.get(`/staff/elections/${election.id}`)).body).toContain('终止本次选举');
    const empty = await committee.browser.post(url, { _csrf: committee.csrf, reason: '' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('终止原因');
    expect((await electionsOf('b1'))[0].endRequest).toBeUndefined();
    const asked = await committee.browser.post(url, { _csrf: committee.csrf, reason: '机构调整，办公室党支部撤销合并。' });
    expect(asked.statusCode).toBe(303);
    const page = (await committee.browser.get(asked.headers?.location as string)).body ?? '';
    expect(page).toContain('终止选举的请示已报上级党组织审批。');
    expect(page).toContain('报请上级党组织批准终止本次选举（原因：机构调整，办公室党支部撤销合并。），等待批复。');
    expect(started.at(-1)?.name).toBe(`approval-${election.id}-end-${election.version}`);
    expect((await committee.browser.post(url, { _csrf: committee.csrf, reason: '再次' })).statusCode).toBe(409);
  });
});
