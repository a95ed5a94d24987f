import { randomUUID } from 'node:crypto';
import { queryAll } from './query-all';
import type { Store } from './store';
import type { TransactItem } from './transact';

/** One entry of an entity's record (全程纪实): what happened, who did it, when. */
export interface AuditEvent {
  at: string;
  action: string;
  /** A staff account id, or 'system' / 'public'. */
  actor: string;
  /** The actor's name, filled in when the file is read for people. */
  actorName?: string;
  details?: Record<string, unknown>;
}

const AUDIT_PREFIX = 'AUDIT#';
/** Orders the events one process writes within the same millisecond (a hand-driven clock writes many). */
let sequence = 0;

/** The audit event as a transaction item, written beside the state change it records. */
export function auditPut(store: Store, entityPk: string, event: AuditEvent): TransactItem {
  return {
    Put: {
      TableName: store.tableName,
      Item: { pk: entityPk, sk: `${AUDIT_PREFIX}${event.at}#${String(sequence++ % 1e9).padStart(9, '0')}#${randomUUID()}`, type: 'audit', ...event },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** The audit trail of an entity, oldest first. */
export async function listAudit(store: Store, entityPk: string): Promise<AuditEvent[]> {
  const items = await queryAll<AuditEvent>(store, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': entityPk, ':prefix': AUDIT_PREFIX },
  });
  return items.map(({ at, action, actor, details }) => ({ at, action, actor, details }) as AuditEvent);
}
