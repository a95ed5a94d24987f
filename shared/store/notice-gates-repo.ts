import { objectionsOnGates } from '../domain/notice/objection-gates';
import type { Notice } from '../domain/notice/notice';
import { noticePk } from './notices-repo';
import { queryAll } from './query-all';
import type { Store } from './store';
import type { TransactItem } from './transact';

/**
 * A notice's objection gates: pk NOTICE#<id>, sk GATE#<n> (n < the notice's objectionGates), each with the notice's
 * status ('open' until the notice closes or is withdrawn), its endsAtMs and the objections counted through it.
 * Notices published before the gates existed have none (no objectionGates) and count on the notice item.
 */
export interface ObjectionGate {
  gate: number;
  objectionCount: number;
}

const gateSk = (gate: number) => `GATE#${String(gate).padStart(2, '0')}`;
const gateKey = (noticeId: string, gate: number) => ({ pk: noticePk(noticeId), sk: gateSk(gate) });
const gateNumbers = (notice: Pick<Notice, 'objectionGates'>) => Array.from({ length: notice.objectionGates ?? 0 }, (_, gate) => gate);

/** The gates of a new notice, for its publication's transaction. */
export function putObjectionGates(store: Store, notice: Pick<Notice, 'id' | 'endsAtMs' | 'objectionGates' | 'audience'>): TransactItem[] {
  return gateNumbers(notice).map((gate) => ({
    Put: {
      TableName: store.tableName,
      Item: { ...gateKey(notice.id, gate), type: 'notice-gate', status: 'open', endsAtMs: notice.endsAtMs, audience: notice.audience, objectionCount: 0 },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  }));
}

/**
 * Counts one objection through a gate; refused (condition) once the gate is closed or the notice's end has passed,
 * and, with `publicOnly`, unless the gate belongs to a public notice (gates written before they carried the audience
 * refuse too: the caller then reads the notice).
 */
export function countObjectionOnGate(store: Store, noticeId: string, gate: number, nowMs: number, options: { publicOnly?: boolean } = {}): TransactItem {
  return {
    Update: {
      TableName: store.tableName,
      Key: gateKey(noticeId, gate),
      UpdateExpression: 'SET objectionCount = objectionCount + :one',
      ConditionExpression: `#status = :open AND endsAtMs >= :now${options.publicOnly ? ' AND audience = :public' : ''}`,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':one': 1, ':open': 'open', ':now': nowMs, ...(options.publicOnly ? { ':public': 'public' } : {}) },
    },
  };
}

/** A notice's gates and their counts (consistent). */
export async function listObjectionGates(store: Store, noticeId: string): Promise<ObjectionGate[]> {
  const items = await queryAll(store, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': noticePk(noticeId), ':prefix': 'GATE#' },
    ConsistentRead: true,
  });
  return items.map((item) => ({ gate: Number(String(item.sk).slice('GATE#'.length)), objectionCount: Number(item.objectionCount) }));
}

/**
 * Closes every gate, in the transaction that closes or withdraws the notice. With the counts read before (`counted`),
 * each gate must still hold its count, so that an objection counted meanwhile makes the closing read again.
 */
export function closeObjectionGates(store: Store, notice: Pick<Notice, 'id' | 'objectionGates'>, status: 'closed' | 'withdrawn', counted?: ObjectionGate[]): TransactItem[] {
  return gateNumbers(notice).map((gate) => {
    const count = counted?.find((g) => g.gate === gate)?.objectionCount;
    return {
      Update: {
        TableName: store.tableName,
        Key: gateKey(notice.id, gate),
        UpdateExpression: 'SET #status = :status',
        ConditionExpression: count === undefined ? 'attribute_exists(pk)' : 'objectionCount = :count',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': status, ...(count === undefined ? {} : { ':count': count }) },
      },
    };
  });
}

/** Moves the gates' end with the notice's (a calendar year added). */
export function moveObjectionGatesEnd(store: Store, notice: Pick<Notice, 'id' | 'objectionGates'>, endsAtMs: number): TransactItem[] {
  return gateNumbers(notice).map((gate) => ({
    Update: {
      TableName: store.tableName,
      Key: gateKey(notice.id, gate),
      UpdateExpression: 'SET endsAtMs = :end',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':end': endsAtMs },
    },
  }));
}

/** The notice with its objections counted so far: while a gated notice is open, its count is on the gates. */
export async function withObjectionsSoFar<T extends Pick<Notice, 'id' | 'status' | 'objectionGates' | 'objectionCount'>>(store: Store, notice: T): Promise<T> {
  if (notice.status !== 'open' || !notice.objectionGates) return notice;
  return { ...notice, objectionCount: objectionsOnGates(await listObjectionGates(store, notice.id)) };
}
