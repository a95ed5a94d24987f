import { DeleteCommand, GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { ApprovalPolicy, ApprovalRequest } from '../../../shared/domain/approval/approval';
import type { Actor } from '../../../shared/services/actor';
import {
  approvalExecutionName, decideByLink, getApprovalForStaff, listApprovals, reassignApprover, recordPaperDecision,
  resendApprovalLink, runApprovalReminders, startApprovalProcess, viewApprovalLink,
} from '../../../shared/services/approval';
import { InputInvalidError } from '../../../shared/errors';
import { listPendingTasks } from '../../../shared/services/notice';
import { putAccount } from '../../../shared/store/accounts-repo';
import { listAudit } from '../../../shared/store/audit';
import { approvalPk, getApproval } from '../../../shared/store/approvals-repo';
import { ApprovalState } from '../../../workflows/approval/approval-states';
import { startTestRuntime, type TestRuntime } from '../../support/local-runtime';
import { putTestOrg, testOrg } from '../../support/registry-fixtures';

// Over the ASL synthesized from the CDK app, the real task handler, DynamoDB Local and a hand-driven clock.
const arnOf = (approvalId: string) => `arn:aws:states:local:000000000000:execution:approval:${approvalExecutionName(approvalId)}`;
const client = { ip: '203.0.113.7', userAgent: 'Mozilla/5.0 (测试浏览器)' };
const committeeStaff: Actor = { id: 'org-staff-1', displayName: '王干事', role: 'committee-staff', orgId: 'committee-1', scopeOrgIds: ['committee-1', 'branch-1'] };

let runtime: TestRuntime;
let sequence = 0;
beforeEach(async () => {
  runtime = await startTestRuntime('2026-09-23T01:00:00.000Z');
  await putTestOrg(runtime.store, testOrg({ id: 'committee-1', kind: 'committee', name: '机关党委' }));
  await putTestOrg(runtime.store, testOrg({ id: 'branch-1', kind: 'branch', parentId: 'committee-1', name: '办公室党支部' }));
  await putAccount(runtime.store, { username: 'org-staff-1', passwordHash: 'x', role: 'committee-staff', orgId: 'committee-1', email: 'zuzhi@example.org', displayName: '王干事' });
});
afterEach(async () => {
  await runtime.shutdown();
});

const approvers = [
  { name: '赵书记', email: 'zhao@example.org' },
  { name: '钱副书记', email: 'qian@example.org' },
  { name: '孙委员', email: 'sun@example.org' },
];

async function start(policy: ApprovalPolicy = 'any', count = 1, overrides: Partial<ApprovalRequest> = {}) {
  const approval: ApprovalRequest = {
    approvalId: `ap-${Date.now()}-${sequence++}`,
    subject: { kind: 'admission', title: '接收张三为中共预备党员', summary: '张三，男，1995年3月生，大学本科。支部大会表决通过。', orgId: 'branch-1' },
    approvers: approvers.slice(0, count),
    policy,
    dueDate: '2026-10-23T09:59:59.000Z',
    ...overrides,
  };
  await startApprovalProcess(runtime.deps, approval);
  await runtime.stepFunctions.settled();
  return approval.approvalId;
}

/** The raw link id mailed to `email` (the latest one). */
function linkOf(email: string): string {
  const mails = runtime.mailer.sent.filter((m) => m.to.includes(email) && m.subject.startsWith('【审批】'));
  const match = /\/approvals\/([A-Za-z0-9_-]{43})/.exec(mails.at(-1)?.text ?? '');
  if (!match) throw new Error(`no link mailed to ${email}`);
  return match[1];
}

const approve = { outcome: 'approved', comment: '同意接收', meetingDate: '2026-09-25' };
const reject = { outcome: 'rejected', comment: '材料不全', meetingDate: '2026-09-25' };

async function execution(approvalId: string) {
  return runtime.stepFunctions.describeExecution(arnOf(approvalId));
}

async function scanTable() {
  const { Items } = await runtime.store.doc.send(new ScanCommand({ TableName: runtime.store.tableName, ConsistentRead: true }));
  return (Items ?? []).sort((a, b) => `${a.pk}${a.sk}`.localeCompare(`${b.pk}${b.sk}`));
}

test('each approver gets an e-mail with the case, the link, its expiry, and that opening it decides nothing', async () => {
  const approvalId = await start('all', 2);
  expect((await execution(approvalId))).toMatchObject({ status: 'RUNNING', currentState: ApprovalState.requestDecision });
  const mail = runtime.mailer.sent.find((m) => m.to.includes('zhao@example.org'))!;
  expect(mail.subject).toContain('接收张三为中共预备党员');
  expect(mail.text).toContain('支部大会表决通过');
  expect(mail.text).toContain(`http://localhost:3000/approvals/${linkOf('zhao@example.org')}`);
  expect(mail.text).toContain('2026-10-07 09:00');
  expect(mail.text).toContain('不会作出任何决定');
  expect(linkOf('zhao@example.org')).not.toBe(linkOf('qian@example.org'));
});

test('approve path: the workflow continues with the decision', async () => {
  const approvalId = await start('any');
  const view = await decideByLink(runtime.deps, linkOf('zhao@example.org'), approve, client);
  await runtime.stepFunctions.settled();
  expect(view).toMatchObject({ state: 'decided', overall: 'approved', decision: { outcome: 'approved', decidedBy: '赵书记', meetingDate: '2026-09-25', byLink: true } });
  const done = await execution(approvalId);
  expect(done.status).toBe('SUCCEEDED');
  expect(done.output).toEqual({ approvalId, outcome: 'approved', decidedAt: '2026-09-23T01:00:00.000Z', meetingDate: '2026-09-25', comment: '同意接收', decidedBy: '赵书记' });
});

test('reject path: the workflow continues with the rejection', async () => {
  const approvalId = await start('any');
  await decideByLink(runtime.deps, linkOf('zhao@example.org'), { outcome: 'rejected', meetingDate: '2026-09-25' }, client);
  await runtime.stepFunctions.settled();
  const done = await execution(approvalId);
  expect(done.output).toEqual({ approvalId, outcome: 'rejected', decidedAt: '2026-09-23T01:00:00.000Z', meetingDate: '2026-09-25', decidedBy: '赵书记' });
});

test('opening the link many times changes nothing (GET/HEAD have no side effect)', async () => {
  const approvalId = await start('any');
  const link = linkOf('zhao@example.org');
  const before = await scanTable();
  for (let i = 0; i < 5; i++) {
    expect(await viewApprovalLink(runtime.deps, link)).toMatchObject({ state: 'pending', approver: { name: '赵书记' }, approval: { id: approvalId, approvers: [{ name: '赵书记' }] } });
  }
  await runtime.stepFunctions.settled();
  expect(await scanTable()).toEqual(before);
  expect((await execution(approvalId)).status).toBe('RUNNING');
});

test('a replayed link shows the recorded decision; a bad form is refused in Chinese', async () => {
  await start('any');
  const link = linkOf('zhao@example.org');
  const error = await decideByLink(runtime.deps, link, { outcome: 'maybe' }, client).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputInvalidError);
  expect(Object.keys((error as InputInvalidError).fieldErrors).sort()).toEqual(['meetingDate', 'outcome']);
  await decideByLink(runtime.deps, link, approve, client);
  const again = await decideByLink(runtime.deps, link, reject, client);
  expect(again).toMatchObject({ state: 'decided', decision: { outcome: 'approved', decidedBy: '赵书记' } });
  expect(await viewApprovalLink(runtime.deps, link)).toEqual(again);
});

test('an expired link says so and how to get a new one; it can no longer decide', async () => {
  const approvalId = await start('any');
  const link = linkOf('zhao@example.org');
  await runtime.advanceTo('2026-10-07T01:00:00.000Z');
  const view = await viewApprovalLink(runtime.deps, link);
  expect(view).toMatchObject({ state: 'expired', approval: { subject: { title: '接收张三为中共预备党员' } }, expiredAt: '2026-10-07T01:00:00.000Z' });
  expect(view.state === 'expired' && view.contact).toContain('zuzhi@example.org');
  expect(await decideByLink(runtime.deps, link, approve, client)).toEqual(view);
  expect((await getApproval(runtime.store, approvalId))?.decisions).toEqual([]);
});

test('a link with one character changed, or made up, reveals nothing', async () => {
  await start('any');
  const link = linkOf('zhao@example.org');
  const altered = link.slice(0, 10) + (link[10] === 'A' ? 'B' : 'A') + link.slice(11);
  expect(await viewApprovalLink(runtime.deps, altered)).toEqual({ state: 'invalid' });
  expect(await decideByLink(runtime.deps, altered, approve, client)).toEqual({ state: 'invalid' });
  expect(await viewApprovalLink(runtime.deps, 'x')).toEqual({ state: 'invalid' });
  expect(await viewApprovalLink(runtime.deps, `${link}A`)).toEqual({ state: 'invalid' });
});

test('policy all waits for every approver; a single rejection rejects', async () => {
  const approvalId = await start('all', 3);
  await decideByLink(runtime.deps, linkOf('zhao@example.org'), approve, client);
  expect(await decideByLink(runtime.deps, linkOf('qian@example.org'), approve, client)).toMatchObject({ state: 'decided', overall: 'pending' });
  await runtime.stepFunctions.settled();
  expect((await execution(approvalId)).status).toBe('RUNNING');
  await decideByLink(runtime.deps, linkOf('sun@example.org'), approve, client);
  await runtime.stepFunctions.settled();
  expect((await execution(approvalId)).output).toMatchObject({ outcome: 'approved', decidedBy: '赵书记、钱副书记、孙委员' });

  const second = await start('all', 3);
  await decideByLink(runtime.deps, linkOf('zhao@example.org'), approve, client);
  await decideByLink(runtime.deps, linkOf('qian@example.org'), reject, client);
  await runtime.stepFunctions.settled();
  expect((await execution(second)).output).toMatchObject({ outcome: 'rejected', decidedBy: '钱副书记', comment: '材料不全' });
  expect(await viewApprovalLink(runtime.deps, linkOf('sun@example.org'))).toMatchObject({ state: 'decided', overall: 'rejected' });
});

test('policy any takes the first decision; majority of 3 needs two', async () => {
  const anyId = await start('any', 3);
  await decideByLink(runtime.deps, linkOf('qian@example.org'), reject, client);
  expect(await decideByLink(runtime.deps, linkOf('zhao@example.org'), approve, client)).toMatchObject({ state: 'decided', decision: { outcome: 'rejected', decidedBy: '钱副书记' } });
  await runtime.stepFunctions.settled();
  expect((await execution(anyId)).output).toMatchObject({ outcome: 'rejected', decidedBy: '钱副书记' });

  const majorityId = await start('majority', 3);
  await decideByLink(runtime.deps, linkOf('zhao@example.org'), reject, client);
  await decideByLink(runtime.deps, linkOf('qian@example.org'), approve, client);
  await runtime.stepFunctions.settled();
  expect((await execution(majorityId)).status).toBe('RUNNING');
  await decideByLink(runtime.deps, linkOf('sun@example.org'), approve, client);
  await runtime.stepFunctions.settled();
  expect((await execution(majorityId)).output).toMatchObject({ outcome: 'approved', decidedBy: '钱副书记、孙委员' });
});

test('two POSTs on the same link at the same moment → exactly one decision', async () => {
  const approvalId = await start('all', 2);
  const link = linkOf('zhao@example.org');
  const views = await Promise.all([decideByLink(runtime.deps, link, approve, client), decideByLink(runtime.deps, link, reject, client)]);
  const approval = await getApproval(runtime.store, approvalId);
  expect(approval?.decisions).toHaveLength(1);
  expect(views.map((v) => v.state)).toEqual(['decided', 'decided']);
  expect(new Set(views.map((v) => v.state === 'decided' && v.decision.outcome)).size).toBe(1);
  expect((await listAudit(runtime.store, approvalPk(approvalId))).filter((e) => e.action === 'approval.decided')).toHaveLength(1);
});

test('two approvers racing under any → one resolution, the workflow completes once', async () => {
  const approvalId = await start('any', 2);
  await Promise.all([
    decideByLink(runtime.deps, linkOf('zhao@example.org'), approve, client),
    decideByLink(runtime.deps, linkOf('qian@example.org'), reject, client),
  ]);
  await runtime.stepFunctions.settled();
  const approval = await getApproval(runtime.store, approvalId);
  expect(approval?.decisions).toHaveLength(1);
  const done = await execution(approvalId);
  expect(done.status).toBe('SUCCEEDED');
  expect((done.output as { outcome: string }).outcome).toBe(approval?.status);
  expect((await listAudit(runtime.store, approvalPk(approvalId))).filter((e) => e.action === 'approval.resolved')).toHaveLength(1);
});

test('the task already closed in Step Functions → the decision shows as decided, no error', async () => {
  const approvalId = await start('any');
  await runtime.stepFunctions.stopExecution({ executionArn: arnOf(approvalId), cause: 'test' });
  const view = await decideByLink(runtime.deps, linkOf('zhao@example.org'), approve, client);
  expect(view).toMatchObject({ state: 'decided', overall: 'approved' });
  expect((await getApproval(runtime.store, approvalId))?.callbackDelivered).toBe(true);
});

test('reminders are sent once; on expiry staff get one overdue step; resend invalidates the old link', async () => {
  const approvalId = await start('any', 1);
  const first = linkOf('zhao@example.org');
  runtime.clock.set('2026-10-03T01:00:00.000Z');
  expect(await runApprovalReminders(runtime.deps)).toEqual({ reminders: 0, overdue: 0 });
  runtime.clock.set('2026-10-04T01:00:00.000Z');
  expect(await runApprovalReminders(runtime.deps)).toEqual({ reminders: 1, overdue: 0 });
  expect(await runApprovalReminders(runtime.deps)).toEqual({ reminders: 0, overdue: 0 });
  const reminder = runtime.mailer.sent.filter((m) => m.subject.startsWith('【审批提醒】'));
  expect(reminder).toHaveLength(1);
  expect(reminder[0].text).not.toContain(first);

  runtime.clock.set('2026-10-07T01:00:00.000Z');
  expect(await runApprovalReminders(runtime.deps)).toEqual({ reminders: 0, overdue: 1 });
  expect(await runApprovalReminders(runtime.deps)).toEqual({ reminders: 0, overdue: 0 });
  const tasks = await listPendingTasks(runtime.deps, committeeStaff);
  expect(tasks).toHaveLength(1);
  expect(tasks[0]).toMatchObject({ kind: 'approval-overdue', orgId: 'branch-1', subject: { approvalId } });
  expect(runtime.mailer.sent.filter((m) => m.subject.startsWith('【待办】审批逾期'))).toHaveLength(1);

  await resendApprovalLink(runtime.deps, committeeStaff, approvalId, 0, client);
  const second = linkOf('zhao@example.org');
  expect(second).not.toBe(first);
  expect(await viewApprovalLink(runtime.deps, first)).toEqual({ state: 'invalid' });
  expect(await viewApprovalLink(runtime.deps, second)).toMatchObject({ state: 'pending', expiresAt: '2026-10-21T01:00:00.000Z' });
  expect(await listPendingTasks(runtime.deps, committeeStaff)).toEqual([]);
  await decideByLink(runtime.deps, second, approve, client);
  await runtime.stepFunctions.settled();
  expect((await execution(approvalId)).output).toMatchObject({ outcome: 'approved' });
  const staffView = await getApprovalForStaff(runtime.deps, committeeStaff, approvalId);
  expect(staffView.audit.map((e) => e.action)).toEqual(['approval.requested', 'approval.overdue', 'approval.link-resent', 'approval.decided', 'approval.resolved']);
  expect(staffView.audit.find((e) => e.action === 'approval.link-resent')?.details).toMatchObject({ ip: client.ip, userAgent: client.userAgent });
});

test('reassign: the old approver\'s link stops working, the new one decides', async () => {
  const approvalId = await start('any', 1);
  const old = linkOf('zhao@example.org');
  await reassignApprover(runtime.deps, committeeStaff, approvalId, 0, { name: '周委员', email: 'zhou@example.org' }, client);
  expect(await viewApprovalLink(runtime.deps, old)).toEqual({ state: 'invalid' });
  expect(await viewApprovalLink(runtime.deps, linkOf('zhou@example.org'))).toMatchObject({ state: 'pending', approver: { name: '周委员' } });
  await decideByLink(runtime.deps, linkOf('zhou@example.org'), approve, client);
  await runtime.stepFunctions.settled();
  expect((await execution(approvalId)).output).toMatchObject({ outcome: 'approved', decidedBy: '周委员' });
  const view = await getApprovalForStaff(runtime.deps, committeeStaff, approvalId);
  expect(view.approvers[0]).toMatchObject({ name: '周委员', link: { state: 'used' } });
  expect(view.audit.find((e) => e.action === 'approval.approver-reassigned')?.details).toMatchObject({ previousApprover: '赵书记', approver: '周委员' });
});

test('a decision taken on paper completes the workflow; the links then show it', async () => {
  const approvalId = await start('all', 2);
  await recordPaperDecision(runtime.deps, committeeStaff, approvalId, {
    outcome: 'approved', comment: '党委会议书面表决', meetingDate: '2026-09-28', decidedBy: '机关党委（赵书记主持）', decidedAt: '2026-09-28',
  }, client);
  await runtime.stepFunctions.settled();
  expect((await execution(approvalId)).output).toEqual({
    approvalId, outcome: 'approved', decidedAt: '2026-09-28', meetingDate: '2026-09-28', comment: '党委会议书面表决', decidedBy: '机关党委（赵书记主持）',
  });
  expect(await viewApprovalLink(runtime.deps, linkOf('zhao@example.org'))).toMatchObject({ state: 'decided', decision: { byLink: false, decidedBy: '机关党委（赵书记主持）' } });
  expect((await listApprovals(runtime.deps, committeeStaff)).map((a) => [a.id, a.status])).toEqual([[approvalId, 'approved']]);
});

test('no task token and no raw link id in audit, table, staff view or mail beyond the link itself', async () => {
  const approvalId = await start('any', 2);
  const links = [linkOf('zhao@example.org'), linkOf('qian@example.org')];
  await resendApprovalLink(runtime.deps, committeeStaff, approvalId, 1, client);
  links.push(linkOf('qian@example.org'));
  await decideByLink(runtime.deps, links[0], approve, client);
  await runtime.stepFunctions.settled();
  const token = (await getApproval(runtime.store, approvalId))!.taskToken;
  expect(token.length).toBeGreaterThan(10);
  const audit = JSON.stringify(await listAudit(runtime.store, approvalPk(approvalId)));
  const staff = JSON.stringify([await getApprovalForStaff(runtime.deps, committeeStaff, approvalId), await listApprovals(runtime.deps, committeeStaff)]);
  const table = JSON.stringify(await scanTable());
  const views = JSON.stringify(await Promise.all(links.map((l) => viewApprovalLink(runtime.deps, l))));
  for (const text of [audit, staff, views]) expect(text).not.toContain(token);
  for (const link of links) for (const text of [audit, staff, table, views]) expect(text).not.toContain(link);
  for (const mail of runtime.mailer.sent) {
    expect(mail.text).not.toContain(token);
    const withoutLinks = mail.text.replace(/http:\/\/localhost:3000\/approvals\/[A-Za-z0-9_-]{43}/g, '');
    for (const link of links) expect(withoutLinks + mail.subject).not.toContain(link);
  }
});

test('the case summary is written once in its own item: the approval item carries none, and every page and mail still shows it', async () => {
  const summary = `张三，男，1995年3月生，大学本科。\n${'支部大会表决：应到会 15 人，实到 14 人，赞成票 14 票。'.repeat(40)}`;
  const approvalId = await start('any', 2, { subject: { kind: 'admission', title: '接收张三为中共预备党员', summary, orgId: 'branch-1' } });
  const { Items } = await runtime.store.doc.send(new ScanCommand({ TableName: runtime.store.tableName }));
  const items = (Items ?? []).filter((item) => item.pk === approvalPk(approvalId));
  const approvalItem = items.find((item) => item.sk === 'APPROVAL')!;
  expect(approvalItem.subject).toEqual({ kind: 'admission', title: '接收张三为中共预备党员', orgId: 'branch-1' });
  expect(JSON.stringify(approvalItem).length).toBeLessThan(2048);
  expect(items.find((item) => item.sk === 'SUMMARY')).toMatchObject({ summary });
  expect(runtime.mailer.sent.filter((m) => m.subject.startsWith('【审批】')).every((m) => m.text.includes(summary))).toBe(true);

  const link = linkOf(approvers[0].email);
  const pending = await viewApprovalLink(runtime.deps, link);
  expect(pending.state === 'pending' && pending.approval.subject.summary).toBe(summary);
  const decided = await decideByLink(runtime.deps, link, { outcome: 'approved', meetingDate: '2026-09-23', comment: '同意' }, client);
  expect(decided.state === 'decided' && decided.approval.subject.summary).toBe(summary);
  expect((await getApprovalForStaff(runtime.deps, committeeStaff, approvalId)).subject.summary).toBe(summary);
  // Written again (decided, callback): still no summary on the approval item.
  expect((await getApproval(runtime.store, approvalId))!.subject.summary).toBeUndefined();
});

test('an approval stored with its summary on the approval item (before the summary had its own item) keeps showing it', async () => {
  const approvalId = await start('any', 2);
  const stored = (await getApproval(runtime.store, approvalId))!;
  const summary = '张三，男，1995年3月生（旧数据）。';
  await runtime.store.doc.send(new PutCommand({ TableName: runtime.store.tableName, Item: { ...(await runtime.store.doc.send(new GetCommand({ TableName: runtime.store.tableName, Key: { pk: approvalPk(approvalId), sk: 'APPROVAL' } }))).Item, subject: { ...stored.subject, summary } } }));
  await runtime.store.doc.send(new DeleteCommand({ TableName: runtime.store.tableName, Key: { pk: approvalPk(approvalId), sk: 'SUMMARY' } }));
  const link = linkOf(approvers[0].email);
  const pending = await viewApprovalLink(runtime.deps, link);
  expect(pending.state === 'pending' && pending.approval.subject.summary).toBe(summary);
  await decideByLink(runtime.deps, link, { outcome: 'approved', meetingDate: '2026-09-23', comment: '同意' }, client);
  expect((await getApproval(runtime.store, approvalId))!.subject.summary).toBe(summary);
  expect((await getApprovalForStaff(runtime.deps, committeeStaff, approvalId)).subject.summary).toBe(summary);
});
