import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { StaffRole } from '../domain/accounts/staff-identity';
import { queryAll } from './query-all';
import type { Store } from './store';
import { conditionFailed, type TransactItem } from './transact';

/**
 * Local staff accounts (the local runtime; Cognito holds them in AWS), in the single table:
 *   pk ACCOUNT#<username>, sk ACCOUNT              the account (in AWS: the mirror of a Cognito user, see putAccountMirror)
 *   gsi1pk ORGSTAFF#<orgId>, gsi1sk <username>      an organization's staff, for notification e-mails
 *   pk ACCOUNT#<username>, sk LASTSIGNIN           the last sign-in (local accounts and Cognito users alike)
 *   pk ACCOUNT#<username>, sk AUDIT#…              the account's changes (created, disabled, password reset…)
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
  /** A password someone else chose (a new account): it must be changed before anything else. */
  mustChangePassword?: boolean;
  createdAt?: string;
  /** The hash of the one set-password link that may still be used (a newer reset replaces it). */
  resetLinkHash?: string;
}

const SK = 'ACCOUNT';
export const accountPk = (username: string) => `ACCOUNT#${username}`;
const accountKey = (username: string) => ({ pk: accountPk(username), sk: SK });
const accountItem = (account: Account) => ({ ...accountKey(account.username), gsi1pk: `ORGSTAFF#${account.orgId}`, gsi1sk: account.username, ...account });


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
    if (options.onlyIfNew && conditionFailed(error)) return false;
    throw error;
  }
}

function toAccount(item: Record<string, unknown>): Account {
  const { username, passwordHash, role, orgId, email, displayName, disabled, mustChangePassword, createdAt, resetLinkHash } = item as unknown as Account;
  return { username, passwordHash, role, orgId, email, displayName, disabled, mustChangePassword, createdAt, resetLinkHash };
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

/** A new account as a transaction item (refused when the username is taken). */
export function putNewAccount(store: Store, account: Account): TransactItem {
  return {
    Put: {
      TableName: store.tableName,
      Item: { ...accountKey(account.username), gsi1pk: `ORGSTAFF#${account.orgId}`, gsi1sk: account.username, type: 'account', ...account },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/**
 * What the table keeps of an account the Cognito user pool holds (AWS): who the user is, their role and organization, their
 * address and whether they are enabled, so that an organization's staff (their e-mails, their names in a file) stay a
 * query of the table. No password: Cognito alone signs them in. Written by the account administration with the audit event.
 */
export interface AccountMirror {
  username: string;
  displayName: string;
  role: StaffRole;
  orgId: string;
  email: string;
  disabled: boolean;
  createdAt?: string;
}

/** The mirror of a Cognito account as a transaction item, replacing the previous one (the directory's state is the truth). */
export function putAccountMirror(store: Store, mirror: AccountMirror): TransactItem {
  const { username, displayName, role, orgId, email, disabled, createdAt } = mirror;
  return {
    Put: {
      TableName: store.tableName,
      Item: { ...accountKey(username), gsi1pk: `ORGSTAFF#${orgId}`, gsi1sk: username, type: 'account', directory: 'cognito', username, displayName, role, orgId, email, disabled, createdAt },
    },
  };
}

/** Changes attributes of an existing account (undefined removes one), as a transaction item; `condition` adds to "exists". */
export function updateAccount(store: Store, username: string, changes: Partial<Omit<Account, 'username' | 'orgId'>>, condition?: { expression: string; values: Record<string, unknown> }): TransactItem {
  const set = Object.entries(changes).filter(([, v]) => v !== undefined);
  const remove = Object.entries(changes).filter(([, v]) => v === undefined);
  const names = Object.fromEntries(Object.keys(changes).map((k) => [`#${k}`, k]));
  const values = { ...Object.fromEntries(set.map(([k, v]) => [`:${k}`, v])), ...(condition?.values ?? {}) };
  const expression = [set.length ? `SET ${set.map(([k]) => `#${k} = :${k}`).join(', ')}` : '', remove.length ? `REMOVE ${remove.map(([k]) => `#${k}`).join(', ')}` : ''].filter(Boolean).join(' ');
  return {
    Update: {
      TableName: store.tableName,
      Key: accountKey(username),
      UpdateExpression: expression,
      ConditionExpression: ['attribute_exists(pk)', condition?.expression].filter(Boolean).join(' AND '),
      ExpressionAttributeNames: names,
      ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
    },
  };
}

/** Notes a successful sign-in (any authenticator). */
export async function recordSignIn(store: Store, username: string, at: string): Promise<void> {
  await store.doc.send(new UpdateCommand({ TableName: store.tableName, Key: { pk: accountPk(username), sk: 'LASTSIGNIN' }, UpdateExpression: 'SET lastSignInAt = :at', ExpressionAttributeValues: { ':at': at } }));
}

export async function getLastSignIn(store: Store, username: string): Promise<string | undefined> {
  const { Item } = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk: accountPk(username), sk: 'LASTSIGNIN' } }));
  return Item?.lastSignInAt as string | undefined;
}
