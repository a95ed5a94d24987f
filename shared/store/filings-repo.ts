import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './store';
import type { TransactItem } from './transact';
import { fromItem } from './item';

/**
 * Filing acknowledgment links (备案回执): pk FILINGLINK#<sha256 of the raw id>, sk FILINGLINK. Only the hash is
 * stored; the raw id is in the e-mail alone. Single-use, expiring.
 */
export const filingLinkPk = (linkHash: string) => `FILINGLINK#${linkHash}`;

export interface FilingLink {
  linkHash: string;
  caseId: string;
  stepKey: string;
  stepLabel: string;
  personName: string;
  orgName: string;
  filedWith: string;
  filedAt: string;
  expiresAt: string;
  status: 'pending' | 'acknowledged';
  acknowledgedAt?: string;
}

export function putNewFilingLink(store: Store, link: FilingLink): TransactItem {
  return { Put: { TableName: store.tableName, Item: { pk: filingLinkPk(link.linkHash), sk: 'FILINGLINK', type: 'filing-link', ...link }, ConditionExpression: 'attribute_not_exists(pk)' } };
}

export async function getFilingLink(store: Store, linkHash: string): Promise<FilingLink | undefined> {
  const { Item } = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk: filingLinkPk(linkHash), sk: 'FILINGLINK' }, ConsistentRead: true }));
  if (!Item) return undefined;
  return fromItem<FilingLink>(Item);
}

/** Acknowledges a pending, unexpired link (the condition makes it single-use). */
export function acknowledgeFilingLink(store: Store, linkHash: string, at: string): TransactItem {
  return {
    Update: {
      TableName: store.tableName,
      Key: { pk: filingLinkPk(linkHash), sk: 'FILINGLINK' },
      UpdateExpression: 'SET #status = :ack, acknowledgedAt = :at',
      ConditionExpression: '#status = :pending AND expiresAt > :at',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':ack': 'acknowledged', ':pending': 'pending', ':at': at },
    },
  };
}
