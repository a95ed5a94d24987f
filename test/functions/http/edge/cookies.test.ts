import fc from 'fast-check';
import { clearCookie, isHttps, readCookies, serializeCookie } from '../../../../functions/http/edge/cookies';
import { edgeEvent } from './support/event';

// Cookies: read from API Gateway's `cookies` (or the Cookie header), first one wins; Set-Cookie is HttpOnly and
// SameSite=Lax unless told otherwise, Secure only over https.

const attributes = (cookie: string) => cookie.split('; ').slice(1);

describe('serializeCookie', () => {
  test.each([
    ['defaults over http', { secure: false }, ['Path=/', 'HttpOnly', 'SameSite=Lax']],
    ['defaults over https', { secure: true }, ['Path=/', 'HttpOnly', 'SameSite=Lax', 'Secure']],
    ['a path and max-age', { secure: true, path: '/staff', maxAgeSeconds: 28800 }, ['Path=/staff', 'Max-Age=28800', 'HttpOnly', 'SameSite=Lax', 'Secure']],
    ['not HttpOnly when told', { secure: false, httpOnly: false }, ['Path=/', 'SameSite=Lax']],
    ['SameSite=Strict when told', { secure: false, sameSite: 'Strict' as const }, ['Path=/', 'HttpOnly', 'SameSite=Strict']],
    ['max-age rounded down', { secure: false, maxAgeSeconds: 59.9 }, ['Path=/', 'Max-Age=59', 'HttpOnly', 'SameSite=Lax']],
    ['a negative max-age is 0', { secure: false, maxAgeSeconds: -5 }, ['Path=/', 'Max-Age=0', 'HttpOnly', 'SameSite=Lax']],
  ])('%s', (_name, options, expected) => {
    expect(attributes(serializeCookie('dj_session', 'v', options))).toEqual(expected);
  });

  test('the value is percent-encoded, so it cannot add attributes', () => {
    expect(serializeCookie('n', 'a; Domain=evil.example', { secure: false }).split('; ')[0]).toBe('n=a%3B%20Domain%3Devil.example');
  });

  test('clearCookie expires the cookie at once with the same attributes', () => {
    expect(clearCookie('dj_session', { secure: true })).toBe('dj_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure');
  });

  test('any value survives serializing and reading back', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const pair = serializeCookie('k', value, { secure: true }).split('; ')[0];
        return readCookies(edgeEvent({ cookies: [pair] })).k === value;
      }),
    );
  });
});

describe('readCookies', () => {
  test.each([
    ['API Gateway cookies', { cookies: ['a=1', 'b=2'] }, { a: '1', b: '2' }],
    ['the Cookie header when there is no cookies array', { headers: { cookie: 'a=1; b=2' } }, { a: '1', b: '2' }],
    ['the first of a repeated name wins', { cookies: ['a=1', 'a=2'] }, { a: '1' }],
    ['a quoted value', { cookies: ['a="x y"'] }, { a: 'x y' }],
    ['a percent-encoded value', { cookies: ['a=%E5%BC%A0'] }, { a: '张' }],
    ['a bad escape is kept as it is', { cookies: ['a=%FF'] }, { a: '%FF' }],
    ['an "=" inside the value', { cookies: ['a=b=c'] }, { a: 'b=c' }],
    ['pairs without a name or "=" are skipped', { cookies: ['=1', 'novalue', 'b=2'] }, { b: '2' }],
    ['none', {}, {}],
  ])('%s', (_name, options, expected) => {
    expect(readCookies(edgeEvent(options))).toEqual(expected);
  });
});

describe('isHttps', () => {
  test.each([
    ['https', 'https', true],
    ['https first of a forwarded chain', 'https, http', true],
    ['http', 'http', false],
    ['http first of a forwarded chain', 'http, https', false],
    ['missing', undefined, false],
  ])('x-forwarded-proto %s', (_name, proto, https) => {
    expect(isHttps(edgeEvent({ headers: proto === undefined ? {} : { 'x-forwarded-proto': proto } }))).toBe(https);
  });
});
