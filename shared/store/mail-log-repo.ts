import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll } from './query-all';
import type { Store } from './store';
import { fromItem } from './item';
import { conditionFailed } from './transact';

/**
 * The sent-mail log of SMTP delivery (the local runtime's `serve`; SES keeps its own in AWS): every mail from the
 * moment it is handed over, with its delivery status.
 *   pk MAIL#<id>, sk MAIL                            the mail
 *   gsi1pk MAILS#<status>, gsi1sk <time>#<id>        by status: pending (time = next attempt), sent, failed (time = when)
 */

export type MailStatus = 'pending' | 'sent' | 'failed';

export interface LoggedMail {
  id: string;
  to: string[];
  subject: string;
  text: string;
  html?: string;
  status: MailStatus;
  queuedAt: string;
  attempts: number;
  /** While pending: when the next attempt is due. */
  nextAttemptAt?: string;
  /** When it was delivered (sent) or given up (failed). */
  settledAt?: string;
  /** The last failure, as the mail server answered (for administrators). */
  lastError?: string;
}

const key = (id: string) => ({ pk: `MAIL#${id}`, sk: 'MAIL' });
const listing = (status: MailStatus, at: string, id: string) => ({ gsi1pk: `MAILS#${status}`, gsi1sk: `${at}#${id}` });

function toMail(item: Record<string, unknown>): LoggedMail {
  return fromItem<LoggedMail>(item);
}

/** A new pending mail, due at once. */
export async function putQueuedMail(store: Store, mail: Omit<LoggedMail, 'status' | 'attempts' | 'nextAttemptAt'>): Promise<void> {
  const item = { ...mail, status: 'pending', attempts: 0, nextAttemptAt: mail.queuedAt };
  await store.doc.send(new PutCommand({ TableName: store.tableName, Item: { ...key(mail.id), type: 'mail', ...listing('pending', mail.queuedAt, mail.id), ...item }, ConditionExpression: 'attribute_not_exists(pk)' }));
}

export async function getMail(store: Store, id: string): Promise<LoggedMail | undefined> {
  const { Item } = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: key(id), ConsistentRead: true }));
  return Item ? toMail(Item) : undefined;
}

/**
 * Records an attempt's outcome, only over the attempt count it started from (a second worker's result is not
 * written twice): `next` pending with its next attempt, sent or failed with when. False when the condition failed.
 */
export async function recordAttempt(store: Store, mail: LoggedMail, next: { status: MailStatus; at: string; error?: string }): Promise<boolean> {
  const names = { '#status': 'status' };
  const values: Record<string, unknown> = { ':status': next.status, ':attempts': mail.attempts + 1, ':previous': mail.attempts, ':pending': 'pending', ...Object.fromEntries(Object.entries(listing(next.status, next.at, mail.id)).map(([k, v]) => [`:${k}`, v])) };
  const sets = ['#status = :status', 'attempts = :attempts', 'gsi1pk = :gsi1pk', 'gsi1sk = :gsi1sk'];
  if (next.status === 'pending') sets.push('nextAttemptAt = :at');
  else sets.push('settledAt = :at');
  values[':at'] = next.at;
  if (next.error !== undefined) {
    sets.push('lastError = :error');
    values[':error'] = next.error.slice(0, 500);
  }
  try {
    await store.doc.send(new UpdateCommand({
      TableName: store.tableName, Key: key(mail.id), UpdateExpression: `SET ${sets.join(', ')}${next.status === 'pending' ? '' : ' REMOVE nextAttemptAt'}`,
      ConditionExpression: '#status = :pending AND attempts = :previous', ExpressionAttributeNames: names, ExpressionAttributeValues: values,
    }));
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}

/** Pending mails due at `now` or earlier, the earliest first. */
export async function listDueMails(store: Store, now: string, limit = 20): Promise<LoggedMail[]> {
  const result = await store.doc.send(new QueryCommand({
    TableName: store.tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk <= :now',
    ExpressionAttributeValues: { ':pk': 'MAILS#pending', ':now': `${now}#\uffff` }, Limit: limit,
  }));
  return (result.Items ?? []).map(toMail);
}

/** Mails of one status, the newest first (pending: the latest due first), at most `limit`. */
export async function listMails(store: Store, status: MailStatus, options: { limit?: number; since?: string } = {}): Promise<LoggedMail[]> {
  const since = options.since !== undefined;
  const result = await store.doc.send(new QueryCommand({
    TableName: store.tableName, IndexName: 'gsi1', KeyConditionExpression: since ? 'gsi1pk = :pk AND gsi1sk >= :since' : 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': `MAILS#${status}`, ...(since ? { ':since': options.since } : {}) }, ScanIndexForward: false, Limit: options.limit ?? 100,
  }));
  return (result.Items ?? []).map(toMail);
}

/** How many mails have a status (all of them: the log is small next to the rest of the table). */
export async function countMails(store: Store, status: MailStatus, since?: string): Promise<number> {
  const items = await queryAll(store, {
    IndexName: 'gsi1', KeyConditionExpression: since ? 'gsi1pk = :pk AND gsi1sk >= :since' : 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': `MAILS#${status}`, ...(since ? { ':since': since } : {}) }, ProjectionExpression: 'pk',
  });
  return items.length;
}
