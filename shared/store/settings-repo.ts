import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { TermReminderSettings } from '../domain/election/term-reminder-settings';
import type { Store } from './store';
import type { TransactItem } from './transact';

/**
 * Settings an administrator changes (one item each under pk `SETTINGS`, their audit events in the same partition).
 * `TERMREMINDERS`: the term-end reminders (换届提醒设置); absent → the built-in defaults. Each save increments
 * `version` and is written only if the stored version is still the one the form was shown with.
 */
export const SETTINGS_PK = 'SETTINGS';
const TERM_REMINDERS_SK = 'TERMREMINDERS';

export interface StoredTermReminderSettings extends TermReminderSettings {
  version: number;
  /** The account that saved this version, its name, and when (ISO instant). */
  changedBy: string;
  changedByName: string;
  changedAt: string;
}

export async function getStoredTermReminderSettings(store: Store): Promise<StoredTermReminderSettings | undefined> {
  const { Item } = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk: SETTINGS_PK, sk: TERM_REMINDERS_SK }, ConsistentRead: true }));
  if (!Item) return undefined;
  const { noticeMonths, requestMonths, version, changedBy, changedByName, changedAt } = Item;
  return { noticeMonths, requestMonths, version, changedBy, changedByName, changedAt } as StoredTermReminderSettings;
}

/** Version `next.version` of the setting: the first only if none is stored, later ones only over `next.version - 1`. */
export function putTermReminderSettings(store: Store, next: StoredTermReminderSettings): TransactItem {
  const Item = { pk: SETTINGS_PK, sk: TERM_REMINDERS_SK, type: 'settings', ...next };
  if (next.version === 1) return { Put: { TableName: store.tableName, Item, ConditionExpression: 'attribute_not_exists(pk)' } };
  return { Put: { TableName: store.tableName, Item, ConditionExpression: 'version = :previous', ExpressionAttributeValues: { ':previous': next.version - 1 } } };
}
