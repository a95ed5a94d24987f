import type { SafeHtml } from '../../../shared/ui/html';
import type { HttpResult } from './types';

export function htmlResponse(statusCode: number, page: SafeHtml, cookies?: string[]): HttpResult {
  return { statusCode, headers: { 'content-type': 'text/html; charset=utf-8' }, body: page.value, cookies };
}

export function jsonResponse(statusCode: number, data: unknown, cookies?: string[]): HttpResult {
  return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(data), cookies };
}

/** 303 See Other: after a POST, the browser GETs the target (no resubmission on reload). */
export function redirect(location: string, cookies?: string[]): HttpResult {
  return { statusCode: 303, headers: { location, 'content-type': 'text/plain; charset=utf-8' }, body: '', cookies };
}

/** Only a path on this site may be a redirect target (no open redirect through `next`). */
export function safeLocalPath(candidate: string | undefined, fallback: string): string {
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.includes('\\')) return fallback;
  return /^[\x21-\x7e]*$/.test(candidate) ? candidate : fallback;
}
