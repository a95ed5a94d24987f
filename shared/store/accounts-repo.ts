import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { StaffRole } from '../services/actor';
import { queryAll } from './query-all';
import type { Store } from './store';
import type { TransactItem } from './transact';

/**
 * Local staff accounts (the local runtime; Cognito holds them in AWS), in the single table:
 *   pk ACCOUNT#<username>, sk ACCOUNT              the account
 *   gsi1pk ORGSTAFF#<orgId>, gsi1sk <username>      an organization's staff, for notification e-mails
 */

export interface Account {
  username: string;
  /** scrypt$N$r$p$<salt base64>$<hash base64> (see password-hash.ts) */
  passwordHash: string;
  role: StaffRole;
  /** The account's organization; its scope is that organization's subtree (admin: everything), computed per request. */
  orgId: string;
  email: string;
  displayName: string;
  disabled?: boolean;
}

const SK = 'ACCOUNT';
export const accountPk = (username: string) => `ACCOUNT#${username}`;
const accountKey = (username: string) => ({ pk: accountPk(username), sk: SK });
const accountItem = (account: Account) => ({ ...accountKey(account.username), gsi1pk: `ORGSTAFF#${account.orgId}`, gsi1sk: account.username, ...account });

/** A new account, for a transaction with its audit event: only if the username is free. */
export function putNewAccount(store: Store, account: Account): TransactItem {
  return { Put: { TableName: store.tableName, Item: accountItem(account), ConditionExpression: 'attribute_not_exists(pk)' } };
}

/** Stores an account; with `onlyIfNew`, an existing account is left untouched and false returned. */
export async function putAccount(store: Store, account: Account, options: { onlyIfNew?: boolean } = {}): Promise<boolean> {
  try {
    await store.doc.send(
      new PutCommand({
        TableName: store.tableName,
        Item: accountItem(account),
        ConditionExpression: options.onlyIfNew ? 'attribute_not_exists(pk)' : undefined,
      }),
    );
    return true;
  } catch (error) {
    if (options.onlyIfNew && (error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

function toAccount(item: Record<string, unknown>): Account {
  const { username, passwordHash, role, orgId, email, displayName, disabled } = item as unknown as Account;
  return { username, passwordHash, role, orgId, email, displayName, disabled };
}

export async function getAccount(store: Store, username: string): Promise<Account | undefined> {
  const { Item } = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: accountKey(username), ConsistentRead: true }));
  return Item ? toAccount(Item) : undefined;
}

/** The accounts whose own organization is `orgId`. */
export async function listOrgAccounts(store: Store, orgId: string): Promise<Account[]> {
  const items = await queryAll(store, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': `ORGSTAFF#${orgId}` },
  });
  return items.map(toAccount);
}

/** E-mail addresses of an organization's active staff, for notifications (distinct, sorted). */
export async function listStaffEmails(store: Store, orgId: string): Promise<string[]> {
  const accounts = await listOrgAccounts(store, orgId);
  const emails = accounts.filter((a) => !a.disabled && a.email).map((a) => a.email);
  return [...new Set(emails)].sort();
}
