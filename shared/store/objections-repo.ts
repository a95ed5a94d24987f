import type { Objection, ObjectionOutcome } from '../domain/notice/objection';
import { noticePk } from './notices-repo';
import { queryAll } from './query-all';
import type { Store } from './store';
import type { TransactItem } from './transact';
import { fromItem } from './item';

/** Objections live in their notice's partition: pk NOTICE#<noticeId>, sk OBJECTION#<filedAt>#<id>. */
const objectionSk = (objection: Pick<Objection, 'filedAt' | 'id'>) => `OBJECTION#${objection.filedAt}#${objection.id}`;

export function putNewObjection(store: Store, objection: Objection): TransactItem {
  return {
    Put: {
      TableName: store.tableName,
      Item: { pk: noticePk(objection.noticeId), sk: objectionSk(objection), type: 'objection', ...objection },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** Records the investigation outcome of an objection, once. */
export function setObjectionOutcome(store: Store, objection: Objection, outcome: ObjectionOutcome): TransactItem {
  return {
    Update: {
      TableName: store.tableName,
      Key: { pk: noticePk(objection.noticeId), sk: objectionSk(objection) },
      UpdateExpression: 'SET outcome = :outcome',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(outcome)',
      ExpressionAttributeValues: { ':outcome': outcome },
    },
  };
}

/** A notice's objections, in the order they were filed. */
export async function listObjections(store: Store, noticeId: string): Promise<Objection[]> {
  const items = await queryAll(store, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': noticePk(noticeId), ':prefix': 'OBJECTION#' },
    ConsistentRead: true,
  });
  return items.map((item) => fromItem<Objection>(item));
}
