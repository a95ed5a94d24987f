import { jest } from '@jest/globals';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createApprovalSite } from '../../../functions/http/approval-site';
import { createStaffSite } from '../../../functions/http/staff-site';
import type { HttpHandlerFn, HttpResult } from '../../../functions/http/edge/types';
import { LINK_CSRF_COOKIE } from '../../../functions/http/approval/link-csrf';
import { createLocalAuthenticator } from '../../../shared/services/auth';
import { listAudit } from '../../../shared/store/audit';
import { approvalPk, getApproval } from '../../../shared/store/approvals-repo';
import { startTestRuntime, type TestRuntime } from '../../support/local-runtime';
import { putTestOrg, testOrg } from '../../support/registry-fixtures';
import { Browser, makeEvent, signInWithForm } from './support/http-client';
import { addAccount } from './support/test-deps';

// The approval decision handler over DynamoDB Local and the real synthesized approval state machine (local runtime).

let rt: TestRuntime;
let site: HttpHandlerFn;
const logs: string[] = [];
const pages: string[] = [];
let consoleSpies: { mockRestore(): void }[] = [];
let sequence = 0;

const LINK_PATTERN = /\/approvals\/([A-Za-z0-9_-]{43})/;

beforeAll(async () => {
  rt = await startTestRuntime('2026-09-23T01:00:00.000Z');
  await putTestOrg(rt.store, testOrg({ id: 'org-c', name: '示例机关党委', kind: 'committee' }));
  await addAccount(rt.store, { username: 'wang', password: 'pw-wang-123', role: 'committee-staff', orgId: 'org-c', displayName: '王组织员' });
  site = createApprovalSite({ ...rt.deps, authenticator: createLocalAuthenticator(rt.store) }, { log: (entry) => logs.push(JSON.stringify(entry)) });
  consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
    jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void logs.push(args.map(String).join(' '))));
});

afterAll(async () => {
  for (const spy of consoleSpies) spy.mockRestore();
  await rt?.shutdown();
});

interface Started {
  approvalId: string;
  executionArn: string;
  links: string[];
}

/** Starts the approval workflow and answers each approver's raw link id, from the mails. */
async function startApproval(approvers: number, policy: 'any' | 'all' | 'majority' = 'any'): Promise<Started> {
  const approvalId = `t${++sequence}-${Date.now().toString(36)}`;
  const people = Array.from({ length: approvers }, (_, index) => ({ name: `审批人${sequence}-${index + 1}`, email: `approver-${sequence}-${index + 1}@example.org` }));
  const { executionArn } = await rt.deps.workflow.startExecution({
    stateMachine: 'approval',
    name: `approval-${approvalId}`,
    input: {
      approval: {
        approvalId,
        subject: { kind: 'pre-review', title: `关于张伟同志拟确定为发展对象的预审 ${approvalId}`, summary: '支部委员会研究同意。\n报请预审。', orgId: 'org-c' },
        approvers: people,
        policy,
        dueDate: '2026-10-09T01:00:00.000Z',
      },
    },
  });
  await rt.stepFunctions.settled();
  const links = people.map((person) => {
    const mail = rt.mailer.sent.find((m) => m.to.includes(person.email) && m.subject.startsWith('【审批】'));
    const id = LINK_PATTERN.exec(mail?.text ?? '')?.[1];
    if (!id) throw new Error(`No link mailed to ${person.email}`);
    return id;
  });
  return { approvalId, executionArn, links };
}

async function request(method: 'GET' | 'HEAD' | 'POST', url: string, options: { body?: Record<string, string>; cookies?: string[] } = {}): Promise<HttpResult> {
  const result = await site(makeEvent(method, url, { body: options.body, headers: { 'user-agent': 'Mozilla/5.0 (测试浏览器)' } }, options.cookies));
  if (typeof result.body === 'string' && result.body) pages.push(result.body);
  return result;
}

/** Opens the link like a browser: answers the page and what its form needs (the CSRF cookie and field). */
async function open(link: string): Promise<{ page: HttpResult; cookie: string; csrf: string }> {
  const page = await request('GET', `/approvals/${link}`);
  const setCookie = (page.cookies ?? []).find((c) => c.startsWith(`${LINK_CSRF_COOKIE}=`)) ?? '';
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body ?? '')?.[1] ?? '';
  return { page, cookie: setCookie.split(';')[0], csrf };
}

async function decide(link: string, outcome: 'approved' | 'rejected', extra: Record<string, string> = {}): Promise<HttpResult> {
  const { cookie, csrf } = await open(link);
  return request('POST', `/approvals/${link}`, { body: { _csrf: csrf, outcome, meetingDate: '2026-09-22', comment: '经党委会研究。', ...extra }, cookies: [cookie] });
}

async function tableItems(): Promise<unknown[]> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await rt.store.doc.send(new ScanCommand({ TableName: rt.store.tableName, ConsistentRead: true, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items.map((item) => JSON.stringify(item)).sort();
}

const status = async (started: Started) => (await rt.stepFunctions.describeExecution(started.executionArn)).status;

/** What a scanner does: GET, follow any redirect, HEAD; never submits a form. */
async function scan(url: string): Promise<void> {
  for (let hop = 0, next: string | undefined = url; next && hop < 5; hop += 1) {
    const result = await request('GET', next);
    next = result.statusCode && result.statusCode >= 300 && result.statusCode < 400 ? String(result.headers?.location) : undefined;
  }
  await request('HEAD', url);
  await request('GET', url);
  await request('GET', `${url}?utm_source=mail`);
}

describe('the link page (GET/HEAD)', () => {
  test('pending: the full case, the approver’s name, 同意/不同意 with the meeting date; no-store, no-referrer, noindex', async () => {
    const started = await startApproval(1);
    const { page, cookie, csrf } = await open(started.links[0]);
    expect(page.statusCode).toBe(200);
    expect(page.headers).toMatchObject({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', 'x-robots-tag': expect.stringContaining('noindex') });
    const body = page.body ?? '';
    expect(body).toContain(`关于张伟同志拟确定为发展对象的预审 ${started.approvalId}`);
    expect(body).toContain('预审');
    expect(body).toContain('支部委员会研究同意。<br>报请预审。');
    expect(body).toContain(`审批人：<strong>审批人${sequence}-1</strong>`);
    expect(body).toContain('打开本页面不会作出任何决定');
    expect(body).toMatch(/<button type="submit" name="outcome" value="approved">同意<\/button>/);
    expect(body).toMatch(/<button type="submit" name="outcome" value="rejected"[^>]*>不同意<\/button>/);
    expect(body).toMatch(/name="meetingDate"[^>]* required/);
    expect(cookie).toMatch(new RegExp(`^${LINK_CSRF_COOKIE}=[A-Za-z0-9_-]{43}$`));
    expect(page.cookies?.[0]).toMatch(/Path=\/approvals\/; Max-Age=\d+; HttpOnly; SameSite=Strict/);
    expect(csrf).toBe(cookie.split('=')[1]);
    // The raw id appears once: in the form's action.
    expect(body.split(started.links[0]).length - 1).toBe(1);
    expect(body).toContain(`action="/approvals/${started.links[0]}"`);
  });

  test('a link scanner (GETs, HEAD, redirects followed or not) leaves the decision pending: the table is unchanged', async () => {
    const started = await startApproval(1);
    const before = await tableItems();
    await scan(`/approvals/${started.links[0]}`);
    const head = await request('HEAD', `/approvals/${started.links[0]}`);
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers).toMatchObject({ 'cache-control': 'no-store', 'x-robots-tag': expect.stringContaining('noindex') });
    expect(await tableItems()).toEqual(before);
    await rt.stepFunctions.settled();
    expect(await status(started)).toBe('RUNNING');
    expect((await open(started.links[0])).page.body).toContain('打开本页面不会作出任何决定');
  });

  test('a link with one character changed, or no link id at all: the same generic 404 page, naming nothing', async () => {
    const started = await startApproval(1);
    const link = started.links[0];
    const altered = `${link.slice(0, 10)}${link[10] === 'A' ? 'B' : 'A'}${link.slice(11)}`;
    const answers = await Promise.all([altered, `${link}x`, link.slice(0, 42), 'not-a-link', '%3Cscript%3E'].map((id) => request('GET', `/approvals/${id}`)));
    for (const answer of answers) {
      expect(answer.statusCode).toBe(404);
      expect(answer.body).toBe(answers[0].body);
      expect(answer.body).toContain('链接无效');
      expect(answer.body).not.toContain(started.approvalId);
      expect(answer.body).not.toContain('张伟');
      expect(answer.cookies ?? []).toEqual([]);
      expect(answer.headers).toMatchObject({ 'cache-control': 'no-store', 'x-robots-tag': expect.stringContaining('noindex') });
    }
    const post = await request('POST', `/approvals/${altered}`, { body: { _csrf: 'x'.repeat(43), outcome: 'approved', meetingDate: '2026-09-22' }, cookies: [`${LINK_CSRF_COOKIE}=${'x'.repeat(43)}`] });
    expect(post.statusCode).toBe(404);
    expect(post.body).toBe(answers[0].body);
  });
});

describe('deciding (POST)', () => {
  test('approve: the workflow continues with the approval; the link then shows the recorded decision', async () => {
    const started = await startApproval(1);
    const result = await decide(started.links[0], 'approved');
    expect(result.statusCode).toBe(200);
    expect(result.body).toContain('您的审批意见已提交');
    expect(result.body).toContain('同意');
    expect(result.body).toContain('2026年9月22日');
    expect(result.body).not.toContain(started.links[0]);
    await rt.stepFunctions.settled();
    const execution = await rt.stepFunctions.describeExecution(started.executionArn);
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.stringify(execution.output)).toContain('"approved"');

    const replay = await request('GET', `/approvals/${started.links[0]}`);
    expect(replay.statusCode).toBe(200);
    expect(replay.body).toContain('此审批链接已使用');
    expect(replay.body).toMatch(/决定人<\/dt><dd>审批人\d+-1/);
    expect(replay.body).toContain('审批通过');
    expect(replay.body).not.toContain('name="outcome"');
  });

  test('reject: the workflow receives the rejection', async () => {
    const started = await startApproval(1);
    const result = await decide(started.links[0], 'rejected', { comment: '材料不全，请补充。' });
    expect(result.body).toContain('不同意');
    expect(result.body).toContain('材料不全，请补充。');
    await rt.stepFunctions.settled();
    const execution = await rt.stepFunctions.describeExecution(started.executionArn);
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.stringify(execution.output)).toContain('"rejected"');
    expect((await request('GET', `/approvals/${started.links[0]}`)).body).toContain('审批未通过');
  });

  test('a second POST (replay) decides nothing new: it shows the recorded decision', async () => {
    const started = await startApproval(1);
    const { cookie, csrf } = await open(started.links[0]);
    const body = { _csrf: csrf, outcome: 'approved', meetingDate: '2026-09-22' };
    await request('POST', `/approvals/${started.links[0]}`, { body, cookies: [cookie] });
    const again = await request('POST', `/approvals/${started.links[0]}`, { body: { ...body, outcome: 'rejected' }, cookies: [cookie] });
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('此审批链接已使用');
    expect(again.body).toMatch(/意见<\/dt><dd><strong>同意/);
  });

  test('without the CSRF cookie or field, or with a wrong one: 403, nothing decided', async () => {
    const started = await startApproval(1);
    const { cookie, csrf } = await open(started.links[0]);
    const before = await tableItems();
    const url = `/approvals/${started.links[0]}`;
    const form = { outcome: 'approved', meetingDate: '2026-09-22' };
    for (const attempt of [
      { body: form },
      { body: { ...form, _csrf: csrf } },
      { body: form, cookies: [cookie] },
      { body: { ...form, _csrf: `${csrf.slice(0, 42)}A` === csrf ? `${csrf.slice(0, 42)}B` : `${csrf.slice(0, 42)}A` }, cookies: [cookie] },
    ]) {
      const result = await request('POST', url, attempt);
      expect(result.statusCode).toBe(403);
      expect(result.body).toContain('审批意见未提交');
    }
    expect(await tableItems()).toEqual(before);
    expect(await status(started)).toBe('RUNNING');
  });

  test('without the meeting date: 422, the form again with the message, nothing decided', async () => {
    const started = await startApproval(1);
    const result = await decide(started.links[0], 'approved', { meetingDate: '' });
    expect(result.statusCode).toBe(422);
    expect(result.body).toContain('field-error');
    expect(result.body).toContain('name="outcome"');
    expect(await status(started)).toBe('RUNNING');
  });

  test('two POSTs at the same moment: one decision; the other sees “already decided”', async () => {
    const started = await startApproval(1);
    const { cookie, csrf } = await open(started.links[0]);
    const url = `/approvals/${started.links[0]}`;
    const results = await Promise.all((['approved', 'rejected'] as const).map((outcome) =>
      request('POST', url, { body: { _csrf: csrf, outcome, meetingDate: '2026-09-22' }, cookies: [cookie] })));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
    const bodies = results.map((r) => r.body ?? '');
    expect(bodies.filter((b) => b.includes('您的审批意见已提交'))).toHaveLength(1);
    expect(bodies.filter((b) => b.includes('此审批链接已使用'))).toHaveLength(1);
    const approval = await getApproval(rt.store, started.approvalId);
    expect(approval?.decisions).toHaveLength(1);
    await rt.stepFunctions.settled();
    expect(await status(started)).toBe('SUCCEEDED');
  });

  test('a link decides for its own approver only, whoever is signed in (another approver’s or a staff session)', async () => {
    const started = await startApproval(2, 'all');
    const staff = new Browser(createStaffSite({ ...rt.deps, authenticator: createLocalAuthenticator(rt.store) }));
    await signInWithForm(staff, 'wang', 'pw-wang-123');
    const sessionCookies = [...staff.jar].map(([name, value]) => `${name}=${value}`);
    const { cookie, csrf } = await open(started.links[0]);
    const result = await request('POST', `/approvals/${started.links[0]}`, {
      body: { _csrf: csrf, outcome: 'approved', meetingDate: '2026-09-22', approverIndex: '1', decidedBy: '王组织员' },
      cookies: [cookie, ...sessionCookies],
    });
    expect(result.statusCode).toBe(200);
    const approval = await getApproval(rt.store, started.approvalId);
    expect(approval?.decisions.map((d) => [d.approverIndex, d.decidedBy])).toEqual([[0, `审批人${sequence}-1`]]);
    expect(approval?.status).toBe('pending');
    expect((await open(started.links[1])).page.body).toContain('打开本页面不会作出任何决定');
    expect(await status(started)).toBe('RUNNING');
  });

  test('an expired link says so and whom to ask; it decides nothing', async () => {
    const started = await startApproval(1);
    const { cookie, csrf } = await open(started.links[0]);
    await rt.advanceTo(Date.parse('2026-09-23T01:00:00.000Z') + 15 * 86_400_000);
    const page = await request('GET', `/approvals/${started.links[0]}`);
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain('审批链接已过期');
    expect(page.body).toContain('重新发送');
    const post = await request('POST', `/approvals/${started.links[0]}`, { body: { _csrf: csrf, outcome: 'approved', meetingDate: '2026-09-22' }, cookies: [cookie] });
    expect(post.statusCode).toBe(410);
    expect((await getApproval(rt.store, started.approvalId))?.decisions).toEqual([]);
  });
});

describe('secrets', () => {
  test('no task token in logs, pages or the audit trail; no raw link id in logs or the audit trail, in pages only as the form action', async () => {
    const started = await startApproval(2, 'all');
    await decide(started.links[0], 'approved');
    await scan(`/approvals/${started.links[1]}`);
    await rt.stepFunctions.settled();
    const approval = await getApproval(rt.store, started.approvalId);
    const token = approval?.taskToken ?? '';
    expect(token.length).toBeGreaterThan(8);
    const audit = JSON.stringify(await listAudit(rt.store, approvalPk(started.approvalId)));
    const logText = logs.join('\n');
    for (const secret of [token, ...started.links]) {
      expect(logText).not.toContain(secret);
      expect(audit).not.toContain(secret);
    }
    for (const page of pages) {
      expect(page).not.toContain(token);
      for (const link of started.links) {
        const count = page.split(link).length - 1;
        if (count > 0) expect({ count, inAction: page.includes(`action="/approvals/${link}"`) }).toEqual({ count: 1, inAction: true });
      }
    }
  });
});
