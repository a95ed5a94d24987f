import type { MiddlewareObj } from '@middy/core';
import { BodyMalformedError, BodyTooLargeError } from './body-parser-errors';
import { isHttps, readCookies } from './cookies';
import { parseMultipart } from './multipart';
import { assertReadableFields, decodeFormComponent, decodeUtf8 } from './text-checks';
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

/** The media type of a content type header, exactly (`application/jsonx` is not JSON); a charset other than UTF-8 is refused. */
function mediaType(contentType: string): string {
  const [type, ...parameters] = contentType.split(';').map((part) => part.trim());
  const charset = parameters.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') return `${type}; charset=${charset}`;
  return type;
}

/** Answer JSON for a JSON body, or when the client accepts JSON and not HTML. */
export function wantsJson(event: SiteEvent): boolean {
  const accept = header(event, 'accept');
  return mediaType(header(event, 'content-type')) === 'application/json' || (accept.includes('application/json') && !accept.includes('text/html'));
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

/**
 * The first value of each field; `Object.fromEntries` defines own properties, so `__proto__` is just a name.
 * Each name and value is decoded strictly: an escape that is not UTF-8 is refused, never read as U+FFFD.
 */
function fromUrlEncoded(text: string): Record<string, string> {
  const entries = text.split('&').filter((pair) => pair !== '').map((pair): [string, string] => {
    const at = pair.indexOf('=');
    return at < 0 ? [decodeFormComponent(pair), ''] : [decodeFormComponent(pair.slice(0, at)), decodeFormComponent(pair.slice(at + 1))];
  });
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
      const type = mediaType(header(event, 'content-type'));
      if (type === 'multipart/form-data' && route?.multipart) {
        const body = await parseMultipart(bytes, event.headers?.['content-type'] ?? '', { fileBytes: route.multipart.fileBytes, files: route.multipart.files }, route.tooLargeMessage);
        assertReadableFields(body.fields);
        site.form = body.fields;
        site.files = body.files;
        return;
      }
      if (type === 'application/json') site.form = fromJson(decodeUtf8(bytes));
      else if (type === 'application/x-www-form-urlencoded') site.form = fromUrlEncoded(decodeUtf8(bytes));
      else throw new BodyMalformedError({ detail: `Unsupported content type ${type || '(none)'}` });
      assertReadableFields(site.form);
    },
    name: 'body-parser',
  };
}
