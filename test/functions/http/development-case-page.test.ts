import { createStaffSite } from '../../../functions/http/staff-site';
import type { HttpHandlerFn } from '../../../functions/http/edge/types';
import { DEMO_ORG_IDS, demoPerson, seedDemo } from '../../../infra/local/seed';
import type { DevelopmentCase } from '../../../shared/domain/development/case';
import { createLocalAuthenticator } from '../../../shared/services/auth';
import { caseNoticeId } from '../../../shared/services/development';
import { fileObjection, objectionTaskId } from '../../../shared/services/notice';
import { putNewCase } from '../../../shared/store/cases-repo';
import { caseCountItems } from '../../../shared/services/development/case-counts';
import { getNotice } from '../../../shared/store/notices-repo';
import { transactWrite } from '../../../shared/store/transact';
import { startTestRuntime, type TestRuntime } from '../../support/local-runtime';
import { putTestPerson, testPerson } from '../../support/registry-fixtures';
import { Browser, signInWithForm } from './support/http-client';

// The case page (全程纪实) says what to do next: the person named by the status he has, a stage whose next step is
// still being written, record steps done once leaving the list, and the open objection task of the case's notice.

let rt: TestRuntime;
let site: HttpHandlerFn;
let browser: Browser;
let csrf: string;
const applicant = demoPerson('office-04'); // 杨帆, applicant
const at = '2026-09-23T01:00:00.000Z';

beforeEach(async () => {
  rt = await startTestRuntime(at);
  await seedDemo(rt.deps);
  site = createStaffSite({ ...rt.deps, authenticator: createLocalAuthenticator(rt.store) });
  browser = new Browser(site);
  csrf = await signInWithForm(browser, 'bangongshi', 'demo2026');
}, 120_000);
afterEach(async () => {
  await rt?.shutdown();
});

/** A case put straight into the store, as a stage left it. */
async function storedCase(name: string, fields: Partial<DevelopmentCase>): Promise<string> {
  const person = await putTestPerson(rt.store, testPerson({ orgId: DEMO_ORG_IDS.office, name, birthDate: '1996-01-01', status: 'probationary', statusHistory: [{ value: 'probationary', from: '2026-03-01' }] }));
  const devCase: DevelopmentCase = {
    id: `c-${name}`, personId: person.id, personName: person.name, orgId: DEMO_ORG_IDS.office, ruleSetVersion: '2014', status: 'active', stage: 4, attempt: 1,
    stageState: 'between', dates: { applicationDate: '2024-03-01' }, outcomeReasons: [], warnings: [], createdAt: at, updatedAt: at, version: 1, ...fields,
  };
  await transactWrite(rt.store, [...putNewCase(rt.store, devCase), ...(await caseCountItems(rt.deps, undefined, devCase))]);
  return devCase.id;
}

test('the step form names the person by his registry status, not 发展对象 at every step', async () => {
  const opened = await browser.post('/staff/cases', { _csrf: csrf, personId: applicant.id, applicationDate: '2026-09-23' });
  const caseId = /\/staff\/cases\/([^/?]+)/.exec(String(opened.headers?.location))![1];
  await rt.stepFunctions.settled();
  const form = (await browser.get(`/staff/cases/${caseId}/steps/talk`)).body ?? '';
  expect(form).toContain('<dt>入党申请人</dt><dd>杨帆</dd>');
  expect(form).not.toContain('<dt>发展对象</dt>');
});

test('a running stage with no step yet says the next step is being written, not that there is nothing to do', async () => {
  const caseId = await storedCase('秦等待', { stage: 3, stageState: 'running', dates: { applicationDate: '2024-03-01', activistDate: '2025-03-01' } });
  const file = (await browser.get(`/staff/cases/${caseId}`)).body ?? '';
  expect(file).toContain('正在生成下一步骤，请稍候刷新本页。');
  expect(file).not.toContain('目前没有需要办理的步骤');
});

test('placement and the oath leave 待办理 once recorded; the probation evaluations stay', async () => {
  const caseId = await storedCase('韩宣誓', {
    stage: 4, dates: { applicationDate: '2024-03-01', activistDate: '2024-09-01', targetDate: '2025-09-01', admissionMeetingDate: '2026-03-01', admissionApprovalDate: '2026-04-01' },
    nextStage: { stage: 5, attempt: 1, earliestStart: '2027-03-01' },
  });
  const before = (await browser.get(`/staff/cases/${caseId}`)).body ?? '';
  for (const label of ['登记：编入党支部和党小组', '登记：入党宣誓', '登记：继续教育考察']) expect(before).toContain(label);
  expect((await browser.post(`/staff/cases/${caseId}/steps/oath`, { _csrf: csrf, oathDate: '2026-09-20', place: '党员活动室' })).statusCode).toBe(303);
  expect((await browser.post(`/staff/cases/${caseId}/steps/placement`, { _csrf: csrf, placedDate: '2026-09-20', partyGroup: '第一党小组' })).statusCode).toBe(303);
  const after = (await browser.get(`/staff/cases/${caseId}`)).body ?? '';
  expect(after).not.toContain('登记：入党宣誓');
  expect(after).not.toContain('登记：编入党支部和党小组');
  expect(after).toContain('登记：继续教育考察');
});

test('a notice of the case ended with an objection: the case page links to the open objection task', async () => {
  const opened = await browser.post('/staff/cases', { _csrf: csrf, personId: applicant.id, applicationDate: '2026-09-23' });
  const caseId = /\/staff\/cases\/([^/?]+)/.exec(String(opened.headers?.location))![1];
  await rt.stepFunctions.settled();
  expect((await browser.post(`/staff/cases/${caseId}/steps/talk`, { _csrf: csrf, talkDate: '2026-09-23', talker: '黄丽 支部书记', content: '了解入党动机。' })).statusCode).toBe(303);
  await rt.stepFunctions.settled();
  expect((await browser.post(`/staff/cases/${caseId}/stages`, { _csrf: csrf, stage: '2' })).statusCode).toBe(303);
  await rt.stepFunctions.settled();
  const decision = { _csrf: csrf, decisionDate: '2026-09-23', memberRecommendations: '3', massRecommendations: '1', decidedBy: 'branch-committee', minutes: '支委会研究同意。' };
  expect((await browser.post(`/staff/cases/${caseId}/steps/activistDecision`, decision)).statusCode).toBe(303);
  await rt.stepFunctions.settled();
  const noticeId = caseNoticeId(caseId, 'activist', 1);
  const during = (await browser.get(`/staff/cases/${caseId}`)).body ?? '';
  expect(during).toContain('公示进行中（至');
  await fileObjection(rt.deps, noticeId, { content: '该同志工作作风需核实。', name: '王五', contact: '13800000000' });
  await rt.advanceTo(new Date((await getNotice(rt.store, noticeId))!.endsAtMs + 1000));
  await rt.stepFunctions.settled();
  csrf = await signInWithForm(browser, 'bangongshi', 'demo2026'); // the session of a week ago has expired
  const file = (await browser.get(`/staff/cases/${caseId}`)).body ?? '';
  expect(file).toContain(`href="/staff/tasks/${objectionTaskId(noticeId)}"`);
  expect(file).not.toContain('目前没有需要办理的步骤');
});
