import { errorMapper, type ErrorLogger } from '../../../../functions/http/edge/error-mapper';
import { BodyMalformedError, BodyTooLargeError, TextUnreadableError } from '../../../../functions/http/edge/body-parser-errors';
import { AuthCsrfError } from '../../../../functions/http/edge/staff-session';
import { siteOf, type HttpResult, type SiteEvent } from '../../../../functions/http/edge/types';
import { AccountExistsError, PasswordChangeRequiredError, PasswordLinkInvalidError } from '../../../../shared/services/accounts/errors';
import { RecoveryThrottledError } from '../../../../shared/services/accounts/password-recovery';
import { ApprovalNotPendingError } from '../../../../shared/services/approval/errors';
import { AuthSignInFailedError, AuthThrottledError } from '../../../../shared/services/auth';
import { FilingLinkInvalidError } from '../../../../shared/services/development/errors';
import { ElectionAlreadyRunningError } from '../../../../shared/services/election/errors';
import {
  AuthForbiddenError, AuthRequiredError, InputInvalidError, NoticeClosedError, RecordNotFoundError, TaskAlreadyHandledError, type ServiceError,
} from '../../../../shared/errors';
import { OrgNotEmptyError } from '../../../../shared/services/registry/errors';
import { RosterFileMismatchError } from '../../../../shared/services/roster/roster-errors';
import { SettingsVersionConflictError } from '../../../../shared/services/settings/errors';
import { GENERIC_ERROR_MESSAGE } from '../../../../shared/ui/pages/error-page';
import { edgeEvent, middyRequest } from './support/event';

// A ServiceError becomes its own status and Chinese message (a page, or JSON for a JSON client); anything else is
// a 500 with a generic message, its details only in the log.

const SECRET = 'ConditionalCheckFailed on pk=ORG#secret-internal';

function mapError(error: unknown, event: SiteEvent, log: ErrorLogger = () => {}): HttpResult {
  const request = middyRequest(event, { error });
  void errorMapper({ log }).onError?.(request);
  return request.response!;
}

const postEvent = (json = false): SiteEvent => {
  const event = edgeEvent({ method: 'POST', path: '/staff/notices', query: 'a=1' });
  siteOf(event).json = json;
  return event;
};

const SERVICE_ERRORS: Array<[string, ServiceError, number]> = [
  ['BodyMalformedError', new BodyMalformedError({ detail: SECRET }), 400],
  ['RosterFileMismatchError', new RosterFileMismatchError({ detail: SECRET }), 400],
  ['AuthRequiredError', new AuthRequiredError({ cause: new Error(SECRET) }), 401],
  ['AuthSignInFailedError', new AuthSignInFailedError(), 401],
  ['AuthForbiddenError', new AuthForbiddenError({ detail: SECRET }), 403],
  ['AuthCsrfError', new AuthCsrfError({ detail: SECRET }), 403],
  ['PasswordChangeRequiredError', new PasswordChangeRequiredError({ detail: SECRET }), 403],
  ['RecordNotFoundError', new RecordNotFoundError('该公示'), 404],
  ['FilingLinkInvalidError', new FilingLinkInvalidError(), 404],
  ['PasswordLinkInvalidError (invalid)', new PasswordLinkInvalidError('invalid'), 404],
  ['NoticeClosedError', new NoticeClosedError('2026年3月2日'), 409],
  ['TaskAlreadyHandledError', new TaskAlreadyHandledError('李书记', undefined), 409],
  ['AccountExistsError', new AccountExistsError(), 409],
  ['ApprovalNotPendingError', new ApprovalNotPendingError({ detail: SECRET }), 409],
  ['ElectionAlreadyRunningError', new ElectionAlreadyRunningError({ detail: SECRET }), 409],
  ['OrgNotEmptyError', new OrgNotEmptyError(2, 3), 409],
  ['SettingsVersionConflictError', new SettingsVersionConflictError(4, { detail: SECRET }), 409],
  ['PasswordLinkInvalidError (expired)', new PasswordLinkInvalidError('expired'), 410],
  ['BodyTooLargeError', new BodyTooLargeError({ detail: SECRET }), 413],
  ['InputInvalidError', new InputInvalidError({ name: '请填写姓名。' }), 422],
  ['TextUnreadableError', new TextUnreadableError({ detail: SECRET }), 422],
  ['AuthThrottledError', new AuthThrottledError('delay', Date.UTC(2026, 2, 2, 1, 0)), 429],
  ['RecoveryThrottledError', new RecoveryThrottledError(), 429],
];

describe('ServiceError → its 4xx with the Chinese message', () => {
  test.each(SERVICE_ERRORS)('%s as a page', (_name, error, status) => {
    const response = mapError(error, postEvent());
    expect(response.statusCode).toBe(status);
    expect(response.headers?.['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain(error.userMessage);
    expect(error.userMessage).toMatch(/[\u4e00-\u9fff]/);
    expect(response.body).not.toContain(SECRET);
    expect(response.body).not.toContain(error.name);
  });

  test.each(SERVICE_ERRORS)('%s as JSON', (_name, error, status) => {
    const response = mapError(error, postEvent(true));
    expect(response.statusCode).toBe(status);
    expect(response.headers?.['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(response.body!)).toEqual({ error: { status, message: error.userMessage, ...(error instanceof InputInvalidError ? { fieldErrors: error.fieldErrors } : {}) } });
    expect(response.body).not.toContain(SECRET);
  });

  test('the field messages of a 422 are on the page', () => {
    const response = mapError(new InputInvalidError({ name: '请填写姓名。', date: '日期格式不正确。' }), postEvent());
    expect(response.body).toContain('请填写姓名。');
    expect(response.body).toContain('日期格式不正确。');
  });

  test('a service error is not logged as a fault', () => {
    const logged: unknown[] = [];
    mapError(new AuthForbiddenError(), postEvent(), (entry) => logged.push(entry));
    expect(logged).toEqual([]);
  });
});

describe('sign-in and password-change redirects (page GETs only)', () => {
  test.each([
    ['AuthRequiredError on a page GET: to sign-in with the way back', new AuthRequiredError(), 'GET', false, 303, '/staff/sign-in?next=%2Fstaff%2Fnotices%3Fa%3D1'],
    ['AuthRequiredError on a POST: a 401 page', new AuthRequiredError(), 'POST', false, 401, undefined],
    ['AuthRequiredError for a JSON client: 401 JSON', new AuthRequiredError(), 'GET', true, 401, undefined],
    ['PasswordChangeRequiredError on a page GET: to the password page', new PasswordChangeRequiredError(), 'GET', false, 303, '/staff/password'],
    ['PasswordChangeRequiredError on a POST: a 403 page', new PasswordChangeRequiredError(), 'POST', false, 403, undefined],
    ['AuthForbiddenError on a page GET: a 403 page, no redirect', new AuthForbiddenError(), 'GET', false, 403, undefined],
  ])('%s', (_name, error, method, json, status, location) => {
    const event = edgeEvent({ method, path: '/staff/notices', query: 'a=1' });
    siteOf(event).json = json;
    const response = mapError(error, event);
    expect(response.statusCode).toBe(status);
    expect(response.headers?.location).toBe(location);
  });

  test('a sign-in redirect without a query keeps just the path', () => {
    expect(mapError(new AuthRequiredError(), edgeEvent({ path: '/staff' })).headers?.location).toBe('/staff/sign-in?next=%2Fstaff');
  });
});

describe('anything else → 500 without details', () => {
  class StoreFault extends Error {
    name = 'StoreFault';
  }
  test.each([
    ['an Error', new Error(SECRET)],
    ['a TypeError', new TypeError(SECRET)],
    ['an Error subclass', new StoreFault(SECRET)],
    ['a thrown string', SECRET],
    ['a thrown object', { message: SECRET }],
  ])('%s: generic page and JSON, nothing leaked', (_name, thrown) => {
    for (const json of [false, true]) {
      const response = mapError(thrown, postEvent(json));
      expect(response.statusCode).toBe(500);
      expect(response.body).toContain(GENERIC_ERROR_MESSAGE);
      expect(response.body).not.toContain(SECRET);
      expect(response.body).not.toMatch(/StoreFault|TypeError|at .*\.ts:\d+/);
    }
  });

  test('the fault is logged with the route, request id, name and stack, never the body, cookies or headers', () => {
    const logged: Array<Record<string, unknown>> = [];
    const event = edgeEvent({ method: 'POST', path: '/staff/notices', body: 'password=hunter2', cookies: ['dj_session=s3cret'], headers: { authorization: 'Bearer t0ken' } });
    mapError(new StoreFault(SECRET), event, (logEntry) => logged.push(logEntry));
    expect(logged).toHaveLength(1);
    const entry = logged[0] as { routeKey: string; requestId: string; error: { name: string; message: string; stack: string } };
    expect(entry).toMatchObject({ level: 'error', routeKey: 'POST /staff/notices', requestId: 'edge-request', error: { name: 'StoreFault', message: SECRET } });
    expect(entry.error.stack).toContain('StoreFault');
    for (const secret of ['hunter2', 's3cret', 't0ken']) expect(JSON.stringify(entry)).not.toContain(secret);
  });
});
