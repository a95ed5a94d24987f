import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll } from './query-all';
import type { StaffIdentity } from '../domain/accounts/staff-identity';
import type { Store } from './store';

/**
 * Staff sessions, in the single table. Only the SHA-256 hash of the session id is stored, so the
 * table never holds a usable cookie:
 *   pk SESSION#<sha-256 hex>, sk SESSION   actor, csrfToken, createdAt, expiresAtMs; TTL expiresAt (epoch s)
 *   gsi1pk SESSIONS#<actor id>, gsi1sk <sha-256 hex>   a staff member's sessions (ended when the account is disabled)
 * DynamoDB's TTL deletes late (up to days), so readers also check expiresAtMs.
 */

export interface StoredSession {
  idHash: string;
  /** Who signed in; the scope is not stored (it is computed per request from the tree). */
  actor: StaffIdentity;
  csrfToken: string;
  createdAt: string;
  expiresAtMs: number;
  /** Signed in with a password someone else chose: only the change-password page until it is changed. */
  mustChangePassword?: boolean;
}

const key = (idHash: string) => ({ pk: `SESSION#${idHash}`, sk: 'SESSION' });

export async function putSession(store: Store, session: StoredSession): Promise<void> {
  await store.doc.send(
    new PutCommand({
      TableName: store.tableName,
      Item: { ...key(session.idHash), gsi1pk: `SESSIONS#${session.actor.id}`, gsi1sk: session.idHash, ...session, expiresAt: Math.ceil(session.expiresAtMs / 1000) },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

export async function getSession(store: Store, idHash: string): Promise<StoredSession | undefined> {
  const { Item } = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: key(idHash), ConsistentRead: true }));
  if (!Item) return undefined;
  const { actor, csrfToken, createdAt, expiresAtMs, mustChangePassword } = Item as StoredSession;
  return { idHash, actor, csrfToken, createdAt, expiresAtMs: Number(expiresAtMs), ...(mustChangePassword ? { mustChangePassword } : {}) };
}

export async function deleteSession(store: Store, idHash: string): Promise<void> {
  await store.doc.send(new DeleteCommand({ TableName: store.tableName, Key: key(idHash) }));
}

/** Ends every session of a staff member (their account was disabled or its password reset). */
export async function deleteSessionsOf(store: Store, actorId: string, options: { except?: string } = {}): Promise<void> {
  const items = await queryAll<{ gsi1sk: string }>(store, { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': `SESSIONS#${actorId}` } });
  for (const { gsi1sk } of items) if (gsi1sk !== options.except) await deleteSession(store, gsi1sk);
}

/** The session may go everywhere again (its password was changed). */
export async function clearMustChangePassword(store: Store, idHash: string): Promise<void> {
  await store.doc.send(new UpdateCommand({ TableName: store.tableName, Key: key(idHash), UpdateExpression: 'REMOVE mustChangePassword', ConditionExpression: 'attribute_exists(pk)' }));
}
