import { createStaffSite } from '../../../functions/http/staff-site';
import type { HttpHandlerFn, HttpResult } from '../../../functions/http/edge/types';
import { getPersonByIdNumber } from '../../../shared/store/people-repo';
import { personRow, scanTable, seedOrgs, utf8Csv, xlsxFile } from '../../shared/services/roster/support/roster-fixtures';
import { Browser, csrfFrom, makeEvent, signInWithForm } from './support/http-client';
import { addAccount, createTestDeps, type TestDeps } from './support/test-deps';

let deps: TestDeps;
let site: HttpHandlerFn;

beforeAll(async () => {
  deps = await createTestDeps();
  deps.clock.set(new Date('2026-09-23T02:00:00.000Z'));
  site = createStaffSite(deps);
  await seedOrgs(deps.store);
  await addAccount(deps.store, { username: 'wang', password: 'pw-wang-123', role: 'committee-staff', orgId: 'c1', displayName: '王干事' });
  await addAccount(deps.store, { username: 'li', password: 'pw-li-123', role: 'branch-staff', orgId: 'b1', displayName: '李书记' });
});

async function signedIn(username = 'wang', password = 'pw-wang-123'): Promise<{ browser: Browser; csrf: string }> {
  const browser = new Browser(site);
  return { browser, csrf: await signInWithForm(browser, username, password) };
}

/** A multipart/form-data POST as a browser sends it (API Gateway passes it base64-encoded). */
function multipart(fields: Record<string, string>, file?: { name: string; bytes: Buffer; type?: string }): { body: Buffer; contentType: string } {
  const boundary = '----dangjianBoundary7MA4YWxkTrZu0gW';
  const parts: Buffer[] = Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'text/csv'}\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(browser: Browser, fields: Record<string, string>, file?: { name: string; bytes: Buffer; type?: string }, routeKeyPath = '/staff/roster/import/preview'): Promise<HttpResult> {
  const { body, contentType } = multipart(fields, file);
  const cookies = [...browser.jar].map(([name, value]) => `${name}=${value}`);
  const event = makeEvent('POST', routeKeyPath, { headers: { 'content-type': contentType } }, cookies);
  return site({ ...event, body: body.toString('base64'), isBase64Encoded: true });
}

const hidden = (page: string | undefined, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(page ?? '')?.[1] ?? '';

describe('roster pages', () => {
  test('the import page explains the columns and links the template; the nav shows it to committee staff', async () => {
    const { browser } = await signedIn();
    const page = await browser.get('/staff/roster/import');
    expect(page.statusCode).toBe(200);
    for (const text of ['花名册导入', 'enctype="multipart/form-data"', '/staff/roster/template.xlsx', '身份证号', '入党申请日期', '/staff/orgs/c1/roster.xlsx', 'href="/staff/roster/import"']) expect(page.body).toContain(text);
    const template = await browser.get('/staff/roster/template.xlsx');
    expect(template.statusCode).toBe(200);
    expect(template.isBase64Encoded).toBe(true);
    expect(template.headers?.['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('党员花名册模板.xlsx')}`);
  });

  test('upload → preview (nothing written) → confirm → result; then the same file again changes nothing', async () => {
    const { browser, csrf } = await signedIn();
    const rows = [personRow(300), personRow(301), personRow(302, { 身份证号: '110105199001011234' }), personRow(303, { 所在党组织: '教育局第二党支部' })];
    const before = await scanTable(deps.store);
    const preview = await upload(browser, { _csrf: csrf }, { name: '财政局花名册.xlsx', bytes: await xlsxFile(rows), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(preview.statusCode).toBe(200);
    expect(await scanTable(deps.store)).toEqual(before);
    for (const text of ['花名册导入预览', '财政局花名册.xlsx', '新增 <strong>2</strong> 人', '有问题 <strong>2</strong> 行', 'class="problem"', '身份证号校验位不正确', '不在您的管理范围内', '确认导入 2 行']) expect(preview.body).toContain(text);
    expect(preview.body).not.toContain(rows[0].身份证号);

    const form = { _csrf: csrf, fileName: hidden(preview.body, 'fileName'), sha256: hidden(preview.body, 'sha256'), expected: hidden(preview.body, 'expected'), file: hidden(preview.body, 'file') };
    const result = await browser.post('/staff/roster/import/confirm', form);
    expect(result.statusCode).toBe(200);
    expect(result.body).toContain('新增 <strong>2</strong> 人');
    expect(await getPersonByIdNumber(deps.store, rows[0].身份证号)).toMatchObject({ name: rows[0].姓名, orgId: 'b2' });

    const afterImport = await scanTable(deps.store);
    const again = await upload(browser, { _csrf: csrf }, { name: 'again.csv', bytes: utf8Csv(rows.slice(0, 2)) });
    expect(again.body).toContain('无变化 2 人');
    expect(again.body).not.toContain('/staff/roster/import/confirm');
    expect(again.body).toContain('没有需要导入的行');
    expect(await scanTable(deps.store)).toEqual(afterImport);
  });

  test('export links download the roster (CSV with BOM, GB18030 on request, XLSX)', async () => {
    const { browser } = await signedIn();
    const csv = await browser.get('/staff/orgs/c1/roster.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers?.['content-type']).toBe('text/csv; charset=utf-8');
    expect(Buffer.from(csv.body ?? '', 'base64').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect((await browser.get('/staff/orgs/c1/roster.csv?encoding=gb18030')).headers?.['content-type']).toBe('text/csv; charset=gb18030');
    expect((await browser.get('/staff/orgs/b1/roster.xlsx')).statusCode).toBe(200);
    expect((await browser.get('/staff/orgs/c2/roster.csv')).statusCode).toBe(403);
  });

  test('a branch secretary is refused (403) everywhere, and an upload without the CSRF token is refused (403) with nothing written', async () => {
    const { browser, csrf } = await signedIn('li', 'pw-li-123');
    expect((await browser.get('/staff/roster/import')).statusCode).toBe(403);
    expect((await browser.get('/staff/orgs/b1/roster.csv')).statusCode).toBe(403);
    expect((await upload(browser, { _csrf: csrf }, { name: 'a.csv', bytes: utf8Csv([personRow(310)]) })).statusCode).toBe(403);
    const staff = await signedIn();
    const before = await scanTable(deps.store);
    expect((await upload(staff.browser, {}, { name: 'a.csv', bytes: utf8Csv([personRow(311)]) })).statusCode).toBe(403);
    expect((await upload(staff.browser, { _csrf: 'wrong' }, { name: 'a.csv', bytes: utf8Csv([personRow(311)]) })).statusCode).toBe(403);
    expect(await scanTable(deps.store)).toEqual(before);
  });

  test('an oversize upload is refused with 413 and a Chinese message; a bad file goes back to the form (422)', async () => {
    const { browser, csrf } = await signedIn();
    const big = await upload(browser, { _csrf: csrf }, { name: 'big.csv', bytes: Buffer.alloc(4 * 1024 * 1024 + 70 * 1024, 0x41) });
    expect(big.statusCode).toBe(413);
    expect(big.body).toContain('文件过大，最大 4 MB');
    const bad = await upload(browser, { _csrf: csrf }, { name: 'bad.csv', bytes: Buffer.from('a,b\n1,2\n') });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('没有找到表头');
    expect(bad.body).toContain('enctype="multipart/form-data"');
    const none = await upload(browser, { _csrf: csrf });
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('请选择要上传的花名册文件');
  });

  test('other routes keep the 64 KB limit and refuse multipart', async () => {
    const { browser, csrf } = await signedIn();
    const big = await browser.post('/staff/calendar', { _csrf: csrf, year: '2030', daysOff: 'x'.repeat(70 * 1024) });
    expect(big.statusCode).toBe(413);
    const multi = await upload(browser, { _csrf: csrf, year: '2030' }, undefined, '/staff/calendar');
    expect(multi.statusCode).toBe(400);
    expect(csrfFrom((await browser.get('/staff/roster/import')).body)).toBe(csrf);
  });
});
