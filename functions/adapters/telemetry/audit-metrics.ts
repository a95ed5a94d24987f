import type { Store } from '../../../shared/store/store';
import { countMetric, METRIC, type MetricName } from './telemetry';

/** The metric an audit action counts toward, if any (the audit event is written in the transaction of the change it records). */
export function metricOfAuditAction(action: string): MetricName | undefined {
  if (action.endsWith('.step-recorded')) return METRIC.stepsRecorded;
  if (action === 'approval.resolved') return METRIC.approvalsDecided;
  return undefined;
}

/** A string attribute as the document client holds it, or as the marshalled item does ({ S: … }). */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const marshalled = (value as { S?: unknown } | null | undefined)?.S;
  return typeof marshalled === 'string' ? marshalled : undefined;
}

interface TransactInput {
  TransactItems?: { Put?: { Item?: Record<string, unknown> } }[];
}

/** The audit actions a transaction wrote. */
export function auditActionsOf(input: TransactInput): string[] {
  return (input.TransactItems ?? []).flatMap(({ Put }) => {
    const item = Put?.Item;
    const action = item && text(item.type) === 'audit' ? text(item.action) : undefined;
    return action ? [action] : [];
  });
}

/**
 * Counts steps recorded and approvals decided from the audit events of the transactions that committed: every change
 * the services make writes its audit event in the same transaction, so a metric is counted exactly when the change is made.
 */
export function countAuditMetrics(store: Store): Store {
  store.doc.middlewareStack.add((next) => async (args) => {
    const result = await next(args);
    for (const action of auditActionsOf(args.input as TransactInput)) {
      const metric = metricOfAuditAction(action);
      if (metric) countMetric(metric);
    }
    return result;
  }, { step: 'initialize', name: 'dangjianAuditMetrics' });
  return store;
}
