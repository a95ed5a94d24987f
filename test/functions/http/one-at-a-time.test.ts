import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createStaffSite } from '../../../functions/http/staff-site';
import type { HttpHandlerFn } from '../../../functions/http/edge/types';
import type { NoticeDraft } from '../../../shared/domain/notice/notice';
import { recordPublication, withdrawNotice } from '../../../shared/services/notice';
import { resolveActor } from '../../../shared/services/authorization';
import { WorkflowExecutionExistsError, type WorkflowControl } from '../../../shared/services/ports';
import { putTestOrg, putTestPerson, testOrg, testPerson } from '../../support/registry-fixtures';
import { Browser, signInWithForm } from './support/http-client';
import { addAccount, createTestDeps, type TestDeps } from './support/test-deps';

/**
 * "At most one X per Y" rules under concurrent requests (shared/store/README.md, guards): ten requests at once with
 * different idempotency keys, through the staff site on DynamoDB Local → one succeeds, nine get the rule's Chinese
 * message with 409, and the table holds one X and one guard naming it.
 */

/** Step Functions' control plane: a notice execution records its publication in-process, the others are recorded. */
const started: string[] = [];
function workflowOf(getDeps: () => TestDeps): WorkflowControl {
  return {
    async startExecution({ stateMachine, name, input }) {
      if (started.includes(name)) throw new WorkflowExecutionExistsError();
      started.push(name);
      if (stateMachine === 'notice') await recordPublication(getDeps(), (input as { notice: NoticeDraft }).notice, `arn:local:notice:${name}`);
      return { executionArn: `arn:local:${stateMachine}:${name}` };
    },
    async sendTaskSuccess() {},
    async sendTaskFailure() {},
    async stopExecution() {},
    executionArnOf: ({ stateMachine, name }) => `arn:local:${stateMachine}:${name}`,
  };
}

let deps: TestDeps;
let site: HttpHandlerFn;
let applicantId: string;
let noticedId: string;

beforeAll(async () => {
  deps = await createTestDeps();
  deps.workflow = workflowOf(() => deps);
  site = createStaffSite(deps);
  await putTestOrg(deps.store, testOrg({ id: 'c1', kind: 'committee', name: '数据局机关党委' }));
  await putTestOrg(deps.store, testOrg({ id: 'b1', kind: 'branch', parentId: 'c1', name: '办公室党支部', termStart: '2023-03-01', termEnd: '2026-02-28' }));
  for (const name of ['丁一', '王二', '李三', '张四', '陈五', '周六', '吴七', '郑八']) await putTestPerson(deps.store, testPerson({ orgId: 'b1', name }));
  applicantId = (await putTestPerson(deps.store, testPerson({ orgId: 'b1', name: '杨帆', status: 'applicant', birthDate: '1998-02-01' }))).id;
  noticedId = (await putTestPerson(deps.store, testPerson({ orgId: 'b1', name: '孙婷', status: 'activist', birthDate: '1996-06-01' }))).id;
  await addAccount(deps.store, { username: 'li', password: 'pw-li-123', orgId: 'b1', displayName: '李书记' });
});

async function signedIn(): Promise<{ browser: Browser; csrf: string }> {
  const browser = new Browser(site);
  return { browser, csrf: await signInWithForm(browser, 'li', 'pw-li-123') };
}

async function scan(): Promise<Record<string, unknown>[]> {
  const { Items } = await deps.store.doc.send(new ScanCommand({ TableName: deps.store.tableName, ConsistentRead: true }));
  return Items ?? [];
}

const holdersOf = (guard: Record<string, unknown> | undefined) => (guard?.holders instanceof Set ? [...(guard.holders as Set<string>)] : []);

/** Ten POSTs at once, each with its own idempotency key; answers the status codes and bodies. */
async function tenAtOnce(path: string, form: (i: number) => Record<string, string>) {
  const { browser, csrf } = await signedIn();
  return Promise.all(Array.from({ length: 10 }, (_, i) => browser.post(path, { _csrf: csrf, ...form(i) })));
}

const key = (i: number) => `concurrent-key-${String(i).padStart(4, '0')}`;

test('one running election per organization: ten requests at once → one election, nine 409 with the reason', async () => {
  const results = await tenAtOnce('/staff/elections', (i) => ({
    idempotencyKey: key(i), orgId: 'b1', form: 'gongtui', seats: '3', deputies: '1', meetingDate: '2026-04-20',
    structure: '书记 1 名、副书记 1 名、委员 1 名', method: '差额选举，无记名投票', rulesVersion: '2020',
  }));
  expect(results.map((r) => r.statusCode).sort()).toEqual([303, ...Array(9).fill(409)]);
  for (const refused of results.filter((r) => r.statusCode === 409)) expect(refused.body).toContain('该组织已有正在进行的换届选举，不能重复发起。');
  const items = await scan();
  const elections = items.filter((item) => item.type === 'election');
  const guards = items.filter((item) => item.type === 'guard' && item.rule === 'election');
  expect(elections).toHaveLength(1);
  expect(guards).toHaveLength(1);
  expect(holdersOf(guards[0])).toEqual([elections[0].id]);
});

test('one open development case per person: ten requests at once → one case, nine 409 with the reason', async () => {
  const results = await tenAtOnce('/staff/cases', () => ({ personId: applicantId, applicationDate: '2026-03-01' }));
  expect(results.map((r) => r.statusCode).sort()).toEqual([303, ...Array(9).fill(409)]);
  for (const refused of results.filter((r) => r.statusCode === 409)) expect(refused.body).toContain('该同志已有正在办理的发展党员案件，不能重复建立。');
  const items = await scan();
  const cases = items.filter((item) => item.type === 'case' && item.personId === applicantId);
  const guards = items.filter((item) => item.pk === `PERSON#${applicantId}` && item.sk === 'DEVCASE');
  expect(cases).toHaveLength(1);
  expect(guards).toEqual([expect.objectContaining({ caseId: cases[0].id, open: true })]);
});

describe('one open notice per person and step', () => {
  const notice = (i: number, over: Record<string, string> = {}) => ({
    idempotencyKey: key(i), personId: noticedId, kind: 'development-target', audience: 'public', proposedStep: '拟确定为发展对象',
    office: '机关党委组织科', contact: '010-65550305', periodUnit: 'workingDays', periodCount: '5', ...over,
  });
  const noticesOf = (items: Record<string, unknown>[]) => items.filter((item) => item.type === 'notice' && item.personId === noticedId);
  const noticeGuards = (items: Record<string, unknown>[]) => items.filter((item) => item.type === 'guard' && item.rule === 'notice');

  test('ten requests at once → one notice, nine 409 with the reason', async () => {
    const results = await tenAtOnce('/staff/notices', (i) => notice(i));
    expect(results.map((r) => r.statusCode).sort()).toEqual([303, ...Array(9).fill(409)]);
    for (const refused of results.filter((r) => r.statusCode === 409)) expect(refused.body).toContain('该人员同一事项的公示正在进行，不能重复发布');
    const items = await scan();
    expect(noticesOf(items)).toHaveLength(1);
    expect(noticeGuards(items)).toHaveLength(1);
    expect(holdersOf(noticeGuards(items)[0])).toEqual([noticesOf(items)[0].id]);
  });

  test('another step of the same person is not held back; once withdrawn, the step is free again', async () => {
    const { browser, csrf } = await signedIn();
    expect((await browser.post('/staff/notices', { _csrf: csrf, ...notice(20, { kind: 'admission', proposedStep: '拟接收为中共预备党员' }) })).statusCode).toBe(303);
    const open = noticesOf(await scan()).find((item) => item.kind === 'development-target')!;
    const actor = await resolveActor(deps.store, { id: 'li', displayName: '李书记', role: 'branch-staff', orgId: 'b1' });
    await withdrawNotice(deps, actor, open.id as string, { reason: '材料有误，重新公示' });
    expect((await browser.post('/staff/notices', { _csrf: csrf, ...notice(21) })).statusCode).toBe(303);
    const guard = noticeGuards(await scan()).find((item) => String(item.scope).endsWith('#development-target'));
    expect(holdersOf(guard)).toEqual([key(21)]);
  });
});
