import { createPublicSite } from '../../../functions/http/public-site';
import { createStaffSite } from '../../../functions/http/staff-site';
import type { HttpHandlerFn } from '../../../functions/http/edge/types';
import type { ServiceDeps } from '../../../shared/services/deps';
import { candidateListMatter } from '../../../shared/domain/election/candidate-list-notice';
import { startNoticeProcess } from '../../../shared/services/notice';
import { withObjectionsSoFar } from '../../../shared/store/notice-gates-repo';
import { getNotice } from '../../../shared/store/notices-repo';
import { matterNoticeDraft } from '../../support/notice-fixtures';
import { Browser, makeEvent, signInWithForm } from './support/http-client';
import { PRIVATE_PERSON, publishWithForm, seedPerson } from './support/fixtures';
import { addAccount, createTestDeps, type TestDeps } from './support/test-deps';

let deps: TestDeps;
/** Objections counted on an open notice (on its gates). */
const objectionsSoFar = async (noticeId: string) => {
  const notice = await getNotice(deps.store, noticeId);
  return notice && (await withObjectionsSoFar(deps.store, notice)).objectionCount;
};
let publicSite: HttpHandlerFn;
let noticeId: string;

beforeAll(async () => {
  deps = await createTestDeps();
  publicSite = createPublicSite(deps);
  await seedPerson(deps.store);
  await addAccount(deps.store, { username: 'li', password: 'pw-li-123', orgId: 'org-a', displayName: '李书记' });
  const staff = new Browser(createStaffSite(deps));
  noticeId = await publishWithForm(staff, await signInWithForm(staff, 'li', 'pw-li-123'));
});

const get = (url: string, json = false) => publicSite(makeEvent('GET', url, json ? { headers: { accept: 'application/json' } } : {}));

describe('public pages', () => {
  test('the board, the notice, its print version and the JSON never contain the ID number, phone, address or e-mail', async () => {
    const answers = [await get('/'), await get(`/notices/${noticeId}`), await get(`/notices/${noticeId}/print`), await get('/', true), await get(`/notices/${noticeId}`, true)];
    for (const answer of answers) {
      expect(answer.statusCode).toBe(200);
      expect(answer.body).toContain(PRIVATE_PERSON.name);
      for (const secret of [PRIVATE_PERSON.idNumber, PRIVATE_PERSON.phone, PRIVATE_PERSON.address!, PRIVATE_PERSON.email!, PRIVATE_PERSON.birthDate]) {
        expect(answer.body).not.toContain(secret);
      }
    }
    const page = answers[1].body ?? '';
    for (const text of ['1995年3月', '大学本科', '综合科 科员', '2024年3月15日', '拟确定为发展对象', '机关党委组织科', '010-65550305', '5个工作日']) expect(page).toContain(text);
  });

  test('an election\'s candidate list is ONE public notice: titled for the list, the people listed, open to objections; the board\'s intro fits every kind', async () => {
    const people = [['张伟', '男'], ['王芳', '女']].map(([name, gender]) => ({ name, gender: gender as '男' | '女', birthYearMonth: '1990-05', education: '大学本科', unitPost: '综合科 科员' }));
    const draft = matterNoticeDraft({ id: 'e-list-c1-1', kind: 'candidate-list', audience: 'public', matter: candidateListMatter('办公室党支部', people) });
    await startNoticeProcess(deps, draft);
    const board = (await get('/')).body ?? '';
    expect(board).toContain('关于办公室党支部新一届委员会委员候选人预备人选的公示');
    expect(board).toContain('换届选举的候选人预备人选');
    expect(board).not.toContain('以下为正在公示的党员发展事项');
    expect(board).toContain('标有“临时”的截止时间');
    const page = (await get('/notices/e-list-c1-1')).body ?? '';
    expect(page).toContain('名单（2 名）');
    expect(page).toContain('王芳，女，1990年5月生，大学本科，综合科 科员');
    expect(page).toContain('公开（公示栏）');
    const print = (await get('/notices/e-list-c1-1/print')).body ?? '';
    expect(print).toMatch(/<td>张伟<\/td><td>男<\/td><td>1990年5月<\/td>/);
    expect(print).toContain('如对公示对象有意见或反映问题');
    expect(JSON.parse((await get('/notices/e-list-c1-1', true)).body ?? '{}')).toMatchObject({ kind: 'candidate-list', matter: { people: [{ name: '王芳' }, { name: '张伟' }] } });
    const objection = await publicSite(makeEvent('POST', '/notices/e-list-c1-1/objections', { body: 'content=%E5%BC%A0%E4%BC%9F%E5%90%8C%E5%BF%97%E9%9C%80%E6%A0%B8%E5%AE%9E&name=&contact=', headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
    expect(objection.statusCode).toBe(303);
    expect(await objectionsSoFar('e-list-c1-1')).toBe(1);
  });

  test('security headers on every answer: page, asset, 404', async () => {
    for (const answer of [await get('/'), await get('/assets/site.css'), await get('/notices/nope')]) {
      expect(answer.headers?.['content-security-policy']).toBe(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
      );
      expect(answer.headers?.['x-content-type-options']).toBe('nosniff');
      expect(answer.headers?.['referrer-policy']).toBe('no-referrer');
    }
    expect((await get('/assets/site.css')).headers?.['content-type']).toBe('text/css; charset=utf-8');
    expect((await get('/assets/other.js')).statusCode).toBe(404);
    expect((await get('/notices/nope')).body).toContain('未找到该公示');
  });
});

describe('objections', () => {
  const post = (body: Record<string, string> | string, options: { json?: boolean } = {}) =>
    publicSite(makeEvent('POST', `/notices/${noticeId}/objections`, { body, ...options }));

  test('a filed objection redirects to the notice with a confirmation', async () => {
    const result = await post({ content: '该同志曾有违纪情况，请核实。', name: '', contact: '' });
    expect(result.statusCode).toBe(303);
    expect(result.headers?.location).toBe(`/notices/${noticeId}?objection=received`);
    expect((await get(result.headers?.location as string)).body).toContain('您的意见已收到');
    expect(await objectionsSoFar(noticeId)).toBe(1);
  });

  test('missing content: 422, the message next to the field, the input kept', async () => {
    const result = await post({ content: '  ', name: '王<五>', contact: '139' });
    expect(result.statusCode).toBe(422);
    expect(result.body).toContain('请填写异议内容');
    expect(result.body).toContain('value="王&lt;五&gt;"');
    expect(result.body).toContain('id="f-content-error"');
  });

  test('JSON in, JSON out', async () => {
    const ok = await post({ content: '请核实工作表现。' }, { json: true });
    expect(ok.statusCode).toBe(201);
    expect(JSON.parse(ok.body ?? '')).toEqual({ objectionId: expect.any(String) });
    const bad = await post({ content: '' }, { json: true });
    expect(bad.statusCode).toBe(422);
    expect(JSON.parse(bad.body ?? '').error.fieldErrors).toEqual({ content: '请填写异议内容。' });
  });

  test('a body over 64 KB is refused with 413 and nothing is written', async () => {
    const before = await objectionsSoFar(noticeId);
    const result = await post(new URLSearchParams({ content: 'x'.repeat(70 * 1024) }).toString());
    expect(result.statusCode).toBe(413);
    expect(result.body).toContain('提交的内容过大');
    expect(await objectionsSoFar(noticeId)).toBe(before);
  });

  test('the first value of a repeated field counts; __proto__ is an ordinary (ignored) name', async () => {
    const result = await publicSite(makeEvent('POST', `/notices/${noticeId}/objections`, { body: '__proto__=x&content=&content=second', headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
    // The empty first value is read: 422, nothing filed.
    const before = await objectionsSoFar(noticeId);
    expect(result.statusCode).toBe(422);
    expect(result.body).toContain('请填写异议内容');
    expect(await objectionsSoFar(noticeId)).toBe(before);
  });

  test('after the end the form is gone and filing is refused with a clear message (409)', async () => {
    const notice = await getNotice(deps.store, noticeId);
    deps.clock.set(new Date(notice!.endsAtMs + 1000));
    const page = await get(`/notices/${noticeId}`);
    expect(page.body).not.toContain(`action="/notices/${noticeId}/objections"`);
    expect(page.body).toContain('不再受理异议');
    const result = await post({ content: '迟到的意见' });
    expect(result.statusCode).toBe(409);
    expect(result.body).toContain('不再受理异议');
  });
});

describe('error mapping', () => {
  test('an unexpected error gives a generic 500 page: no message, no stack; it is logged', async () => {
    const logs: Record<string, unknown>[] = [];
    const broken = {
      ...deps,
      store: { tableName: 't', doc: { send: async () => { throw new Error('db password=hunter2 exploded'); } } },
    } as unknown as ServiceDeps;
    const site = createPublicSite(broken, { log: (entry) => logs.push(entry) });
    for (const json of [false, true]) {
      const result = await site(makeEvent('GET', '/', json ? { headers: { accept: 'application/json' } } : {}));
      expect(result.statusCode).toBe(500);
      expect(result.body).not.toContain('hunter2');
      expect(result.body).not.toContain('exploded');
      expect(result.body).not.toMatch(/at .*\.ts:\d+/);
      expect(result.body).toContain('系统暂时无法处理您的请求');
      expect(result.headers?.['content-security-policy']).toBeDefined();
    }
    expect(logs).toHaveLength(2);
    expect(logs[0]).toMatchObject({ level: 'error', routeKey: 'GET /', error: { name: 'Error' } });
    expect(JSON.stringify(logs[0])).not.toContain('cookie');
  });

  test('malformed JSON is a 400, not a 500', async () => {
    const result = await publicSite(makeEvent('POST', `/notices/${noticeId}/objections`, { body: '{oops', headers: { 'content-type': 'application/json' } }));
    expect(result.statusCode).toBe(400);
  });
});
