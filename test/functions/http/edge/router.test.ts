import { dispatch, siteRequest, type RouteTable } from '../../../../functions/http/edge/router';
import type { SiteRequest } from '../../../../functions/http/edge/types';
import { RecordNotFoundError } from '../../../../shared/errors';
import { edgeEvent, type EventOptions } from './support/event';

// Dispatch is by API Gateway's route key (method and route path); a key this site does not serve, another method
// on a served path included, is a 404 with the Chinese message. Path parameters and the query reach the handler.

const seen: Array<{ route: string; request: SiteRequest }> = [];
const ok = (route: string) => async (request: SiteRequest) => {
  seen.push({ route, request });
  return { statusCode: 200, body: route };
};
const ROUTES: RouteTable = {
  'GET /notices/{noticeId}': ok('show'),
  'POST /notices/{noticeId}/objections': ok('object'),
  'GET /': ok('home'),
};

async function route(options: EventOptions, routes: RouteTable | (() => RouteTable) = ROUTES): Promise<string> {
  try {
    return (await dispatch(routes)(edgeEvent(options))).body as string;
  } catch (error) {
    if (error instanceof RecordNotFoundError) return `${error.httpStatus} ${error.userMessage}`;
    throw error;
  }
}

describe('dispatch', () => {
  test.each([
    ['GET on a served route', { method: 'GET', path: '/notices/n-1', routeKey: 'GET /notices/{noticeId}' }, 'show'],
    ['POST on a served route', { method: 'POST', path: '/notices/n-1/objections', routeKey: 'POST /notices/{noticeId}/objections' }, 'object'],
    ['the root', { method: 'GET', path: '/' }, 'home'],
    ['another method on a served path', { method: 'POST', path: '/notices/n-1', routeKey: 'POST /notices/{noticeId}' }, '404 未找到该页面。'],
    ['HEAD where only GET is served', { method: 'HEAD', path: '/', routeKey: 'HEAD /' }, '404 未找到该页面。'],
    ['a path this site does not serve', { method: 'GET', path: '/staff' }, '404 未找到该页面。'],
    ['the route key in other case', { method: 'get', path: '/', routeKey: 'get /' }, '404 未找到该页面。'],
    ['a key from the prototype', { routeKey: 'constructor' }, '404 未找到该页面。'],
    ['a key from the prototype (__proto__)', { routeKey: '__proto__' }, '404 未找到该页面。'],
    ['API Gateway\'s default route', { routeKey: '$default' }, '404 未找到该页面。'],
  ])('%s', async (_name, options, answer) => {
    expect(await route(options)).toBe(answer);
  });

  test('the routes may depend on the request', async () => {
    const forRequest = () => ({ 'GET /': ok('per-request') });
    expect(await route({ path: '/' }, forRequest)).toBe('per-request');
  });
});

describe('what the handler receives', () => {
  test('path parameters, the first of each query value, and the site context', async () => {
    seen.length = 0;
    await route({ path: '/notices/n-1', routeKey: 'GET /notices/{noticeId}', pathParameters: { noticeId: 'n-1' }, query: 'page=2&page=3&q=%E5%BC%A0+%E4%B8%89' });
    const { request } = seen[0];
    expect(request.params).toEqual({ noticeId: 'n-1' });
    expect(request.query).toEqual({ page: '2', q: '张 三' });
    expect(request.site).toEqual({ form: {}, json: false, cookies: {}, https: false });
  });

  test.each([
    ['no query or parameters', {}, {}, {}],
    ['query names from the prototype are just names', { query: 'constructor=x&toString=y&toString=z' }, {}, { constructor: 'x', toString: 'y' }],
  ])('%s', (_name, options: EventOptions, params, query) => {
    const request = siteRequest(edgeEvent(options));
    expect(request.params).toEqual(params);
    expect(request.query).toEqual(query);
  });

  test('a __proto__ query name is an own value, not the prototype', () => {
    const { query } = siteRequest(edgeEvent({ query: '__proto__=x&a=1' }));
    expect(Object.getPrototypeOf(query)).toBe(Object.prototype);
    expect(Object.hasOwn(query, '__proto__')).toBe(true);
    expect(query.a).toBe('1');
  });
});
