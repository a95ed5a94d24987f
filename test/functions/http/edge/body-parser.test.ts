import { BodyMalformedError, BodyTooLargeError, DEFAULT_BODY_LIMIT_BYTES, bodyParser, wantsJson } from '../../../../functions/http/edge/body-parser';
import { TextUnreadableError } from '../../../../functions/http/edge/body-parser-errors';
import { edgeEvent, runBefore, type EventOptions } from './support/event';

// The body parser reads cookies, the scheme and the body into `event.site`: urlencoded or JSON by exact media type,
// multipart only on the routes that allow it, a body over the limit refused (413) before anything is parsed.

const FORM = 'application/x-www-form-urlencoded';
const post = (body: string, contentType: string | undefined, more: EventOptions = {}) =>
  edgeEvent({ method: 'POST', path: '/form', body, headers: contentType === undefined ? {} : { 'content-type': contentType }, ...more });

async function formOf(event: ReturnType<typeof edgeEvent>, options?: Parameters<typeof bodyParser>[0]): Promise<Record<string, string>> {
  return (await runBefore(bodyParser(options), event)).site!.form;
}

describe('content type (matched exactly)', () => {
  test.each([
    ['urlencoded', FORM],
    ['urlencoded in capitals', 'Application/X-WWW-Form-Urlencoded'],
    ['urlencoded with charset=utf-8', `${FORM}; charset=utf-8`],
    ['urlencoded with charset="UTF-8"', `${FORM}; charset="UTF-8"`],
    ['urlencoded with charset=utf8', `${FORM};charset=utf8`],
  ])('reads %s', async (_name, type) => {
    expect(await formOf(post('name=%E5%BC%A0%E4%B8%89', type))).toEqual({ name: '张三' });
  });

  test.each([
    ['a longer media type', `${FORM}x`],
    ['JSON lookalike', 'application/jsonx'],
    ['text/plain', 'text/plain'],
    ['another charset', `${FORM}; charset=gbk`],
    ['no content type', undefined],
    ['multipart on a route that takes no uploads', 'multipart/form-data; boundary=x'],
  ])('refuses %s with 400', async (_name, type) => {
    await expect(formOf(post('name=a', type))).rejects.toBeInstanceOf(BodyMalformedError);
  });

  test('a request without a body needs no content type', async () => {
    expect(await formOf(edgeEvent({ method: 'POST', path: '/form' }))).toEqual({});
  });
});

describe('urlencoded bodies', () => {
  test.each([
    ['the first value of a repeated field wins', 'a=1&a=2', { a: '1' }],
    ['a name without "=" is an empty value', 'flag&b=2', { flag: '', b: '2' }],
    ['empty pairs are skipped', '&&a=1&', { a: '1' }],
    ['plus is a space', 'q=a+b', { q: 'a b' }],
    ['"=" in a value is kept', 'x=a%3Db=c', { x: 'a=b=c' }],
  ])('%s', async (_name, body, form) => {
    expect(await formOf(post(body, FORM))).toEqual(form);
  });

  test('__proto__ is just a field name', async () => {
    const form = await formOf(post('__proto__=x&a=1', FORM));
    expect(Object.getPrototypeOf(form)).toBe(Object.prototype);
    expect(Object.hasOwn(form, '__proto__')).toBe(true);
    expect(form.a).toBe('1');
  });

  test.each([
    ['an escape that is not UTF-8', 'name=%FF'],
    ['an escaped NUL', 'name=a%00b'],
    ['a NUL in a field name', 'na%00me=a'],
    ['an escaped lone surrogate', 'name=%ED%A0%80'],
    ['only zero-width characters', 'name=%E2%80%8B'],
  ])('refuses %s with 422', async (_name, body) => {
    await expect(formOf(post(body, FORM))).rejects.toBeInstanceOf(TextUnreadableError);
  });

  test('refuses a body of broken UTF-8 bytes with 422', async () => {
    const body = Buffer.concat([Buffer.from('name='), Buffer.from([0xe5, 0xbc])]).toString('base64');
    await expect(formOf(post(body, FORM, { isBase64Encoded: true }))).rejects.toBeInstanceOf(TextUnreadableError);
  });

  test('reads a base64-encoded body', async () => {
    expect(await formOf(post(Buffer.from('a=1').toString('base64'), FORM, { isBase64Encoded: true }))).toEqual({ a: '1' });
  });
});

describe('JSON bodies', () => {
  test('keeps strings, numbers and booleans as text; drops objects, arrays and null', async () => {
    const body = JSON.stringify({ s: '张三', n: 12, b: true, o: { x: 1 }, a: [1], z: null });
    expect(await formOf(post(body, 'application/json'))).toEqual({ s: '张三', n: '12', b: 'true' });
  });

  test.each([
    ['not JSON', '{name:'],
    ['an array', '[1,2]'],
    ['a string', '"text"'],
    ['null', 'null'],
  ])('refuses %s with 400', async (_name, body) => {
    await expect(formOf(post(body, 'application/json'))).rejects.toBeInstanceOf(BodyMalformedError);
  });

  test('refuses a NUL in a JSON string with 422', async () => {
    await expect(formOf(post('{"name":"a\\u0000"}', 'application/json'))).rejects.toBeInstanceOf(TextUnreadableError);
  });

  test('refuses a lone surrogate in a JSON string with 422', async () => {
    await expect(formOf(post('{"name":"\\ud800"}', 'application/json'))).rejects.toBeInstanceOf(TextUnreadableError);
  });
});

describe('size limits (counted in bytes, before parsing)', () => {
  const bodyOf = (bytes: number) => `a=${'x'.repeat(bytes - 2)}`;

  test.each([
    ['exactly the default limit', DEFAULT_BODY_LIMIT_BYTES, true],
    ['one byte over the default limit', DEFAULT_BODY_LIMIT_BYTES + 1, false],
  ])('%s', async (_name, bytes, accepted) => {
    const result = formOf(post(bodyOf(bytes), FORM));
    if (accepted) await expect(result).resolves.toHaveProperty('a');
    else await expect(result).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  test('counts UTF-8 bytes, not characters', async () => {
    // 10 bytes allowed; "a=张三" is 2 + 6 = 8 bytes, "a=张三四" 11 bytes.
    await expect(formOf(post('a=张三', FORM), { limitBytes: 10 })).resolves.toEqual({ a: '张三' });
    await expect(formOf(post('a=张三四', FORM), { limitBytes: 10 })).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  test('the limit comes before the content type: an oversized body of any type is 413', async () => {
    await expect(formOf(post('x'.repeat(11), 'text/plain'), { limitBytes: 10 })).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  test('a route with its own limit and message', async () => {
    const routes = { 'POST /upload': { limitBytes: 20, tooLargeMessage: '附件不能超过 20 字节。' } };
    const event = (body: string) => post(body, FORM, { path: '/upload' });
    await expect(formOf(event(bodyOf(20)), { limitBytes: 10, routes })).resolves.toHaveProperty('a');
    const error = await formOf(event(bodyOf(21)), { limitBytes: 10, routes }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BodyTooLargeError);
    expect((error as BodyTooLargeError).httpStatus).toBe(413);
    expect((error as BodyTooLargeError).userMessage).toBe('附件不能超过 20 字节。');
    // Other routes keep the site's limit.
    await expect(formOf(post(bodyOf(11), FORM), { limitBytes: 10, routes })).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  test('a route key from the prototype is not a route', async () => {
    await expect(formOf(post(bodyOf(11), FORM, { routeKey: 'constructor' }), { limitBytes: 10, routes: {} })).rejects.toBeInstanceOf(BodyTooLargeError);
  });
});

describe('multipart on routes that allow it', () => {
  const boundary = 'b0undary';
  const multipart = [
    `--${boundary}`, 'Content-Disposition: form-data; name="title"', '', '会议记录',
    `--${boundary}`, 'Content-Disposition: form-data; name="file"; filename="minutes.pdf"', 'Content-Type: application/pdf', '', '%PDF-1.4',
    `--${boundary}--`, '',
  ].join('\r\n');
  const routes = { 'POST /upload': { limitBytes: 4096, multipart: { fileBytes: 1024 } } };

  test('fields go to the form, files to site.files', async () => {
    const event = await runBefore(bodyParser({ routes }), post(multipart, `multipart/form-data; boundary=${boundary}`, { path: '/upload' }));
    expect(event.site!.form).toEqual({ title: '会议记录' });
    expect(event.site!.files).toEqual([{ fieldName: 'file', fileName: 'minutes.pdf', contentType: 'application/pdf', bytes: Buffer.from('%PDF-1.4') }]);
  });

  test('a multipart field with a NUL is refused with 422', async () => {
    const bad = multipart.replace('会议记录', 'a\u0000b');
    await expect(runBefore(bodyParser({ routes }), post(bad, `multipart/form-data; boundary=${boundary}`, { path: '/upload' }))).rejects.toBeInstanceOf(TextUnreadableError);
  });
});

describe('cookies, scheme and JSON preference', () => {
  test('reads cookies and the scheme even without a body', async () => {
    const event = await runBefore(bodyParser(), edgeEvent({ cookies: ['dj_session=abc'], headers: { 'x-forwarded-proto': 'https' } }));
    expect(event.site).toMatchObject({ cookies: { dj_session: 'abc' }, https: true, json: false, form: {} });
  });

  test.each([
    ['a JSON body', { 'content-type': 'application/json; charset=utf-8' }, true],
    ['a client that accepts only JSON', { accept: 'application/json' }, true],
    ['a browser that accepts HTML and JSON', { accept: 'text/html,application/json;q=0.9' }, false],
    ['a browser', { accept: 'text/html,*/*' }, false],
    ['a JSON lookalike body', { 'content-type': 'application/jsonx' }, false],
    ['JSON in another charset', { 'content-type': 'application/json; charset=latin1' }, false],
    ['no headers', {}, false],
  ])('wantsJson for %s: %s', (_name, headers, json) => {
    expect(wantsJson(edgeEvent({ headers }))).toBe(json);
  });
});
