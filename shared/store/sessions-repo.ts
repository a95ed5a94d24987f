import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { StaffIdentity } from '../services/actor';
import type { Store } from './store';

/**
 * Staff sessions, in the single table. Only the SHA-256 hash of the session id is stored, so the
 * table never holds a usable cookie:
 *   pk SESSION#<sha-256 hex>, sk SESSION   actor, csrfToken, createdAt, expiresAtMs; TTL expiresAt (epoch s)
 * DynamoDB's TTL deletes late (up to days), so readers also check expiresAtMs.
 */

export interface StoredSession {
  idHash: string;
  /** Who signed in; the scope is not stored (it is computed per request from the tree). */
  actor: StaffIdentity;
  csrfToken: string;
  createdAt: string;
  expiresAtMs: number;
}

const key = (idHash: string) => ({ pk: `SESSION#${idHash}`, sk: 'SESSION' });

export async function putSession(store: Store, session: StoredSession): Promise<void> {
  await store.doc.send(
    new PutCommand({
      TableName: store.tableName,
      Item: { ...key(session.idHash), ...session, expiresAt: Math.ceil(session.expiresAtMs / 1000) },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

export async function getSession(store: Store, idHash: string): Promise<StoredSession | undefined> {
  const { Item } = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: key(idHash), ConsistentRead: true }));
  if (!Item) return undefined;
  const { actor, csrfToken, createdAt, expiresAtMs } = Item as StoredSession;
  return { idHash, actor, csrfToken, createdAt, expiresAtMs: Number(expiresAtMs) };
}

export async function deleteSession(store: Store, idHash: string): Promise<void> {
  await store.doc.send(new DeleteCommand({ TableName: store.tableName, Key: key(idHash) }));
}
