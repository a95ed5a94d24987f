import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './store';
import type { TransactItem } from './transact';

/**
 * Set-password links (local accounts: a password reset by mail), pk PASSWORDLINK#<sha256 of the raw id>, sk PASSWORDLINK.
 * Only the hash is stored; the raw id is in the e-mail alone. Single-use (status), expiring (validUntil), and only the
 * account's latest link counts (the account's resetLinkHash). TTL `expiresAt` (epoch s) removes old ones.
 */
export interface PasswordLink {
  linkHash: string;
  username: string;
  createdAt: string;
  validUntil: string;
  status: 'pending' | 'used';
  usedAt?: string;
}

const key = (linkHash: string) => ({ pk: `PASSWORDLINK#${linkHash}`, sk: 'PASSWORDLINK' });

export function putNewPasswordLink(store: Store, link: PasswordLink): TransactItem {
  const expiresAt = Math.ceil(Date.parse(link.validUntil) / 1000) + 30 * 86_400;
  return { Put: { TableName: store.tableName, Item: { ...key(link.linkHash), type: 'password-link', ...link, expiresAt }, ConditionExpression: 'attribute_not_exists(pk)' } };
}

export async function getPasswordLink(store: Store, linkHash: string): Promise<PasswordLink | undefined> {
  const { Item } = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: key(linkHash), ConsistentRead: true }));
  if (!Item) return undefined;
  const { linkHash: hash, username, createdAt, validUntil, status, usedAt } = Item as PasswordLink;
  return { linkHash: hash, username, createdAt, validUntil, status, usedAt };
}

/** Uses a pending, unexpired link (the condition makes it single-use). */
export function usePasswordLink(store: Store, linkHash: string, at: string): TransactItem {
  return {
    Update: {
      TableName: store.tableName,
      Key: key(linkHash),
      UpdateExpression: 'SET #status = :used, usedAt = :at',
      ConditionExpression: '#status = :pending AND validUntil > :at',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':used': 'used', ':pending': 'pending', ':at': at },
    },
  };
}
