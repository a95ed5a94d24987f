import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { deleteSession, getSession, putSession } from '../../store/sessions-repo';
import type { Store } from '../../store/store';
import { identityOf, type Actor, type StaffIdentity } from '../actor';
import { resolveActor } from '../authorization';
import type { Clock } from '../ports';

/** Staff sessions: a random 256-bit id in the cookie, only its SHA-256 hash in the table, 8 hours. */
export const SESSION_TTL_MS = 8 * 3_600_000;

export interface Session {
  actor: Actor;
  csrfToken: string;
  expiresAtMs: number;
  /** Only the change-password page (and signing out) until the password someone else chose is changed. */
  mustChangePassword?: boolean;
}

export interface NewSession extends Session {
  /** The cookie value; never stored. */
  sessionId: string;
}

export const hashSessionId = (sessionId: string): string => createHash('sha256').update(sessionId).digest('hex');

export const randomToken = (): string => randomBytes(32).toString('base64url');

/** Opens a session for an identity (only the identity is stored: the scope is computed on every request). */
export async function startSession(store: Store, clock: Clock, identity: StaffIdentity, options: { mustChangePassword?: boolean } = {}): Promise<NewSession> {
  const sessionId = randomToken();
  const now = clock.now().getTime();
  const actor = await resolveActor(store, identity);
  const mustChange = options.mustChangePassword ? { mustChangePassword: true } : {};
  const session: NewSession = { sessionId, actor, csrfToken: randomToken(), expiresAtMs: now + SESSION_TTL_MS, ...mustChange };
  await putSession(store, {
    idHash: hashSessionId(sessionId),
    actor: identityOf(identity),
    csrfToken: session.csrfToken,
    createdAt: new Date(now).toISOString(),
    expiresAtMs: session.expiresAtMs,
    ...mustChange,
  });
  return session;
}

/**
 * The live session for a cookie value, or undefined (none, malformed, or expired). The actor's scope is computed
 * from the organization tree as it is now, so a moved or closed organization changes what staff may do at once.
 */
export async function resolveSession(store: Store, clock: Clock, sessionId: string | undefined): Promise<Session | undefined> {
  if (!sessionId || !/^[A-Za-z0-9_-]{43}$/.test(sessionId)) return undefined;
  const stored = await getSession(store, hashSessionId(sessionId));
  if (!stored || stored.expiresAtMs <= clock.now().getTime()) return undefined;
  const mustChange = stored.mustChangePassword ? { mustChangePassword: true } : {};
  return { actor: await resolveActor(store, identityOf(stored.actor)), csrfToken: stored.csrfToken, expiresAtMs: stored.expiresAtMs, ...mustChange };
}

export async function endSession(store: Store, sessionId: string | undefined): Promise<void> {
  if (sessionId) await deleteSession(store, hashSessionId(sessionId));
}

/** Constant-time comparison of a submitted token with the expected one. */
export function tokensMatch(expected: string, submitted: string | undefined): boolean {
  if (!submitted) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(submitted);
  return a.length === b.length && timingSafeEqual(a, b);
}
