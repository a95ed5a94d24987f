import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createPublicSite } from '../../../functions/http/public-site';
import { createStaffSite } from '../../../functions/http/staff-site';
import type { HttpHandlerFn } from '../../../functions/http/edge/types';
import { startNoticeProcess } from '../../../shared/services/notice';
import { noticeDraft } from '../../support/notice-fixtures';
import { Browser, makeEvent, signInWithForm } from './support/http-client';
import { PUBLISH_FORM, seedPerson } from './support/fixtures';
import { addAccount, createTestDeps, type TestDeps } from './support/test-deps';

// Issue 13 item 12: text no one can read or see is refused once, at the edge, in every field (422); numbers are
// decimal only; the content type is matched exactly.
let deps: TestDeps;
let site: HttpHandlerFn;
let path = '';

beforeAll(async () => {
  deps = await createTestDeps();
  site = createPublicSite(deps);
  await seedPerson(deps.store);
  await addAccount(deps.store, { username: 'li', password: 'pw-li-123', orgId: 'org-a', displayName: '李书记' });
  const draft = noticeDraft({ orgId: 'org-a' });
  await startNoticeProcess(deps, draft);
  path = `/notices/${draft.id}/objections`;
});

async function snapshot(): Promise<number> {
  const { Items } = await deps.store.doc.send(new ScanCommand({ TableName: deps.store.tableName, ConsistentRead: true }));
  return (Items ?? []).length;
}

const form = (content: string) => makeEvent('POST', path, { body: `content=${encodeURIComponent(content)}&name=&contact=` });
const json = (content: string) => makeEvent('POST', path, { body: JSON.stringify({ content }), headers: { 'content-type': 'application/json', accept: 'application/json' } });
const raw = (bytes: number[], contentType: string) => ({ ...makeEvent('POST', path, { body: Buffer.from(bytes).toString('base64'), headers: { 'content-type': contentType } }), isBase64Encoded: true });
const utf8 = (text: string) => [...Buffer.from(text, 'utf8')];

test.each([
  ['a NUL', () => form('异议\u0000内容')],
  ['a control character', () => form('异议\u0007内容')],
  ['only zero-width characters', () => form('\u200b\u200c\u200d')],
  ['zero-width characters and spaces', () => form(' \u200b　\ufeff ')],
  ['a lone surrogate in JSON', () => json('异议\ud800')],
  ['a lone low surrogate in JSON', () => json('\udc00异议')],
  ['a percent escape that is not UTF-8', () => makeEvent('POST', path, { body: 'content=%FF%FE&name=' })],
  ['broken UTF-8 in a form body', () => raw([...utf8('content='), 0xe5, 0xbc, 0x28], 'application/x-www-form-urlencoded')],
  ['broken UTF-8 in a JSON body', () => raw([...utf8('{"content":"'), 0xc3, 0x28, ...utf8('"}')], 'application/json')],
  ['a NUL in a field name', () => makeEvent('POST', path, { body: 'content=%E5%BC%82%E8%AE%AE&na%00me=1' })],
])('%s: 422 with a Chinese message, nothing written', async (_name, event) => {
  const before = await snapshot();
  const result = await site(event());
  expect(result.statusCode).toBe(422);
  expect(result.body).toContain('看不见的字符');
  expect(await snapshot()).toBe(before);
});

test.each([
  ['zero-width characters inside text', () => form('异议\u200b内容')],
  ['tabs and line breaks', () => form('第一行\n\t第二行\r\n')],
  ['a character outside the BMP (a surrogate pair)', () => form('异议内容 𠮷 👍')],
  ['a charset parameter of UTF-8', () => makeEvent('POST', path, { body: `content=${encodeURIComponent('异议')}`, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' } })],
])('%s: accepted', async (_name, event) => {
  expect((await site(event())).statusCode).toBe(303);
});

test.each([
  'application/x-www-form-urlencodedx',
  'application/jsonp',
  'text/plain',
  'application/x-www-form-urlencoded; charset=gbk',
])('content type %s: 400, nothing written', async (contentType) => {
  const before = await snapshot();
  const result = await site(makeEvent('POST', path, { body: 'content=%E5%BC%82%E8%AE%AE', headers: { 'content-type': contentType } }));
  expect(result.statusCode).toBe(400);
  expect(await snapshot()).toBe(before);
});

test.each([
  ['0x5', 422], ['0b101', 422], ['0o5', 422], ['5e0', 422], ['Infinity', 422], ['5.', 422], ['５', 422], ['5', 303], [' 5 ', 303],
])('a number field in decimal only: periodCount %s → %i', async (periodCount, status) => {
  const staff = new Browser(createStaffSite(deps));
  const csrf = await signInWithForm(staff, 'li', 'pw-li-123');
  const key = `decimal-key-${Buffer.from(periodCount).toString('hex').padEnd(8, '0')}`;
  const result = await staff.post('/staff/notices', { _csrf: csrf, idempotencyKey: key, ...PUBLISH_FORM, kind: 'other', proposedStep: `事项 ${key}`, periodCount });
  expect(result.statusCode).toBe(status);
  if (status === 422) expect(result.body).toContain('公示期天数应为数字');
});
