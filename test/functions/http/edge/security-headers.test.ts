import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS, securityHeaders } from '../../../../functions/http/edge/security-headers';
import { siteOf, type HttpResult } from '../../../../functions/http/edge/types';
import { edgeEvent, middyRequest } from './support/event';

// Every answer, errors included, carries the security headers; HSTS only over https; Cache-Control only where the
// route set none.

function answer(hook: 'after' | 'onError', options: { https?: boolean; cacheControl?: string; headers?: Record<string, string> } = {}): Record<string, unknown> {
  const event = edgeEvent();
  siteOf(event).https = options.https ?? false;
  const response: HttpResult = { statusCode: hook === 'after' ? 200 : 500, headers: { 'content-type': 'text/html; charset=utf-8', ...options.headers }, body: '' };
  const request = middyRequest(event, { response });
  void securityHeaders({ cacheControl: options.cacheControl })[hook]?.(request);
  return request.response!.headers!;
}

describe.each(['after', 'onError'] as const)('on %s', (hook) => {
  test('every security header, and the route\'s own headers kept', () => {
    const headers = answer(hook);
    expect(headers).toMatchObject(SECURITY_HEADERS);
    expect(headers['content-type']).toBe('text/html; charset=utf-8');
  });

  test.each([
    ['over https', true, 'max-age=31536000'],
    ['over http', false, undefined],
  ])('HSTS %s', (_name, https, hsts) => {
    expect(answer(hook, { https })['strict-transport-security']).toBe(hsts);
  });

  test.each([
    ['set where the route set none', undefined, 'no-store'],
    ['the route\'s own kept', 'private, max-age=60', 'private, max-age=60'],
  ])('cache-control %s', (_name, own, expected) => {
    expect(answer(hook, { cacheControl: 'no-store', headers: own ? { 'cache-control': own } : {} })['cache-control']).toBe(expected);
  });

  test('no cache-control when the site sets none', () => {
    expect(answer(hook)['cache-control']).toBeUndefined();
  });

  test('a route cannot weaken the policy: the security headers win', () => {
    expect(answer(hook, { headers: { 'content-security-policy': "default-src *", 'x-frame-options': 'ALLOWALL' } })).toMatchObject(SECURITY_HEADERS);
  });
});

test('no response (nothing to add to) is left alone', () => {
  const request = middyRequest(edgeEvent());
  expect(() => securityHeaders().onError?.(request)).not.toThrow();
  expect(request.response).toBeNull();
});

describe('the content security policy', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
  test.each([
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    ['img-src', "'self' data:"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
    ['base-uri', "'none'"],
    ['object-src', "'none'"],
  ])('%s %s', (directive, value) => {
    expect(directives.get(directive)).toBe(value);
  });

  test('allows no inline script or style and nothing from elsewhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
  });
});
