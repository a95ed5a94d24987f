import { chinaDate } from '../../../../shared/domain/calendar';
import { electionExecutionName } from '../../../../shared/domain/election/election';
import { caseNoticeId } from '../../../../shared/services/development';
import { getNotice } from '../../../../shared/store/notices-repo';
import { announcementForm } from '../../../../scripts/bench/election-forms';
import { startTestRuntime, type TestRuntime } from '../../../support/local-runtime';
import { putTestOrg, putTestPerson, testOrg, testPerson } from '../../../support/registry-fixtures';
import { APPROVER_EMAIL, CaseDriver, setUpWorld } from '../../../workflows/development/development-fixtures';
import { objectionTaskId } from '../../../../shared/services/notice';
import { Browser, csrfFrom, makeEvent, signInWithForm } from '../../../functions/http/support/http-client';
import { PRIVATE_PERSON, publishWithForm, seedPerson } from '../../../functions/http/support/fixtures';
import { BundledLambda } from './bundled-lambda';
import { BundleWorld } from './bundle-world';
import { functionGrantsNeeded, machineGrantsNeeded, missingGrants, unusedGrants } from './grants-check';
import { UNSIGNED_COGNITO_ACTIONS } from './observed-grants';
import { addPoolUser } from './staff-users';

// What AWS would run: the Lambda bundles of the cloud assembly (esbuild output), each with the template's environment,
// the template's state machines driving the task bundles, the real @aws-sdk clients against the local twins.
let world: BundleWorld;
beforeAll(async () => {
  world = await BundleWorld.start('2026-09-23T01:00:00.000Z'); // Wed 23 Sep 2026, 09:00 China time
}, 600_000);
afterAll(async () => {
  await world?.stop();
});

describe('a notice with an objection', () => {
  let staff: Browser;
  let csrf: string;
  let noticeId: string;
  beforeAll(async () => {
    await seedPerson(world.store);
    await addPoolUser(world.cognito, { username: 'li', password: 'Pw-li-2026-x', role: 'branch-staff', orgId: 'org-a', name: '李书记', email: 'li@example.org' });
    staff = new Browser(world.site('http-staff'));
    csrf = await signInWithForm(staff, 'li', 'Pw-li-2026-x');
  });

  test('published through the staff site, the notice workflow runs its publish task bundle', async () => {
    noticeId = await publishWithForm(staff, csrf);
    expect(await getNotice(world.store, noticeId)).toMatchObject({ status: 'open', endsAt: '2026-09-30T23:59:59+08:00' });
    const board = await world.site('http-public')(makeEvent('GET', '/'));
    expect(board.statusCode).toBe(200);
    expect(board.body).toContain(PRIVATE_PERSON.name);
  }, 300_000);

  test('an objection on the public site; at the end the staff get the task, decide it, the notice closes', async () => {
    const objection = await world.site('http-public')(makeEvent('POST', `/notices/${noticeId}/objections`, { body: { content: '该同志工作作风需核实', name: '王五', contact: '13800000000' } }));
    expect(objection.statusCode).toBe(303);
    await world.advanceTo('2026-09-30T16:00:00.000Z');
    csrf = await signInWithForm(staff, 'li', 'Pw-li-2026-x'); // a week later the session has expired
    const taskId = objectionTaskId(noticeId);
    const page = await staff.get(`/staff/tasks/${encodeURIComponent(taskId)}`);
    expect(page.statusCode).toBe(200);
    const objectionIds = [...new Set([...(page.body ?? '').matchAll(/name="decision\.([^"]+)"/g)].map((m) => m[1]))];
    expect(objectionIds).toHaveLength(1);
    const form = Object.fromEntries(objectionIds.flatMap((id) => [[`decision.${id}`, 'unfounded'], [`note.${id}`, '已找本人及同事谈话核实'], [`reviewDate.${id}`, '']]));
    const decided = await staff.post(`/staff/tasks/${encodeURIComponent(taskId)}`, { _csrf: csrf, ...form });
    expect(decided.statusCode).toBe(303);
    expect(await getNotice(world.store, noticeId)).toMatchObject({ status: 'closed', result: 'proceed' });
    const execution = await world.stepFunctions.describeExecution(`arn:aws:states:local:000000000000:execution:notice:${(await getNotice(world.store, noticeId))!.executionArn?.split(':').at(-1)}`);
    expect(execution).toMatchObject({ status: 'SUCCEEDED', output: { noticeId, result: 'proceed' } });
  }, 300_000);
});

describe('a development stage with its approval links (stage IV)', () => {
  let setup: TestRuntime;
  let driver: CaseDriver;
  let branch: Browser;
  let committee: Browser;
  const approvalSite = () => new Browser(world.site('http-approval'));
  const signIn = async () => ({
    branchCsrf: await signInWithForm(branch, 'branch-staff-1', 'Pw-branch-2026'),
    committeeCsrf: await signInWithForm(committee, 'org-staff-1', 'Pw-committee-2026'),
  });
  const today = () => chinaDate(world.clock.now());

  beforeAll(async () => {
    // Stages I–III on the in-process runtime over the same table (what the bundles are tested on is stage IV).
    setup = await startTestRuntime('2026-01-05T02:00:00.000Z', world.store);
    driver = new CaseDriver(setup, await setUpWorld(setup));
    await driver.open();
    await driver.stage1();
    await driver.stage2();
    await driver.at('2027-01-05T02:00:00.000Z');
    await driver.stage3();
    await setup.shutdown();
    await world.advanceTo(new Date(setup.clock.now().getTime() + 3_600_000));
    await addPoolUser(world.cognito, { username: 'branch-staff-1', password: 'Pw-branch-2026', role: 'branch-staff', orgId: 'branch-1', name: '李组织委员', email: 'branch@example.org' });
    await addPoolUser(world.cognito, { username: 'org-staff-1', password: 'Pw-committee-2026', role: 'committee-staff', orgId: 'committee-1', name: '王组织员', email: 'zuzhi@example.org' });
    branch = new Browser(world.site('http-staff'));
    committee = new Browser(world.site('http-staff'));
  }, 300_000);

  /** The approver opens the latest link mailed to them and decides on its page. */
  async function decideByLink(): Promise<void> {
    const mail = world.mailer.sent.filter((m) => m.to.includes(APPROVER_EMAIL) && m.subject.startsWith('【审批】')).at(-1);
    const link = /https:\/\/localapi\.execute-api\.us-east-1\.amazonaws\.com\/approvals\/([A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')?.[1];
    expect(link).toBeDefined();
    const approver = approvalSite();
    const page = await approver.get(`/approvals/${link}`);
    expect(page.statusCode).toBe(200);
    const decided = await approver.post(`/approvals/${link}`, { _csrf: csrfFrom(page.body), outcome: 'approved', meetingDate: today(), comment: '同意' });
    expect(decided.statusCode).toBeLessThan(400);
  }

  const step = async (browser: Browser, csrf: string, stepKey: string, form: Record<string, string>) => {
    const result = await browser.post(`/staff/cases/${driver.caseId}/steps/${stepKey}`, { _csrf: csrf, ...form });
    expect([stepKey, result.statusCode, result.statusCode === 303 ? '' : result.body]).toEqual([stepKey, 303, '']);
  };

  test('started, reviewed, pre-approved by link, through the admission notice, admitted by link, filed and ended', async () => {
    let { branchCsrf, committeeCsrf } = await signIn();
    const started = await branch.post(`/staff/cases/${driver.caseId}/stages`, { _csrf: branchCsrf, stage: '4' });
    expect([started.statusCode, started.statusCode === 303 ? '' : started.body]).toEqual([303, '']);
    await step(branch, branchCsrf, 'committeeReview', { reviewDate: today(), conclusion: '同意提交预审。' });
    await decideByLink();
    expect((await driver.case()).stage).toBe(4);
    // The admission notice (a nested notice execution) runs its course on the clock.
    const notice = await getNotice(world.store, caseNoticeId(driver.caseId, 'admission', 1));
    expect(notice).toMatchObject({ status: 'open' });
    await world.advanceTo(new Date(notice!.endsAtMs + 1000));
    ({ branchCsrf, committeeCsrf } = await signIn());
    await step(branch, branchCsrf, 'applicationForm', { filledDate: today() });
    await step(branch, branchCsrf, 'generalMeeting', { meetingDate: today(), shouldAttend: '3', exclusions: '无', present: '3', yes: '3', oneAtATime: 'on', discussion: '与会党员一致认为该同志符合条件。' });
    await step(committee, committeeCsrf, 'interview', { interviewDate: today(), interviewer: '王组织员', content: '谈话情况良好。' });
    await decideByLink();
    expect(await driver.case()).toMatchObject({ stage: 4, stageState: 'between', nextStage: { stage: 5 } });
    const execution = await world.stepFunctions.describeExecution(`arn:aws:states:local:000000000000:execution:development-stage-4:case-${driver.caseId}-stage-4-1`);
    expect(execution).toMatchObject({ status: 'SUCCEEDED', output: { outcome: 'completed' } });
    // The filing's acknowledgment link went out by mail (SES) with the API's own address.
    expect(world.mailer.sent.some((m) => /https:\/\/localapi\.execute-api\.us-east-1\.amazonaws\.com\/filings\//.test(m.text))).toBe(true);
  }, 300_000);
});

describe('an election step (request approved by link, the announcement submitted)', () => {
  const MEMBERS = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨帆', '赵磊', '黄敏', '周杰', '吴丽', '徐强', '孙燕'];
  let staff: Browser;
  let csrf: string;
  beforeAll(async () => {
    const secretary = await putTestPerson(world.store, testPerson({ orgId: 'e-committee', name: '钱书记', email: 'qian@example.org' }));
    await putTestOrg(world.store, testOrg({ id: 'e-committee', kind: 'committee', name: '数据局机关党委', committee: [{ personId: secretary.id, name: '钱书记', post: 'secretary' }] }));
    await putTestOrg(world.store, testOrg({ id: 'e-branch', kind: 'branch', parentId: 'e-committee', name: '综合处党支部', committee: [{ name: '张伟', post: 'secretary' }], termStart: '2024-01-01', termEnd: '2027-01-31' }));
    for (const name of MEMBERS) await putTestPerson(world.store, testPerson({ orgId: 'e-branch', name }));
    await addPoolUser(world.cognito, { username: 'e-staff', password: 'Pw-election-2026', role: 'branch-staff', orgId: 'e-branch', name: '孙组织委员', email: 'sun@example.org' });
    staff = new Browser(world.site('http-staff'));
    csrf = await signInWithForm(staff, 'e-staff', 'Pw-election-2026');
  });

  test('the request goes to the higher committee by link; approved, the announcement step is done and the next opens', async () => {
    const meetingDate = chinaDate(new Date(world.clock.now().getTime() + 20 * 86_400_000));
    const created = await staff.post('/staff/elections', { _csrf: csrf, orgId: 'e-branch', form: 'standard', seats: '3', deputies: '1', meetingDate, structure: '委员 3 名：书记、副书记、组织委员', method: '差额选举，无记名投票', rulesVersion: '2020' });
    expect([created.statusCode, created.statusCode === 303 ? '' : created.body]).toEqual([303, '']);
    const electionId = decodeURIComponent(/\/staff\/elections\/([^/?]+)/.exec(String(created.headers?.location))![1]);
    const mail = world.mailer.sent.filter((m) => m.to.includes('qian@example.org') && m.subject.startsWith('【审批】')).at(-1);
    const link = /\/approvals\/([A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')![1];
    const approver = new Browser(world.site('http-approval'));
    const page = await approver.get(`/approvals/${link}`);
    expect((await approver.post(`/approvals/${link}`, { _csrf: csrfFrom(page.body), outcome: 'approved', meetingDate: chinaDate(world.clock.now()), comment: '同意' })).statusCode).toBeLessThan(400);
    const step = await staff.post(`/staff/elections/${electionId}/steps/announcement`, { _csrf: csrf, ...announcementForm({}, '综合处党支部') });
    expect([step.statusCode, step.statusCode === 303 ? '' : step.body]).toEqual([303, '']);
    const file = await staff.get(`/staff/elections/${electionId}`);
    expect(file.body).toContain('换届选举公告');
    const execution = await world.stepFunctions.describeExecution(`arn:aws:states:local:000000000000:execution:election:${electionExecutionName(electionId)}`);
    expect(execution.status).toBe('RUNNING');
    expect(execution.currentState).not.toBe('Announcement');
  }, 300_000);
});

test('the bundles no flow above ran load as well (only node:* and @aws-sdk/* left to import)', async () => {
  const queue = world.functions.filter((fn) => !world.started(fn.handlerId));
  const loadNext = async (): Promise<void> => {
    const fn = queue.shift();
    if (!fn) return;
    const lambda = await BundledLambda.start(fn, await world.environmentOf(fn), new SharedArrayBuffer(8));
    await lambda.stop();
    await loadNext();
  };
  await Promise.all([loadNext(), loadNext()]);
}, 300_000);

/** A bundle's output line as JSON (every line must be: structured logs and EMF). */
const parsed = () => world.logs.map(({ handlerId, stream, line }) => {
  try {
    return { handlerId, stream, entry: JSON.parse(line) as Record<string, unknown> };
  } catch {
    throw new Error(`${handlerId} wrote a line that is not JSON to ${stream}: ${line}`);
  }
});

/** The sum of one metric over every EMF document the bundles wrote in the namespace. */
function metricTotal(name: string): number {
  return parsed().map(({ entry }) => entry).filter((entry) => {
    const emf = entry._aws as { CloudWatchMetrics?: { Namespace: string; Metrics: { Name: string }[] }[] } | undefined;
    return emf?.CloudWatchMetrics?.some((m) => m.Namespace === 'DangjianFlow' && m.Metrics.some((metric) => metric.Name === name));
  }).reduce((sum, entry) => sum + (entry[name] as number), 0);
}

/** Keys Lambda's context and Powertools add to every line (names and ids of the function, not of people). */
const CONTEXT_KEYS = ['function_name', 'function_arn', 'function_memory_size', 'function_request_id', 'xray_trace_id', 'cold_start', 'service', 'timestamp', 'level', 'sampling_rate', '_aws'];

describe('what the bundles logged (their log groups in AWS)', () => {
  test('structured JSON only; every log line of an invocation has its request id', () => {
    const lines = parsed();
    expect(lines.length).toBeGreaterThan(0);
    const logLines = lines.filter(({ entry }) => entry.message !== undefined);
    expect(logLines.length).toBeGreaterThan(0);
    for (const { entry } of logLines) expect(entry).toMatchObject({ level: expect.any(String), service: 'dangjian-flow', function_request_id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(logLines.some(({ entry }) => entry.message === 'invocation done' && typeof entry.routeKey === 'string' && entry.statusCode === 200)).toBe(true);
  });

  test('no personal data: no Chinese text, e-mail address, ID or phone number, token or link id', () => {
    for (const { handlerId, entry } of parsed()) {
      const rest = JSON.stringify(Object.fromEntries(Object.entries(entry).filter(([key]) => !CONTEXT_KEYS.includes(key))));
      const leaks = [
        /[\u3400-\u9fff]/.exec(rest), /[^\s@"]+@[^\s@"]+\.[a-z]{2,}/i.exec(rest), /\b\d{15}(\d{2}[\dX])?\b/.exec(rest), /\b1\d{10}\b/.exec(rest),
        [...rest.matchAll(/[A-Za-z0-9_+=-]{20,}/g)].find(([run]) => /\d/.test(run) && /[a-z]/.test(run) && /[A-Z]/.test(run)),
      ].filter((match) => match);
      expect([handlerId, rest, leaks.map((match) => match![0])]).toEqual([handlerId, rest, []]);
    }
  });

  test('EMF metrics in the DangjianFlow namespace: steps recorded, approvals decided, mails sent', () => {
    expect(metricTotal('StepsRecorded')).toBeGreaterThanOrEqual(5); // stage IV's form steps and the election's announcement
    expect(metricTotal('ApprovalsDecided')).toBe(3); // two stage IV approvals and the election's request, each by link
    expect(metricTotal('MailsSent')).toBeGreaterThan(0);
    expect(metricTotal('Faults')).toBe(0);
  });
});

// Keep last: the grants the calls of every flow above needed.
describe('grants from the calls observed in this run', () => {
  test('every signed AWS call a bundled function made is granted to its role, on that resource', () => {
    expect(world.calls.filter((call) => call.signed).length).toBeGreaterThan(0);
    expect(missingGrants(world, functionGrantsNeeded(world))).toEqual([]);
  });

  test('the only unsigned calls are Cognito operations that need no IAM grant', () => {
    expect(world.calls.filter((call) => !call.signed && !UNSIGNED_COGNITO_ACTIONS.has(call.action))).toEqual([]);
  });

  test('every task function a state machine invoked and every machine it nested is granted to the machine’s role', () => {
    expect(world.machineCalls.length).toBeGreaterThan(0);
    expect(missingGrants(world, machineGrantsNeeded(world))).toEqual([]);
  });

  test('grants no call used in this run are listed (a flow not run here, or a grant to review)', () => {
    const unused = unusedGrants(world, [...functionGrantsNeeded(world), ...machineGrantsNeeded(world)]);
    console.log(`Grants not used by the flows of this run:\n${Object.entries(unused).map(([principal, actions]) => `  ${principal}: ${actions.join(', ')}`).join('\n')}`);
    expect(Object.keys(unused).length).toBeGreaterThan(0);
  });
});
