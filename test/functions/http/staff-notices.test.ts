import { createPublicSite } from '../../../functions/http/public-site';
import { createStaffSite } from '../../../functions/http/staff-site';
import type { HttpHandlerFn } from '../../../functions/http/edge/types';
import { closeNoticeAtEnd, openObjectionTask, recordPublication } from '../../../shared/services/notice';
import { getNotice } from '../../../shared/store/notices-repo';
import { matterNoticeDraft } from '../../support/notice-fixtures';
import { putTestOrg, testOrg } from '../../support/registry-fixtures';
import { Browser, makeEvent, signInWithForm } from './support/http-client';
import { PRIVATE_PERSON, PUBLISH_FORM, publishWithForm, seedPerson } from './support/fixtures';
import { addAccount, createTestDeps, type TestDeps } from './support/test-deps';

let deps: TestDeps;
let staffSite: HttpHandlerFn;
let publicSite: HttpHandlerFn;
let browser: Browser;
let csrf: string;

beforeAll(async () => {
  deps = await createTestDeps();
  staffSite = createStaffSite(deps);
  publicSite = createPublicSite(deps);
  await seedPerson(deps.store);
  await putTestOrg(deps.store, testOrg({ id: 'org-b', name: '另一党支部', kind: 'branch' }));
  await addAccount(deps.store, { username: 'li', password: 'pw-li-123', orgId: 'org-a', displayName: '李书记' });
  await addAccount(deps.store, { username: 'zhao', password: 'pw-zhao-123', orgId: 'org-b', displayName: '赵书记' });
  browser = new Browser(staffSite);
  csrf = await signInWithForm(browser, 'li', 'pw-li-123');
});

describe('发布公示', () => {
  test('the form lists the people of the actor’s organizations without private data; defaults to 5 working days', async () => {
    const page = (await browser.get('/staff/notices/new')).body ?? '';
    expect(page).toContain(`${PRIVATE_PERSON.name}（示例党支部 · 入党积极分子）`);
    expect(page).not.toContain(PRIVATE_PERSON.idNumber);
    expect(page).not.toContain(PRIVATE_PERSON.phone);
    expect(page).toMatch(/name="periodCount" value="5"/);
    expect(page).toMatch(/<option value="workingDays" selected>/);
  });

  test('invalid input: 422 with the messages next to their fields and the input kept', async () => {
    const result = await browser.post('/staff/notices', { _csrf: csrf, idempotencyKey: 'key-key-key-key-0001', ...PUBLISH_FORM, office: '', proposedStep: '拟确定<为>发展对象' });
    expect(result.statusCode).toBe(422);
    expect(result.body).toContain('请填写受理部门');
    expect(result.body).toContain('value="拟确定&lt;为&gt;发展对象"');
    expect(result.body).toContain('value="key-key-key-key-0001"');
  });

  test('publishing shows the notice in the list; its detail has the 全程纪实', async () => {
    const noticeId = await publishWithForm(browser, csrf);
    expect((await browser.get(`/staff/notices?published=${noticeId}`)).body).toContain('公示已提交发布');
    const detail = await browser.get(`/staff/notices/${noticeId}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain('全程纪实');
    expect(detail.body).toContain('发布公示');
    expect(detail.body).toContain('撤回公示');
  });

  test('staff of another organization get 403 on the notice', async () => {
    const noticeId = await publishWithForm(browser, csrf, { kind: 'activist', proposedStep: '拟确定为入党积极分子' }); // one open notice per person and step
    const other = new Browser(staffSite);
    await signInWithForm(other, 'zhao', 'pw-zhao-123');
    expect((await other.get(`/staff/notices/${noticeId}`)).statusCode).toBe(403);
  });
});

describe('a matter notice (换届选举公告): internal, for staff only, printable', () => {
  const draft = matterNoticeDraft({
    id: 'e-1-announcement', orgId: 'org-a', orgName: '示例党支部',
    matter: { title: '关于示例党支部召开党员大会进行换届选举的公告', body: '全体党员：\n定于10月20日召开党员大会。' },
  });
  beforeAll(async () => {
    await recordPublication(deps, draft);
  });

  test('the list and the detail show its title, text, period and that it is internal; the print link is the staff one', async () => {
    expect((await browser.get('/staff/notices')).body).toContain('关于示例党支部召开党员大会进行换届选举的公告</a>');
    const detail = (await browser.get(`/staff/notices/${draft.id}`)).body ?? '';
    expect(detail).toContain('<h1>关于示例党支部召开党员大会进行换届选举的公告</h1>');
    expect(detail).toContain('全体党员：<br>定于10月20日召开党员大会。');
    expect(detail).toContain('换届选举公告');
    expect(detail).toContain('本组织内部（不在公示栏公开）');
    expect(detail).toMatch(/5个工作日/);
    expect(detail).toContain(`href="/staff/notices/${draft.id}/print"`);
    expect(detail).not.toContain(`href="/notices/${draft.id}`);
  });

  test('the printable A4 version for posting inside the unit; staff of another organization get 403', async () => {
    const print = await browser.get(`/staff/notices/${draft.id}/print`);
    expect(print.statusCode).toBe(200);
    expect(print.body).toContain('class="print-page"');
    expect(print.body).toContain('<p>定于10月20日召开党员大会。</p>');
    expect(print.body).toContain('中共示例党支部');
    expect(print.body).toContain(`href="/staff/notices/${draft.id}"`);
    const other = new Browser(staffSite);
    await signInWithForm(other, 'zhao', 'pw-zhao-123');
    expect((await other.get(`/staff/notices/${draft.id}/print`)).statusCode).toBe(403);
    expect((await new Browser(staffSite).get(`/staff/notices/${draft.id}/print`)).statusCode).toBe(303); // not signed in
  });

  test('never public: not on the board, its public page and public print are 404', async () => {
    for (const path of [`/notices/${draft.id}`, `/notices/${draft.id}/print`]) {
      expect((await publicSite(makeEvent('GET', path))).statusCode).toBe(404);
    }
    expect((await publicSite(makeEvent('GET', '/'))).body).not.toContain('换届选举的公告');
  });

  test('a public matter notice is refused before anything is written', async () => {
    const refused = { ...draft, id: 'e-2-announcement', audience: 'public' } as never;
    await expect(recordPublication(deps, refused)).rejects.toMatchObject({ httpStatus: 422, fieldErrors: { audience: '换届选举公告只能在本组织内部公示，不能在公示栏公开发布。' } });
    expect(await getNotice(deps.store, 'e-2-announcement')).toBeUndefined();
  });
});

describe('withdrawal', () => {
  test('a reason is required; then the notice is withdrawn and leaves the public board', async () => {
    const noticeId = await publishWithForm(browser, csrf, { kind: 'admission', proposedStep: '拟接收为中共预备党员' });
    const missing = await browser.post(`/staff/notices/${noticeId}/withdraw`, { _csrf: csrf, reason: ' ' });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('请填写撤回原因');
    const done = await browser.post(`/staff/notices/${noticeId}/withdraw`, { _csrf: csrf, reason: '材料需补充' });
    expect(done.statusCode).toBe(303);
    const detail = await browser.get(done.headers?.location as string);
    expect(detail.body).toContain('公示已撤回');
    expect(detail.body).toContain('材料需补充');
    expect((await publicSite(makeEvent('GET', `/notices/${noticeId}`))).statusCode).toBe(404);
  });
});

describe('objection handling (待办)', () => {
  test('the task is listed with its due date; the form records each outcome and shows the result', async () => {
    const noticeId = await publishWithForm(browser, csrf, { kind: 'conversion', proposedStep: '拟转为中共正式党员' });
    const filed = await publicSite(makeEvent('POST', `/notices/${noticeId}/objections`, { body: { content: '反映<情况>一', name: '王五', contact: '13800000000' } }));
    expect(filed.statusCode).toBe(303);
    const notice = await getNotice(deps.store, noticeId);
    deps.clock.set(new Date(notice!.endsAtMs + 1000));
    await closeNoticeAtEnd(deps, noticeId);
    await openObjectionTask(deps, { noticeId, taskToken: 'token-1' });
    csrf = await signInWithForm(browser, 'li', 'pw-li-123'); // days passed: the session has expired

    const home = await browser.get('/staff');
    const taskPath = /href="(\/staff\/tasks\/[^"]+)"/.exec(home.body ?? '')?.[1];
    expect(taskPath).toBeDefined();
    const form = await browser.get(taskPath!);
    expect(form.body).toContain('反映&lt;情况&gt;一');
    expect(form.body).toContain('王五');
    expect(form.body).toContain('13800000000');
    const objectionId = /name="decision\.([^"]+)"/.exec(form.body ?? '')?.[1];

    const invalid = await browser.post(taskPath!, { _csrf: csrf, [`decision.${objectionId}`]: 'postpone', [`note.${objectionId}`]: '' });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toContain('暂缓时请填写复核日期');
    expect(invalid.body).toContain('请填写调查情况说明');
    expect(invalid.body).toMatch(/value="postpone" checked/);

    const done = await browser.post(taskPath!, { _csrf: csrf, [`decision.${objectionId}`]: 'unfounded', [`note.${objectionId}`]: '经核实不属实' });
    expect(done.statusCode).toBe(303);
    expect(done.headers?.location).toBe(`/staff/notices/${noticeId}?outcome=proceed`);
    const detail = await browser.get(done.headers?.location as string);
    expect(detail.body).toContain('全部异议不属实');
    expect(detail.body).toContain('经核实不属实');

    const again = await browser.post(taskPath!, { _csrf: csrf, [`decision.${objectionId}`]: 'founded', [`note.${objectionId}`]: 'x' });
    expect(again.statusCode).toBe(409);
    expect((await browser.get(taskPath!)).statusCode).toBe(303);
  });
});
