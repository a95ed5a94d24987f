// `dangjian serve`: a pilot with real staff on one machine (ARCHITECTURE §8): no demo data, the real clock, SMTP mail, no /dev pages.
import './polyfills';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createApprovalSite } from '../../functions/http/approval-site';
import { createPublicSite } from '../../functions/http/public-site';
import { createStaffSite } from '../../functions/http/staff-site';
import { createLocalAuthenticator } from '../../shared/services/auth';
import { startControlChannel } from './backup/control-channel';
import { LocalBackups } from './backup/local-backups';
import type { ServeConfig } from './cli/serve-config';
import { VirtualClock } from './clock';
import { openDataStore } from './data-store';
import { healthRoute } from './health';
import { mailLogRoute } from './mail/mail-log-route';
import { SmtpMailQueue } from './mail/smtp-mail-queue';
import { smtpTransport } from '../../functions/adapters/smtp-transport';
import { createLocalRuntime } from './runtime';
import { startHttpServer } from './server';

export interface RunningPilot {
  url: string;
  stop(): Promise<void>;
}

/** The demo's clock state: a pilot never runs on virtual time. */
const CLOCK_STATE_FILE = 'clock.json';

export async function startPilot(config: ServeConfig, log: (line: string) => void): Promise<RunningPilot> {
  if (existsSync(join(config.dataDir, CLOCK_STATE_FILE))) {
    log(`警告 / warning: 已忽略数据目录中的虚拟时钟状态（${CLOCK_STATE_FILE}），正式试点始终使用真实时间 / the stored virtual-clock state is ignored: a pilot runs on the real clock`);
  }
  const data = await openDataStore({ dataDir: config.dataDir, tableName: config.tableName, endpoint: config.dynamoDbEndpoint });
  const { store } = data;
  // Before anything writes: every write passes the backups' gate, so a backup is one point in time.
  const backups = new LocalBackups(store, { ...config.backups, log });
  // No state file, rate 1, started now: the real time, never jumped.
  const clock = new VirtualClock({});
  const transport = smtpTransport(config.smtp);
  const mail = new SmtpMailQueue({ store, clock, transport, from: config.smtp.from, log });
  const runtime = createLocalRuntime({ store, clock, mailer: mail, publicBaseUrl: config.publicUrl, log });
  await runtime.start();
  mail.start();
  const control = await startControlChannel(config.dataDir, backups);
  backups.startDaily();
  const staffDeps = { ...runtime.deps, authenticator: createLocalAuthenticator(store), sessionClock: clock };
  const server = await startHttpServer({
    port: config.port,
    host: config.host,
    publicUrl: config.publicUrl,
    handlers: {
      'http-public': createPublicSite(runtime.deps),
      'http-staff': createStaffSite(staffDeps),
      'http-approval': createApprovalSite(staffDeps),
    },
    extraRoutes: [healthRoute({ store, runner: runtime.stepFunctions, mail, lastBackup: async () => backups.latest()?.takenAt.toISOString() ?? null }), mailLogRoute({ store, sessionClock: clock })],
    requestLog: (entry) => console.log(JSON.stringify({ level: 'info', at: new Date().toISOString(), msg: 'request', ...entry })),
  });
  return {
    url: server.url,
    async stop() {
      await server.close();
      await control.close();
      await backups.stop();
      await mail.stop();
      await runtime.shutdown();
      transport.close();
      await data.stop();
    },
  };
}
