import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { jsonResponse } from '../../functions/http/edge/responses';
import type { Store } from '../../shared/store/store';
import type { ExtraRoute } from './server';

export interface HealthSources {
  store: Store;
  runner: { status(): { running: boolean; executions: number } };
  /** The mail queue (SMTP); absent when mail stays in the outbox (the demo). */
  mail?: { counts(): Promise<{ pending: number; failed: number }> };
  /** The last backup, when backups are set up (ISO time; null: none yet). */
  lastBackup?: () => Promise<string | null>;
}

export interface HealthReport {
  status: 'ok' | 'failing';
  store: { reachable: boolean };
  runner: { running: boolean; executions: number };
  lastBackup: string | null;
  mail: { queue: 'smtp'; pending: number; failed: number } | { queue: 'outbox' } | { queue: 'unknown' };
}

/** What `GET /healthz` reports: the store answers, the runner runs; the backup and the mail queue for the operator. */
export async function healthReport(sources: HealthSources): Promise<HealthReport> {
  const reachable = await sources.store.doc.send(new DescribeTableCommand({ TableName: sources.store.tableName })).then(
    (answer) => answer.Table?.TableStatus === 'ACTIVE',
    () => false,
  );
  const runner = sources.runner.status();
  const mail: HealthReport['mail'] = !sources.mail ? { queue: 'outbox' } : reachable ? { queue: 'smtp', ...(await sources.mail.counts()) } : { queue: 'unknown' };
  const lastBackup = reachable && sources.lastBackup ? await sources.lastBackup() : null;
  return { status: reachable && runner.running ? 'ok' : 'failing', store: { reachable }, runner, lastBackup, mail };
}

/** `GET /healthz`: 200 when healthy, 503 when not, for a monitor or the reverse proxy; no personal data in it. */
export function healthRoute(sources: HealthSources): ExtraRoute {
  return {
    method: 'GET',
    path: '/healthz',
    handler: async () => {
      const report = await healthReport(sources);
      const result = jsonResponse(report.status === 'ok' ? 200 : 503, report);
      return { ...result, headers: { ...result.headers, 'cache-control': 'no-store' } };
    },
  };
}
