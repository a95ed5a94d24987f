import { createStaffSite } from '../../../functions/http/staff-site';
import type { HttpHandlerFn } from '../../../functions/http/edge/types';
import { createLocalAuthenticator } from '../../../shared/services/auth';
import { getPerson } from '../../../shared/store/people-repo';
import { getTransfer, listOutgoingTransfers } from '../../../shared/store/transfers-repo';
import type { TestRuntime } from '../../support/local-runtime';
import { visibleProblems } from '../../support/visible-text';
import { outsideRequest, startTransferRuntime, type TransferRegistry } from '../../workflows/transfer/transfer-fixtures';
import { issueLetter, recordReceipt, requestTransfer } from '../../../shared/services/transfer';
import { chinaDate } from '../../../shared/domain/calendar';
import { Browser, signInWithForm } from './support/http-client';
import { addAccount } from './support/test-deps';
import { demoIdNumber } from '../../../infra/local/seed-data';

// The pages of a transfer over the real workflow (local runtime): the sending branch asks, the committee issues and
// prints the letter, the receiving branch accepts from its 待办; every page Chinese only; outsiders refused.

let runtime: TestRuntime;
let registry: TransferRegistry;
let site: HttpHandlerFn;

beforeAll(async () => {
  ({ runtime, registry } = await startTransferRuntime());
  site = createStaffSite({ ...runtime.deps, authenticator: createLocalAuthenticator(runtime.store) });
  await addAccount(runtime.store, { username: 'song', password: 'pw-song-123', orgId: 'branch-1', displayName: '宋组织委员' });
  await addAccount(runtime.store, { username: 'sun', password: 'pw-sun-123', role: 'committee-staff', orgId: 'committee-1', displayName: '孙组织员' });
  await addAccount(runtime.store, { username: 'zhou', password: 'pw-zhou-123', orgId: 'branch-3', displayName: '周书记' });
  await addAccount(runtime.store, { username: 'zheng', password: 'pw-zheng-123', orgId: 'branch-2', displayName: '郑书记' });
});
afterAll(async () => runtime.shutdown());

async function signedIn(username: string): Promise<{ browser: Browser; csrf: string }> {
  const browser = new Browser(site);
  return { browser, csrf: await signInWithForm(browser, username, `pw-${username}-123`) };
}

const REQUEST = { orgId: 'branch-1', destinationKind: 'within', destinationOrgId: 'branch-3', reason: '工作调动', leavingDate: '2026-09-20', duesPaidTo: '2026-09' };

test('bad input: 422 with the Chinese message on the form, nothing written', async () => {
  const { browser, csrf } = await signedIn('song');
  const bad = await browser.post('/staff/transfers', { _csrf: csrf, ...REQUEST, duesPaidTo: '九月' });
  expect(bad.statusCode).toBe(422);
  expect(bad.body).toContain('请选择转出的党员。');
  expect(bad.body).toContain('党费交至应为“年-月”格式');
  expect(await listOutgoingTransfers(runtime.store, 'branch-1')).toEqual([]);
});

test('request → letter printed → accepted from the 待办 list; the person page shows the history; outsiders refused', async () => {
  const [zhang] = registry.members;
  const sender = await signedIn('song');
  const form = (await sender.browser.get('/staff/transfers/new?orgId=branch-1')).body ?? '';
  expect(form).toContain('张伟（正式党员）');
  expect(visibleProblems(form)).toEqual([]);
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(form)?.[1] ?? '';
  const created = await sender.browser.post('/staff/transfers', { _csrf: sender.csrf, ...REQUEST, idempotencyKey: key, [`person.${zhang.id}`]: 'on' });
  expect(created.statusCode).toBe(303);
  const fileUrl = (created.headers?.location as string).split('?')[0];
  await runtime.stepFunctions.settled();

  const committee = await signedIn('sun');
  const home = (await committee.browser.get('/staff')).body ?? '';
  expect(home).toContain(`href="${fileUrl}"`);
  const toIssue = (await committee.browser.get(fileUrl)).body ?? '';
  expect(toIssue).toContain('开具介绍信');
  const version = /name="version" value="(\d+)"/.exec(toIssue)?.[1] ?? '';
  expect((await committee.browser.post(`${fileUrl}/issue`, { _csrf: committee.csrf, validityMonths: '3', version })).statusCode).toBe(303);
  await runtime.stepFunctions.settled();
  const letter = (await committee.browser.get(`${fileUrl}/letter`)).body ?? '';
  for (const text of ['中国共产党党员组织关系介绍信（存根）', '组织关系由办公室党支部转到业务一处党支部。', '中国共产党党员组织关系介绍信', '〔2026〕第1号', '中共业务一处党支部：', '张伟同志（男，36岁，汉族）系中共正式党员，身份证号码', '该同志党费已交到2026年9月。', '有效期至2026年12月23日', '剪 裁 线', '回　执']) {
    expect(letter).toContain(text);
  }
  expect(visibleProblems(letter)).toEqual([]);

  const outsider = await signedIn('zheng');
  expect((await outsider.browser.get(fileUrl)).statusCode).toBe(403);
  expect((await outsider.browser.get(`${fileUrl}/letter`)).statusCode).toBe(403);

  const receiver = await signedIn('zhou');
  expect((await receiver.browser.get('/staff')).body).toContain(`href="${fileUrl}"`);
  const toAccept = (await receiver.browser.get(fileUrl)).body ?? '';
  expect(toAccept).toContain('确认接收');
  expect(visibleProblems(toAccept)).toEqual([]);
  const acceptVersion = /name="version" value="(\d+)"/.exec(toAccept)?.[1] ?? '';
  expect((await receiver.browser.post(`${fileUrl}/accept`, { _csrf: receiver.csrf, version: acceptVersion })).statusCode).toBe(303);
  await runtime.stepFunctions.settled();
  expect((await getPerson(runtime.store, zhang.id))?.orgId).toBe('branch-3');
  const again = await receiver.browser.post(`${fileUrl}/accept`, { _csrf: receiver.csrf, version: acceptVersion });
  expect(again.statusCode).toBe(409);

  const list = (await sender.browser.get('/staff/transfers')).body ?? '';
  expect(list).toContain('已接收');
  expect(visibleProblems(list)).toEqual([]);
  const personPage = (await receiver.browser.get(`/staff/people/${zhang.id}`)).body ?? '';
  expect(personPage).toContain('由办公室党支部转往业务一处党支部');
  expect(personPage).toContain('组织关系转入新的党组织');
  expect(visibleProblems(personPage)).toEqual([]);
});

test('an arrival from outside the system: registered by the receiving committee from the letter; someone still registered here is refused', async () => {
  await addAccount(runtime.store, { username: 'wu', password: 'pw-wu-123', role: 'committee-staff', orgId: 'committee-2', displayName: '吴组织员' });
  const committee = await signedIn('wu');
  const page = (await committee.browser.get('/staff/transfers/incoming/new')).body ?? '';
  expect(page).toContain('业务一处党支部');
  expect(visibleProblems(page)).toEqual([]);
  const letter = {
    orgId: 'branch-3', fromOrgName: '中共某县委组织部', letterSerial: '〔2026〕第3号', duesPaidTo: '2026-08', name: '陈静', gender: '女', ethnicity: '汉族',
    birthDate: '1991-04-05', idNumber: demoIdNumber('110105', '1991-04-05', 377, '女'), education: '大学本科', unitPost: '业务一处 科员', phone: '13800000000',
    status: 'full', statusFrom: '2015-07-01',
  };
  const created = await committee.browser.post('/staff/transfers/incoming', { _csrf: committee.csrf, ...letter });
  expect(created.statusCode).toBe(303);
  const personPage = (await committee.browser.get(created.headers?.location as string)).body ?? '';
  expect(personPage).toContain('登记系统外转入的组织关系');
  expect(personPage).toContain('中共某县委组织部');
  const [wang] = registry.members.slice(1);
  const refused = await committee.browser.post('/staff/transfers/incoming', { _csrf: committee.csrf, ...letter, name: wang.name, idNumber: wang.idNumber, birthDate: wang.birthDate, gender: wang.gender });
  expect(refused.statusCode).toBe(422);
  expect(refused.body).toContain('已在本系统办公室党支部登记，请由其所在党组织办理系统内转接。');
  const branch = await signedIn('zhou');
  expect((await branch.browser.post('/staff/transfers/incoming', { _csrf: branch.csrf, ...letter })).statusCode).toBe(403);
});

test('warnings on the staff home (待办) and the transfer list: the letter expired without acceptance, for both sides', async () => {
  const [, wang] = registry.members;
  const sender = await signedIn('song');
  const form = (await sender.browser.get('/staff/transfers/new?orgId=branch-1')).body ?? '';
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(form)?.[1] ?? '';
  const created = await sender.browser.post('/staff/transfers', { _csrf: sender.csrf, ...REQUEST, idempotencyKey: key, [`person.${wang.id}`]: 'on' });
  const fileUrl = (created.headers?.location as string).split('?')[0];
  await runtime.stepFunctions.settled();
  const committee = await signedIn('sun');
  const version = /name="version" value="(\d+)"/.exec((await committee.browser.get(fileUrl)).body ?? '')?.[1] ?? '';
  expect((await committee.browser.post(`${fileUrl}/issue`, { _csrf: committee.csrf, validityMonths: '1', version })).statusCode).toBe(303);
  await runtime.stepFunctions.settled();
  expect((await sender.browser.get('/staff')).body).not.toContain('组织关系转接预警');

  await runtime.advanceTo('2026-10-24T01:00:00.000Z'); // the one-month letter ended on 2026-10-23
  for (const who of ['song', 'zhou']) {
    const { browser } = await signedIn(who);
    const home = (await browser.get('/staff')).body ?? '';
    expect(home).toContain('组织关系转接预警');
    expect(home).toContain('介绍信已于2026年10月23日到期，尚未接收；可作废后重新开具。');
    expect(home).toContain(`href="${fileUrl}"`);
    expect(visibleProblems(home)).toEqual([]);
    const list = (await browser.get('/staff/transfers')).body ?? '';
    expect(list).toContain('组织关系转接预警');
    expect(list).toContain('介绍信已过期未接收');
  }
  const outsider = await signedIn('zheng');
  expect((await outsider.browser.get('/staff')).body).not.toContain('组织关系转接预警');
});

test('a member whose receipt came back from outside the system: off the roster page, listed apart; his page says so and offers no status change', async () => {
  const li = registry.members[2];
  const sun = { id: 'sun', displayName: '孙组织员', role: 'committee-staff' as const, orgId: 'committee-1', scopeOrgIds: ['committee-1', 'branch-1', 'branch-2'] };
  const [transfer] = await requestTransfer(runtime.deps, sun, { ...outsideRequest([li.id]) });
  await runtime.stepFunctions.settled();
  await issueLetter(runtime.deps, sun, transfer.id, { validityMonths: '3', version: '2' });
  await runtime.stepFunctions.settled();
  const today = chinaDate(runtime.clock.now());
  const stored = await getTransfer(runtime.store, transfer.id);
  await recordReceipt(runtime.deps, sun, transfer.id, { receiptDate: today, version: String(stored?.version) });
  await runtime.stepFunctions.settled();

  const { browser } = await signedIn('song');
  const roster = (await browser.get('/staff/orgs/branch-1/people')).body ?? '';
  expect(roster).not.toContain('李娜');
  // Those who left have a list of their own, linked from the roster (docs/domain/organizations-and-people.md §2a).
  expect(roster).toContain('<a href="/staff/orgs/branch-1/people?list=left">已转出本系统的人员（不计入名册）</a>');
  const left = (await browser.get('/staff/orgs/branch-1/people?list=left')).body ?? '';
  expect(left).toContain('李娜');
  expect(visibleProblems(roster)).toEqual([]);
  expect(visibleProblems(left)).toEqual([]);
  const committee = await signedIn('sun');
  const page = (await committee.browser.get(`/staff/people/${li.id}`)).body ?? '';
  expect(page).toContain('已转出本系统');
  expect(page).toContain('组织关系转往中共某县委组织部');
  expect(page).not.toContain('变更党员状态');
  expect(visibleProblems(page)).toEqual([]);
});
