import type { MiddlewareObj } from '@middy/core';
import { BodyMalformedError, BodyTooLargeError } from './body-parser-errors';
import { isHttps, readCookies } from './cookies';
import { parseMultipart } from './multipart';
import { siteOf, type HttpResult, type SiteEvent } from './types';

export { BodyMalformedError, BodyTooLargeError } from './body-parser-errors';

export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * A route whose body differs from the default: a larger limit, and (for uploads) multipart/form-data accepted,
 * its files in `site.files`. Every other route keeps the 64 KB limit and urlencoded/JSON only.
 */
export interface RouteBodyOptions {
  limitBytes: number;
  multipart?: { fileBytes: number; files?: number };
  /** The 413 message for this route (e.g. the upload's size limit in words). */
  tooLargeMessage?: string;
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
 * Reads cookies, the scheme, and the body (urlencoded form or JSON; multipart on the routes that allow it) into
 * `event.site`. A body over the route's limit gives 413 before anything is parsed; another content type gives 400.
 */
export function bodyParser(options: { limitBytes?: number; routes?: Record<string, RouteBodyOptions> } = {}): MiddlewareObj<SiteEvent, HttpResult> {
  return {
    before: async (request) => {
      const { event } = request;
      const site = siteOf(event);
      site.cookies = readCookies(event);
      site.https = isHttps(event);
      site.json = wantsJson(event);
      if (!event.body) return;
      const route = options.routes && Object.hasOwn(options.routes, event.routeKey) ? options.routes[event.routeKey] : undefined;
      const limit = route?.limitBytes ?? options.limitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
      const bytes = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
      if (bytes.length > limit) throw new BodyTooLargeError({ detail: `Body of ${bytes.length} bytes exceeds ${limit}`, userMessage: route?.tooLargeMessage });
      const type = header(event, 'content-type');
      if (type.startsWith('multipart/form-data') && route?.multipart) {
        const body = await parseMultipart(bytes, event.headers?.['content-type'] ?? '', { fileBytes: route.multipart.fileBytes, files: route.multipart.files }, route.tooLargeMessage);
        site.form = body.fields;
        site.files = body.files;
        return;
      }
      const text = bytes.toString('utf8');
      if (type.startsWith('application/json')) site.form = fromJson(text);
      else if (type.startsWith('application/x-www-form-urlencoded')) site.form = fromUrlEncoded(text);
      else throw new BodyMalformedError({ detail: `Unsupported content type ${type || '(none)'}` });
    },
    name: 'body-parser',
  };
}
