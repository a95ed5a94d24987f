import { createHash, randomBytes } from 'node:crypto';

/**
 * Link ids: 32 random bytes (256 bits) in base64url, 43 characters. Only their SHA-256 is stored; the raw id exists in
 * the e-mail's link and nowhere else (no audit event, no log line, no page but the link itself).
 */
export const newRawLinkId = (): string => randomBytes(32).toString('base64url');

export const hashLinkId = (rawLinkId: string): string => createHash('sha256').update(rawLinkId, 'utf8').digest('hex');

/** Whether `text` has the shape of a link id (anything else is invalid without a look-up). */
export const isWellFormedLinkId = (text: unknown): text is string => typeof text === 'string' && /^[A-Za-z0-9_-]{43}$/.test(text);

export const approvalLinkUrl = (publicBaseUrl: string, rawLinkId: string) => `${publicBaseUrl}/approvals/${rawLinkId}`;
