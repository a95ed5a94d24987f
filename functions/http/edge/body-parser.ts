import type { MiddlewareObj } from '@middy/core';
import { ServiceError } from '../../../shared/services/errors';
import { isHttps, readCookies } from './cookies';
import { siteOf, type HttpResult, type SiteEvent } from './types';

export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

export class BodyTooLargeError extends ServiceError {
  readonly httpStatus = 413;
  constructor(options?: ErrorOptions & { detail?: string }) {
    super('提交的内容过大，请精简后重新提交。', options);
  }
}

export class BodyMalformedError extends ServiceError {
  readonly httpStatus = 400;
  constructor(options?: ErrorOptions & { detail?: string }) {
    super('提交的内容无法识别，请返回上一页重新提交。', options);
  }
}

const header = (event: SiteEvent, name: string): string => (event.headers?.[name] ?? '').toLowerCase();

/** Answer JSON for a JSON body, or when the client accepts JSON and not HTML. */
export function wantsJson(event: SiteEvent): boolean {
  const accept = header(event, 'accept');
  return header(event, 'content-type').startsWith('application/json') || (accept.includes('application/json') && !accept.includes('text/html'));
}

function fromJson(text: string): Record<string, string> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BodyMalformedError({ cause: error, detail: 'Body is not valid JSON' });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new BodyMalformedError({ detail: 'JSON body is not an object' });
  const entries = Object.entries(data).filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value));
  return Object.fromEntries(entries.map(([key, value]) => [key, String(value)]));
}

/** The first value of each field; `Object.fromEntries` defines own properties, so `__proto__` is just a name. */
function fromUrlEncoded(text: string): Record<string, string> {
  const entries = [...new URLSearchParams(text)];
  return Object.fromEntries(entries.filter(([key], index) => entries.findIndex(([other]) => other === key) === index));
}

/**
 * Reads cookies, the scheme, and the body (urlencoded form or JSON) into `event.site`. A body over
 * the limit gives 413 before anything is parsed; another content type with a body gives 400.
 */
export function bodyParser(options: { limitBytes?: number } = {}): MiddlewareObj<SiteEvent, HttpResult> {
  const limit = options.limitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  return {
    before: (request) => {
      const { event } = request;
      const site = siteOf(event);
      site.cookies = readCookies(event);
      site.https = isHttps(event);
      site.json = wantsJson(event);
      if (!event.body) return;
      const bytes = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
      if (bytes.length > limit) throw new BodyTooLargeError({ detail: `Body of ${bytes.length} bytes exceeds ${limit}` });
      const text = bytes.toString('utf8');
      const type = header(event, 'content-type');
      if (type.startsWith('application/json')) site.form = fromJson(text);
      else if (type.startsWith('application/x-www-form-urlencoded')) site.form = fromUrlEncoded(text);
      else throw new BodyMalformedError({ detail: `Unsupported content type ${type || '(none)'}` });
    },
    name: 'body-parser',
  };
}
