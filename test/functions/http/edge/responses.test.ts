import fc from 'fast-check';
import { htmlResponse, jsonResponse, redirect, safeLocalPath } from '../../../../functions/http/edge/responses';
import { html } from '../../../../shared/ui/html';

// Answers: HTML and JSON in UTF-8, 303 redirects after a POST, and only a path on this site as a redirect target.

describe('safeLocalPath', () => {
  test.each([
    ['a path', '/staff/notices', '/staff/notices'],
    ['a path with a query', '/staff/notices?page=2&q=%E5%BC%A0', '/staff/notices?page=2&q=%E5%BC%A0'],
    ['the root', '/', '/'],
  ])('keeps %s', (_name, candidate, expected) => {
    expect(safeLocalPath(candidate, '/staff')).toBe(expected);
  });

  test.each([
    ['nothing', undefined],
    ['empty', ''],
    ['another site', 'https://evil.example/'],
    ['a protocol-relative URL', '//evil.example/'],
    ['a backslash (browsers read /\\ as //)', '/\\evil.example'],
    ['a relative path', 'staff'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a space', '/staff notices'],
    ['a tab (browsers drop it: /\\t/evil)', '/\t/evil.example'],
    ['a line break (header injection)', '/staff\r\nSet-Cookie: a=b'],
    ['a non-ASCII character', '/党建'],
    ['DEL', '/staff\u007f'],
  ])('refuses %s', (_name, candidate) => {
    expect(safeLocalPath(candidate, '/staff')).toBe('/staff');
  });

  test('whatever it returns is the fallback or a path on this site', () => {
    fc.assert(
      fc.property(fc.string(), (candidate) => {
        const result = safeLocalPath(candidate, '/fallback');
        return result === '/fallback' || (result.startsWith('/') && !result.startsWith('//') && !/[\\\s]/.test(result));
      }),
    );
  });
});

describe('answers', () => {
  test('an HTML page in UTF-8 with its cookies', () => {
    expect(htmlResponse(200, html`<p>${'张 & 三'}</p>`, ['a=1'])).toEqual({
      statusCode: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<p>张 &amp; 三</p>', cookies: ['a=1'],
    });
  });

  test('JSON in UTF-8', () => {
    const response = jsonResponse(422, { message: '有误' });
    expect(response.headers).toEqual({ 'content-type': 'application/json; charset=utf-8' });
    expect(JSON.parse(response.body!)).toEqual({ message: '有误' });
  });

  test('a redirect is 303 See Other with an empty body', () => {
    expect(redirect('/staff', ['s=1'])).toEqual({ statusCode: 303, headers: { location: '/staff', 'content-type': 'text/plain; charset=utf-8' }, body: '', cookies: ['s=1'] });
  });
});
